import type { Core } from '@strapi/strapi';
import type { PreviewArticle } from '../../../shared/contracts/tag-pages';
import { UIDS, type TermKind } from '../../../shared/constants';
import { getService } from '../utils/get-service';
import { articleJoinTable, columnName, tableName } from '../utils/metadata';
import type { TermRecord } from './term-page-query';

export interface PreviewPage {
  articles: PreviewArticle[];
  pagination: { page: number; pageSize: number; pageCount: number; total: number };
}

/**
 * A tag's or source's page as it would be if every draft were published: the
 * draft versions linked to it, last edited first. For a preview token only
 * (lib/preview-access.ts), never cached: it reads the link table, not the
 * term-page index (which holds published articles only), so its cost grows
 * with the term; an editor's preview, not a reader's page.
 */
const termPreview = ({ strapi }: { strapi: Core.Strapi }) => ({
  async page(kind: TermKind, term: TermRecord, { page, pageSize }: { page: number; pageSize: number }): Promise<PreviewPage> {
    const link = articleJoinTable(strapi, kind);
    const publishedAt = columnName(strapi, UIDS.article, 'publishedAt');
    const updatedAt = columnName(strapi, UIDS.article, 'updatedAt');
    const drafts = () =>
      strapi.db
        .connection(`${link.name} as l`)
        .join(`${tableName(strapi, UIDS.article)} as a`, 'a.id', `l.${link.joinColumn.name}`)
        .where(`l.${link.inverseJoinColumn.name}`, term.id)
        .whereNull(`a.${publishedAt}`);
    const [{ n }] = await drafts().count({ n: '*' });
    const rows: Array<{ id: number }> = await drafts()
      .select('a.id')
      .orderBy(`a.${updatedAt}`, 'desc')
      .orderBy('a.id', 'asc')
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const total = Number(n);
    return {
      articles: await getService(strapi, 'article-cards').draftsById(rows.map((row) => row.id)),
      pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
    };
  },
});

export default termPreview;
