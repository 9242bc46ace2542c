import type { Core } from '@strapi/strapi';
import type { Pagination, RelatedTag, SourceSummary, TagPageArticle, TagPagePagination, TermSummary } from '../../../shared/contracts/tag-pages';
import { TERM_INDEX, type TermKind } from '../../../shared/constants';
import { encodeCursor, type TagPageCursor } from '../lib/tag-page-cursor';
import { aliasStrings } from '../lib/term-names';
import { getService } from '../utils/get-service';
import { columnName, tableName } from '../utils/metadata';

/** A tag or source as the queries use it: what readers get, and its row id for the page queries. */
export type TermRecord = (TermSummary & Partial<Pick<SourceSummary, 'url'>>) & { id: number };

export interface TermPage {
  term: TermRecord;
  articles: TagPageArticle[];
  pagination: TagPagePagination;
}

export type PageRequest = { pageSize: number } & ({ page: number; after?: undefined } | { after: TagPageCursor; page?: undefined });

export class PageOutOfRangeError extends Error {}

/** The fields of each kind's summary, beyond its id and count. */
const SUMMARY_FIELDS: Record<TermKind, string[]> = {
  tags: ['name', 'slug', 'description', 'aliases', 'metaTitle', 'metaDescription', 'noindex'],
  sources: ['name', 'slug', 'url', 'description', 'aliases', 'metaTitle', 'metaDescription', 'noindex'],
};

/**
 * Every read behind the tag- and source-page routes: one query builder (knex
 * through strapi.db) for SQLite and PostgreSQL alike, reading the term-page
 * index of the kind asked (TERM_INDEX), so a page costs a fixed number of
 * queries of O(page size) whatever the term's size or the page's depth. Only
 * published articles are ever in that index.
 */
const termPageQuery = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const summaryColumns = (kind: TermKind) => [
    't.id',
    ...SUMMARY_FIELDS[kind].map((field) => ({ [field]: `t.${columnName(strapi, TERM_INDEX[kind].uid, field)}` })),
    'c.article_count',
  ];

  type SummaryRow = Record<string, unknown> & { id: number; name: string; slug: string; article_count: unknown };

  function records(kind: TermKind, rows: SummaryRow[]): TermRecord[] {
    return rows.map(({ article_count, aliases, description, metaTitle, metaDescription, noindex, url, ...row }) => ({
      id: row.id,
      name: row.name,
      slug: row.slug,
      ...(kind === 'sources' ? { url: (url as string | null) ?? null } : {}),
      description: (description as string | null) ?? null,
      // A JSON column: text on SQLite, parsed by the driver on PostgreSQL; null on a term from before aliases.
      aliases: aliasStrings(typeof aliases === 'string' ? JSON.parse(aliases) : aliases),
      metaTitle: (metaTitle as string | null) ?? null,
      metaDescription: (metaDescription as string | null) ?? null,
      // SQLite answers 0/1.
      noindex: Boolean(noindex),
      articleCount: Number(article_count ?? 0),
    }));
  }

  return {
    async findTerm(kind: TermKind, slug: string): Promise<TermRecord | null> {
      const { uid, counts } = TERM_INDEX[kind];
      const row = await knex()(`${tableName(strapi, uid)} as t`)
        .leftJoin(`${counts} as c`, 'c.term_id', 't.id')
        .select(...summaryColumns(kind))
        .where(`t.${columnName(strapi, uid, 'slug')}`, slug)
        .first();
      return row ? records(kind, [row])[0] : null;
    },

    async page(kind: TermKind, term: TermRecord, request: PageRequest): Promise<TermPage> {
      const { pageSize } = request;
      const total = term.articleCount;
      const pageCount = Math.ceil(total / pageSize);
      if (request.page !== undefined && request.page > Math.max(pageCount, 1)) {
        throw new PageOutOfRangeError(`page ${request.page} is past the last page (${Math.max(pageCount, 1)})`);
      }

      // One more row than the page tells whether a next page exists.
      const query = knex()(TERM_INDEX[kind].pages)
        .select('article_id', 'published_at')
        .where('term_id', term.id)
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
        term,
        articles,
        pagination: { page: request.page ?? null, pageSize, pageCount, total, next },
      };
    },

    /** `q`: only the terms whose name, slug or an alias matches it (services/term-names.ts: a range of the names index). */
    async list(
      kind: TermKind,
      options: { sort: 'count' | 'name'; page: number; pageSize: number; all: boolean; q?: string },
    ): Promise<{ terms: TermRecord[]; pagination: Pagination }> {
      const { uid, counts, type } = TERM_INDEX[kind];
      const table = tableName(strapi, uid);
      const name = columnName(strapi, uid, 'name');
      const matching = options.q === undefined ? null : getService(strapi, 'term-names').matchingIds(type, options.q, knex());
      const base = () => {
        const query = options.all
          ? knex()(`${table} as t`).leftJoin(`${counts} as c`, 'c.term_id', 't.id')
          : knex()(`${counts} as c`).join(`${table} as t`, 't.id', 'c.term_id');
        return matching ? query.whereIn('t.id', matching.clone()) : query;
      };
      const [{ n }] = await base().count({ n: '*' });
      const total = Number(n);
      const query = base()
        .select(...summaryColumns(kind))
        .limit(options.pageSize)
        .offset((options.page - 1) * options.pageSize);
      if (options.sort === 'count') query.orderByRaw('COALESCE(c.article_count, 0) DESC');
      // LOWER: the same order on SQLite and PostgreSQL whatever their collations.
      query.orderByRaw(`LOWER(t.??) ASC`, [name]).orderBy('t.id', 'asc');
      return {
        terms: records(kind, await query),
        pagination: { page: options.page, pageSize: options.pageSize, pageCount: Math.ceil(total / options.pageSize), total },
      };
    },

    /**
     * Tags sharing the most published articles with `tag`: read from the
     * co-occurrence table in its rank order (database/term-pairs.ts), so the
     * cost is the limit's, not the tag's size.
     */
    async related(tag: TermRecord, limit: number): Promise<RelatedTag[]> {
      const { uid, pairs } = TERM_INDEX.tags;
      const [name, slug] = [columnName(strapi, uid, 'name'), columnName(strapi, uid, 'slug')];
      const rows = (await knex()(`${pairs} as p`)
        .join(`${tableName(strapi, uid)} as t`, 't.id', 'p.other_id')
        .where('p.term_id', tag.id)
        .select({ name: `t.${name}` }, { slug: `t.${slug}` }, { shared: 'p.shared' })
        .orderBy([
          { column: 'p.shared', order: 'desc' },
          { column: 'p.other_id', order: 'asc' },
        ])
        .limit(limit)) as unknown as Array<{ name: string; slug: string; shared: number | string }>;
      return rows.map((row) => ({ name: row.name, slug: row.slug, sharedArticles: Number(row.shared) }));
    },
  };
};

export default termPageQuery;
