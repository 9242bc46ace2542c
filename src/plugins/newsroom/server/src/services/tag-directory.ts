import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { TABLES, UIDS } from '../../../shared/constants';
import type { AdminTag, AdminTagSort } from '../../../shared/contracts/tag-admin';
import type { Pagination } from '../../../shared/contracts/tag-pages';
import { articleJoinTable, columnName, tableName } from '../utils/metadata';

/** A tag as the lifecycle routes work on it. */
export interface TagRow {
  id: number;
  documentId: string;
  name: string;
  slug: string;
  aliases: string[];
}

const aliasesOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((a): a is string => typeof a === 'string') : []);

/**
 * The admin's view of every tag (the Tags page): found by slug, listed with
 * their published and never-published counts, searched by name, slug or
 * alias, one page at a time (10k tags are never loaded at once).
 */
const tagDirectory = ({ strapi }: { strapi: Core.Strapi }) => {
  // Reads join the caller's transaction (a merge's, whose view they must see): a plain call gets its own.
  const read = <T>(work: (trx: Knex) => Promise<T>): Promise<T> => strapi.db.transaction(async ({ trx }) => work(trx)) as unknown as Promise<T>;
  const t = () => ({
    table: tableName(strapi, UIDS.tag),
    name: columnName(strapi, UIDS.tag, 'name'),
    slug: columnName(strapi, UIDS.tag, 'slug'),
  });

  /** Per tag, the article documents linked to it that have no published version. */
  function unpublishedCounts(knex: Knex, tagIds?: number[]): Knex.QueryBuilder {
    const link = articleJoinTable(strapi, 'tags');
    const articles = tableName(strapi, UIDS.article);
    const publishedAt = columnName(strapi, UIDS.article, 'publishedAt');
    const query = knex(`${link.name} as l`)
      .join(`${articles} as a`, 'a.id', `l.${link.joinColumn.name}`)
      .whereNull(`a.${publishedAt}`)
      .whereNotExists(function published() {
        this.select(1).from(`${articles} as p`).whereRaw('p.document_id = a.document_id').whereNotNull(`p.${publishedAt}`);
      })
      .groupBy(`l.${link.inverseJoinColumn.name}`)
      .select({ tag_id: `l.${link.inverseJoinColumn.name}` })
      .countDistinct({ n: 'a.document_id' });
    if (tagIds) query.whereIn(`l.${link.inverseJoinColumn.name}`, tagIds);
    return query;
  }

  async function adminTags(knex: Knex, rows: Array<TagRow & { article_count?: unknown }>): Promise<AdminTag[]> {
    if (rows.length === 0) return [];
    const counted: Array<{ tag_id: number; n: number | string }> = await unpublishedCounts(knex, rows.map((row) => row.id));
    const unpublished = new Map(counted.map((row) => [row.tag_id, Number(row.n)]));
    return rows.map((row) => ({
      documentId: row.documentId,
      name: row.name,
      slug: row.slug,
      aliases: aliasesOf(row.aliases),
      articleCount: Number(row.article_count ?? 0),
      unpublishedCount: unpublished.get(row.id) ?? 0,
    }));
  }

  const tags = (knex: Knex) => knex(`${t().table} as t`).leftJoin(`${TABLES.tagCounts} as c`, 'c.term_id', 't.id');
  const selectTag = (query: Knex.QueryBuilder) =>
    query.select('t.id', { documentId: 't.document_id' }, { name: `t.${t().name}` }, { slug: `t.${t().slug}` }, { aliases: 't.aliases' }, 'c.article_count');

  const parse = (rows: Array<TagRow & { aliases: unknown }>): TagRow[] => rows.map((row) => ({ ...row, aliases: aliasesOf(typeof row.aliases === 'string' ? JSON.parse(row.aliases) : row.aliases) }));

  return {
    /** The tags of these slugs that exist. */
    bySlugs(slugs: string[]): Promise<TagRow[]> {
      return read(async (knex) => parse(await selectTag(tags(knex)).whereIn(`t.${t().slug}`, slugs)));
    },

    /** How many article documents (draft or published) carry any of these tags. */
    documentCount(tagIds: number[]): Promise<number> {
      const link = articleJoinTable(strapi, 'tags');
      return read(async (knex) => {
        const [{ n }] = await knex(`${link.name} as l`)
          .join(`${tableName(strapi, UIDS.article)} as a`, 'a.id', `l.${link.joinColumn.name}`)
          .whereIn(`l.${link.inverseJoinColumn.name}`, tagIds)
          .countDistinct({ n: 'a.document_id' });
        return Number(n);
      });
    },

    /** A tag as the Tags page lists it, as it is now. */
    describe(tag: TagRow): Promise<AdminTag> {
      return read(async (knex) => {
        const [row] = await selectTag(tags(knex)).where('t.id', tag.id);
        return (await adminTags(knex, parse([row ?? { ...tag, article_count: 0 }])))[0];
      });
    },

    list(options: { sort: AdminTagSort; page: number; pageSize: number; matching?: (knex: Knex) => Knex.QueryBuilder }): Promise<{ tags: AdminTag[]; pagination: Pagination }> {
      return read(async (knex) => {
        const base = () => {
          const query = tags(knex);
          if (options.matching) query.whereIn('t.id', options.matching(knex));
          return query;
        };
        const [{ n }] = await base().count({ n: '*' });
        const query = selectTag(base())
          .limit(options.pageSize)
          .offset((options.page - 1) * options.pageSize);
        if (options.sort === 'count') query.orderByRaw('COALESCE(c.article_count, 0) DESC');
        if (options.sort === 'unpublished') {
          query.leftJoin(unpublishedCounts(knex).as('u'), 'u.tag_id', 't.id').orderByRaw('COALESCE(u.n, 0) DESC');
        }
        // LOWER: one order on SQLite and PostgreSQL whatever their collations.
        query.orderByRaw('LOWER(t.??) ASC', [t().name]).orderBy('t.id', 'asc');
        const total = Number(n);
        return {
          tags: await adminTags(knex, parse(await query)),
          pagination: { page: options.page, pageSize: options.pageSize, pageCount: Math.ceil(total / options.pageSize), total },
        };
      });
    },
  };
};

export default tagDirectory;
