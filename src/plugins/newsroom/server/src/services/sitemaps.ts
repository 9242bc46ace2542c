import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { TERM_INDEX, UIDS, type TermKind } from '../../../shared/constants';
import { pageUrl } from '../lib/changes';
import { idRange, NEWS_MAX_ARTICLES, NEWS_WINDOW_MS, type SitemapSection } from '../lib/sitemap/sitemap-files';
import type { NewsEntry, SitemapEntry } from '../lib/sitemap/sitemap-xml';
import { columnName, tableName } from '../utils/metadata';
import { pageLocations } from '../utils/page-locations';
import { pluginConfig } from '../utils/plugin-config';

type Timestamp = string | number | Date | null;
// SQLite keeps milliseconds, PostgreSQL a timestamp; the index keeps epoch milliseconds (a bigint: text from pg).
const dateOf = (value: Timestamp): Date | null => (value === null ? null : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value));
const newest = (...dates: Array<Date | null>): Date | null =>
  dates.reduce<Date | null>((a, b) => (!b ? a : !a || b > a ? b : a), null);

// Rows read at a time while a file is built: memory stays bounded however full the file.
const READ_CHUNK = 10_000;

/** A file of a section: its number, and the newest change among its URLs. */
export interface SitemapFile {
  n: number;
  lastmod: Date | null;
}

/**
 * What the sitemaps hold, read from the database a range of row ids at a time
 * (lib/sitemap/sitemap-files.ts): published articles only, and the tags and
 * sources with enough published articles that are not `noindex`. Tags and
 * sources are two uses of one query, on their term-page index.
 */
const sitemaps = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const settings = () => pluginConfig(strapi, 'sitemaps');
  const articles = () => tableName(strapi, UIDS.article);
  const column = (uid: string, attribute: string) => columnName(strapi, uid as never, attribute);

  /** The tags or sources a sitemap lists, with their newest published article (a correlated read of the page index). */
  function listedTerms(kind: TermKind): Knex.QueryBuilder {
    const { uid, pages, counts } = TERM_INDEX[kind];
    const noindex = `t.${column(uid, 'noindex')}`;
    return knex()(`${tableName(strapi, uid)} as t`)
      .join(`${counts} as c`, 'c.term_id', 't.id')
      .where('c.article_count', '>=', settings().minArticles)
      .where((q) => q.whereNull(noindex).orWhere(noindex, false))
      .select(
        't.id',
        { slug: `t.${column(uid, 'slug')}` },
        { updated: `t.${column(uid, 'updatedAt')}` },
        knex()(`${pages} as p`).max('p.published_at').where('p.term_id', knex().ref('t.id')).as('newest'),
      );
  }

  /** Rows of a section with their id, a file at a time, read in chunks by id. */
  async function* rangeRows<T extends { id: number }>(rows: (after: number) => Knex.QueryBuilder, n: number): AsyncGenerator<T[]> {
    const { after, upTo } = idRange(n, settings().urlsPerFile);
    for (let from = after; ; ) {
      const chunk: T[] = await rows(from).where('id', '<=', upTo).orderBy('id').limit(READ_CHUNK);
      if (chunk.length > 0) yield chunk;
      if (chunk.length < READ_CHUNK) return;
      from = chunk[chunk.length - 1].id;
    }
  }

  const publishedArticles = (): Knex.QueryBuilder => knex()(articles()).whereNotNull(column(UIDS.article, 'publishedAt'));

  /**
   * The files that list a URL, with their lastmod. Articles: one aggregate per
   * file over its id range (off the `(id, published_at, updated_at)` index), so
   * the index pages through the table a file at a time. Tags and sources: one
   * grouped read of the listed terms (a lookup in the term-page index each).
   */
  async function filesOf(section: SitemapSection): Promise<SitemapFile[]> {
    const perFile = settings().urlsPerFile;
    if (section === 'articles') {
      const files: SitemapFile[] = [];
      const last = await lastFile(section);
      for (let n = 1; n <= last; n += 1) {
        const { after, upTo } = idRange(n, perFile);
        const row = (await publishedArticles()
          .where('id', '>', after)
          .where('id', '<=', upTo)
          .max({ updated: column(UIDS.article, 'updatedAt') })
          .first()) as { updated: Timestamp } | undefined;
        if (row?.updated != null) files.push({ n, lastmod: dateOf(row.updated) });
      }
      return files;
    }
    const grouped: Array<{ file: number | string; updated: Timestamp; newest: Timestamp }> = await knex()
      .from(listedTerms(section).as('r'))
      // A cast: SQLite binds a number as a real, and would divide as one.
      .select(knex().raw('cast((r.id - 1) / ? as integer) as file', [perFile]), knex().raw('max(r.updated) as updated'), knex().raw('max(r.newest) as newest'))
      .groupByRaw('1')
      .orderByRaw('1');
    return grouped.map((row) => ({ n: Number(row.file) + 1, lastmod: newest(dateOf(row.updated), dateOf(row.newest)) }));
  }

  /** The number of files a section may have: its rows' highest id, a file's worth at a time. */
  async function lastFile(section: SitemapSection): Promise<number> {
    const table = section === 'articles' ? articles() : tableName(strapi, TERM_INDEX[section].uid);
    const row = (await knex()(table).max({ id: 'id' }).first()) as { id: number | string | null } | undefined;
    return Math.ceil(Number(row?.id ?? 0) / settings().urlsPerFile);
  }

  return {
    filesOf,
    lastFile,

    /** The reader-facing URLs of file `n` of a section. */
    async urls(section: SitemapSection, n: number): Promise<SitemapEntry[]> {
      const where = pageLocations(strapi);
      const entries: SitemapEntry[] = [];
      if (section === 'articles') {
        const fields = { id: 'id', slug: column(UIDS.article, 'slug'), updated: column(UIDS.article, 'updatedAt') };
        type Row = { id: number; slug: string; updated: Timestamp };
        for await (const chunk of rangeRows<Row>((after) => publishedArticles().where('id', '>', after).select(fields), n)) {
          for (const row of chunk) entries.push({ loc: pageUrl(where.articleUrl, row.slug), lastmod: dateOf(row.updated) });
        }
        return entries;
      }
      const pattern = section === 'tags' ? where.tagUrl : where.sourceUrl;
      type Row = { id: number; slug: string; updated: Timestamp; newest: Timestamp };
      for await (const chunk of rangeRows<Row>((after) => knex().from(listedTerms(section).as('s')).where('id', '>', after).select('*'), n)) {
        for (const row of chunk) entries.push({ loc: pageUrl(pattern, row.slug), lastmod: newest(dateOf(row.updated), dateOf(row.newest)) });
      }
      return entries;
    },

    /** Articles published in the last two days, newest first, at most 1,000 (Google News). */
    async news(now: Date): Promise<NewsEntry[]> {
      const publishedAt = column(UIDS.article, 'publishedAt');
      const rows: Array<{ slug: string; title: string; publishedAt: Timestamp }> = await publishedArticles()
        .where(publishedAt, '>=', new Date(now.getTime() - NEWS_WINDOW_MS))
        .orderBy(publishedAt, 'desc')
        .orderBy('id', 'asc')
        .limit(NEWS_MAX_ARTICLES)
        .select({ slug: column(UIDS.article, 'slug'), title: column(UIDS.article, 'title'), publishedAt });
      const { articleUrl } = pageLocations(strapi);
      return rows.map((row) => ({ loc: pageUrl(articleUrl, row.slug), title: row.title, publishedAt: dateOf(row.publishedAt)! }));
    },
  };
};

export default sitemaps;
