import type { Core, UID } from '@strapi/strapi';
import type {
  Pagination,
  TagSummary as PublicTagSummary,
  RelatedTag,
  TagPageArticle,
  TagPagePagination,
} from '../../../shared/contracts/tag-pages';
import { encodeCursor, type TagPageCursor } from '../lib/tag-page-cursor';
import { aliasStrings } from '../lib/term-names';
import { TABLES, UIDS } from '../../../shared/constants';
import { getService } from '../utils/get-service';
import { columnName } from '../utils/metadata';

/** A tag as the queries use it: what readers get, and its row id for the page queries. */
export interface TagSummary extends PublicTagSummary {
  id: number;
}

export interface TagPage {
  tag: TagSummary;
  articles: TagPageArticle[];
  pagination: TagPagePagination;
}

export type PageRequest = { pageSize: number } & ({ page: number; after?: undefined } | { after: TagPageCursor; page?: undefined });

export class PageOutOfRangeError extends Error {}

/**
 * Every read behind the tag-page routes: one query builder (knex through
 * strapi.db) for SQLite and PostgreSQL alike, reading the tag-page index, so a
 * page costs a fixed number of queries of O(page size) whatever the tag's size
 * or the page's depth. Only published articles are ever in that index.
 */
const tagPageQuery = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const column = (uid: UID.Schema, attribute: string) => columnName(strapi, uid, attribute);
  const tagTable = () => ({
    table: strapi.db.metadata.get(UIDS.tag).tableName,
    name: column(UIDS.tag, 'name'),
    slug: column(UIDS.tag, 'slug'),
    description: column(UIDS.tag, 'description'),
    aliases: column(UIDS.tag, 'aliases'),
  });
  const summaryColumns = (t: ReturnType<typeof tagTable>) =>
    ['t.id', { name: `t.${t.name}` }, { slug: `t.${t.slug}` }, { description: `t.${t.description}` }, { aliases: `t.${t.aliases}` }, 'c.article_count'] as const;

  type SummaryRow = { id: number; name: string; slug: string; description?: string | null; aliases?: unknown; article_count: unknown };

  function withCount(rows: SummaryRow[]): TagSummary[] {
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      slug: row.slug,
      description: row.description ?? null,
      // A JSON column: text on SQLite, parsed by the driver on PostgreSQL; null on a tag from before aliases.
      aliases: aliasStrings(typeof row.aliases === 'string' ? JSON.parse(row.aliases) : row.aliases),
      articleCount: Number(row.article_count ?? 0),
    }));
  }

  return {
    async findTag(slug: string): Promise<TagSummary | null> {
      const t = tagTable();
      const row = await knex()(`${t.table} as t`)
        .leftJoin(`${TABLES.tagCounts} as c`, 'c.term_id', 't.id')
        .select(...summaryColumns(t))
        .where(`t.${t.slug}`, slug)
        .first();
      return row ? withCount([row])[0] : null;
    },

    async page(tag: TagSummary, request: PageRequest): Promise<TagPage> {
      const { pageSize } = request;
      const total = tag.articleCount;
      const pageCount = Math.ceil(total / pageSize);
      if (request.page !== undefined && request.page > Math.max(pageCount, 1)) {
        throw new PageOutOfRangeError(`page ${request.page} is past the last page (${Math.max(pageCount, 1)})`);
      }

      // One more row than the page tells whether a next page exists.
      const query = knex()(TABLES.tagArticles)
        .select('article_id', 'published_at')
        .where('term_id', tag.id)
        .orderBy([
          { column: 'published_at', order: 'desc' },
          { column: 'article_id', order: 'desc' },
        ])
        .limit(pageSize + 1);
      if (request.after) {
        query.andWhereRaw('(??, ??) < (?, ?)', ['published_at', 'article_id', request.after.publishedAt, request.after.id]);
      } else {
        query.offset((request.page - 1) * pageSize);
      }
      const positions: Array<{ article_id: number; published_at: number | string }> = await query;
      const onPage = positions.slice(0, pageSize);
      const last = onPage[onPage.length - 1];
      const next =
        positions.length > pageSize && last
          ? encodeCursor({ publishedAt: Number(last.published_at), id: last.article_id })
          : null;

      const articles = await getService(strapi, 'article-cards').byId(onPage.map((p) => p.article_id));
      return {
        tag,
        articles,
        pagination: { page: request.page ?? null, pageSize, pageCount, total, next },
      };
    },

    /** `q`: only the tags whose name, slug or an alias matches it (services/term-names.ts: a range of the names index). */
    async listTags(options: {
      sort: 'count' | 'name';
      page: number;
      pageSize: number;
      all: boolean;
      q?: string;
    }): Promise<{ tags: PublicTagSummary[]; pagination: Pagination }> {
      const t = tagTable();
      const matching = options.q === undefined ? null : getService(strapi, 'term-names').matchingIds('tag', options.q, knex());
      const base = () => {
        const query = options.all
          ? knex()(`${t.table} as t`).leftJoin(`${TABLES.tagCounts} as c`, 'c.term_id', 't.id')
          : knex()(`${TABLES.tagCounts} as c`).join(`${t.table} as t`, 't.id', 'c.term_id');
        return matching ? query.whereIn('t.id', matching.clone()) : query;
      };
      const [{ n }] = await base().count({ n: '*' });
      const total = Number(n);
      const query = base()
        .select(...summaryColumns(t))
        .limit(options.pageSize)
        .offset((options.page - 1) * options.pageSize);
      if (options.sort === 'count') query.orderByRaw('COALESCE(c.article_count, 0) DESC');
      // LOWER: the same order on SQLite and PostgreSQL whatever their collations.
      query.orderByRaw(`LOWER(t.??) ASC`, [t.name]).orderBy('t.id', 'asc');
      const tags = withCount(await query);
      return {
        tags: tags.map(({ id: _id, ...tag }) => tag),
        pagination: { page: options.page, pageSize: options.pageSize, pageCount: Math.ceil(total / options.pageSize), total },
      };
    },

    /** Tags sharing the most published articles with `tag`. */
    async related(tag: TagSummary, limit: number): Promise<RelatedTag[]> {
      const t = tagTable();
      const rows = (await knex()(`${TABLES.tagArticles} as a`)
        .join(`${TABLES.tagArticles} as b`, function joinSameArticle() {
          this.on('b.article_id', '=', 'a.article_id').andOn('b.term_id', '<>', 'a.term_id');
        })
        .join(`${t.table} as t`, 't.id', 'b.term_id')
        .where('a.term_id', tag.id)
        .groupBy('b.term_id', `t.${t.name}`, `t.${t.slug}`)
        .select({ name: `t.${t.name}` }, { slug: `t.${t.slug}` })
        .count({ shared: '*' })
        .orderBy([
          { column: 'shared', order: 'desc' },
          { column: 'b.term_id', order: 'asc' },
        ])
        .limit(limit)) as unknown as Array<{ name: string; slug: string; shared: number | string }>;
      return rows.map((row) => ({ name: row.name, slug: row.slug, sharedArticles: Number(row.shared) }));
    },
  };
};

export default tagPageQuery;
