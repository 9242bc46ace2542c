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
import { articleJoinTable, columnName, tableName } from '../utils/metadata';

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

  type ArticleRow = { id: number; documentId: string; title: string; slug: string; excerpt: string | null; publishedAt: string | number | Date };

  /** Published article rows by id, in the order given, with their tags and sources: three queries. */
  async function articlesById(ids: number[]): Promise<TagPageArticle[]> {
    if (ids.length === 0) return [];
    const table = strapi.db.metadata.get(UIDS.article).tableName;
    const fields = ['documentId', 'title', 'slug', 'excerpt', 'publishedAt'];
    const [rows, tags, sources] = await Promise.all([
      knex()(table)
        .whereIn('id', ids)
        .select('id', ...fields.map((field) => ({ [field]: column(UIDS.article, field) }))),
      relatedRows('tags', UIDS.tag, ['name', 'slug'], ids),
      relatedRows('sources', UIDS.source, ['name', 'slug', 'url'], ids),
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
        // SQLite keeps milliseconds, PostgreSQL a timestamp: one ISO string out.
        publishedAt: new Date(row.publishedAt).toISOString(),
        tags: (tags.get(row.id) ?? []) as TagPageArticle['tags'],
        sources: ((sources.get(row.id) ?? []) as TagPageArticle['sources']).map((source) => ({ ...source, url: source.url ?? null })),
      }));
  }

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
        .leftJoin(`${TABLES.tagCounts} as c`, 'c.tag_id', 't.id')
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
        .where('tag_id', tag.id)
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

      const articles = await articlesById(onPage.map((p) => p.article_id));
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
          ? knex()(`${t.table} as t`).leftJoin(`${TABLES.tagCounts} as c`, 'c.tag_id', 't.id')
          : knex()(`${TABLES.tagCounts} as c`).join(`${t.table} as t`, 't.id', 'c.tag_id');
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
          this.on('b.article_id', '=', 'a.article_id').andOn('b.tag_id', '<>', 'a.tag_id');
        })
        .join(`${t.table} as t`, 't.id', 'b.tag_id')
        .where('a.tag_id', tag.id)
        .groupBy('b.tag_id', `t.${t.name}`, `t.${t.slug}`)
        .select({ name: `t.${t.name}` }, { slug: `t.${t.slug}` })
        .count({ shared: '*' })
        .orderBy([
          { column: 'shared', order: 'desc' },
          { column: 'b.tag_id', order: 'asc' },
        ])
        .limit(limit)) as unknown as Array<{ name: string; slug: string; shared: number | string }>;
      return rows.map((row) => ({ name: row.name, slug: row.slug, sharedArticles: Number(row.shared) }));
    },
  };
};

export default tagPageQuery;
