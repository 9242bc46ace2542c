import type { Core, UID } from '@strapi/strapi';
import type { PreviewArticle, TagPageArticle } from '../../../shared/contracts/tag-pages';
import { UIDS } from '../../../shared/constants';
import { articleCover, COVER_FIELDS, type CoverRow } from '../lib/article-cover';
import { articleJoinTable, columnName, mediaLinkTable, tableName } from '../utils/metadata';

type Timestamp = string | number | Date;
type ArticleRow = {
  id: number;
  documentId: string;
  title: string;
  slug: string;
  excerpt: string | null;
  byline: string | null;
  publishedAt: Timestamp;
  updatedAt: Timestamp;
};

// SQLite keeps milliseconds, PostgreSQL a timestamp: one ISO string out.
const iso = (value: Timestamp) => new Date(value).toISOString();

/**
 * The article cards of a tag or source page (and of any other listing):
 * published article rows by id, with their tags, sources and cover, in a
 * fixed number of queries (four) whatever the page size.
 */
const articleCards = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const column = (uid: UID.Schema, attribute: string) => columnName(strapi, uid, attribute);

  /** The related rows of a relation for many articles at once, in the editor's order. */
  async function relatedRows(attribute: 'tags' | 'sources', target: UID.Schema, fields: string[], articleIds: number[]) {
    const link = articleJoinTable(strapi, attribute);
    const rows: Array<Record<string, unknown> & { article_id: number }> = await knex()(`${link.name} as l`)
      .join(`${tableName(strapi, target)} as r`, 'r.id', `l.${link.inverseJoinColumn.name}`)
      .whereIn(`l.${link.joinColumn.name}`, articleIds)
      .orderBy(`l.${link.orderColumnName}`, 'asc')
      .orderBy('r.id', 'asc')
      .select({ article_id: `l.${link.joinColumn.name}` }, ...fields.map((field) => ({ [field]: `r.${column(target, field)}` })));
    const byArticle = new Map<number, Array<Record<string, unknown>>>();
    for (const { article_id, ...fieldsOfRow } of rows) {
      byArticle.set(article_id, [...(byArticle.get(article_id) ?? []), fieldsOfRow]);
    }
    return byArticle;
  }

  /** The cover files of many articles at once: one query, through the upload plugin's morph table. */
  async function covers(articleIds: number[]): Promise<Map<number, CoverRow>> {
    const link = mediaLinkTable(strapi);
    const rows: Array<CoverRow & { article_id: number }> = await knex()(`${link.name} as m`)
      .join(`${tableName(strapi, UIDS.file)} as f`, 'f.id', `m.${link.fileColumn}`)
      .where(`m.${link.typeColumn}`, UIDS.article)
      .where(`m.${link.fieldColumn}`, 'cover')
      .whereIn(`m.${link.idColumn}`, articleIds)
      .orderBy(`m.${link.orderColumn}`, 'asc')
      .select({ article_id: `m.${link.idColumn}` }, ...COVER_FIELDS.map((field) => ({ [field]: `f.${column(UIDS.file, field)}` })));
    const byArticle = new Map<number, CoverRow>();
    for (const { article_id, ...cover } of rows) if (!byArticle.has(article_id)) byArticle.set(article_id, cover);
    return byArticle;
  }

  /** Article rows by id, in the order given (ids with no row are left out), each with its publication as `publishedAt` maps it. */
  async function cards<P>(ids: number[], publishedAt: (value: Timestamp | null) => P) {
    if (ids.length === 0) return [];
    const table = strapi.db.metadata.get(UIDS.article).tableName;
    const fields = ['documentId', 'title', 'slug', 'excerpt', 'byline', 'publishedAt', 'updatedAt'];
    const origin = String(strapi.config.get('server.absoluteUrl'));
    const [rows, tags, sources, coverRows] = await Promise.all([
      knex()(table)
        .whereIn('id', ids)
        .select('id', ...fields.map((field) => ({ [field]: column(UIDS.article, field) }))),
      relatedRows('tags', UIDS.tag, ['name', 'slug'], ids),
      relatedRows('sources', UIDS.source, ['name', 'slug', 'url'], ids),
      covers(ids),
    ]);
    const byId = new Map((rows as ArticleRow[]).map((row) => [row.id, row]));
    return ids
      .map((id) => byId.get(id))
      .filter((row): row is ArticleRow => row !== undefined)
      .map((row) => ({
        documentId: row.documentId,
        title: row.title,
        slug: row.slug,
        excerpt: row.excerpt ?? null,
        byline: row.byline || null,
        cover: coverRows.has(row.id) ? articleCover(coverRows.get(row.id)!, origin) : null,
        publishedAt: publishedAt(row.publishedAt),
        updatedAt: iso(row.updatedAt),
        tags: (tags.get(row.id) ?? []) as TagPageArticle['tags'],
        sources: ((sources.get(row.id) ?? []) as TagPageArticle['sources']).map((source) => ({ ...source, url: source.url ?? null })),
      }));
  }

  return {
    /** Published article rows by id, in the order given. */
    byId: (ids: number[]): Promise<TagPageArticle[]> => cards(ids, (value) => iso(value!)),

    /** Draft article rows by id (a preview's), in the order given: a draft has no publication. */
    draftsById: (ids: number[]): Promise<PreviewArticle[]> => cards(ids, () => null),
  };
};

export default articleCards;
