import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { TERM_INDEX, TERM_KINDS, UIDS, type TermKind } from '../../../shared/constants';
import { changingArticles } from '../database/term-pairs';
import { emptyChangeSet } from '../lib/changes';
import { rowsPerTerm, termPageRows, type PublishedArticleRow, type TermPageRow } from '../lib/content-rules';
import { chunked } from '../utils/chunked';
import { getService } from '../utils/get-service';
import { articleJoinTable, columnName, tableName } from '../utils/metadata';
import { yieldToReaders } from '../utils/yield-to-readers';

/** Article ids per step of the consistency check. */
const CHECKED_IDS = 20_000;

type PublishedArticle = PublishedArticleRow & Partial<Record<TermKind, Array<{ id: number }>>>;

/**
 * Maintains the term-page index of tags and of sources (one design, two uses:
 * TERM_INDEX; rows from lib/content-rules/term-page-rows.ts), and beside it the
 * co-occurrence table of related tags (database/term-pairs.ts): the Document
 * Service middleware calls it after every write that can change a tag or
 * source page, the importer hands it the rows it wrote, and bootstrap
 * verifies it. Each change joins the caller's transaction (a plain call gets
 * its own), so the index never disagrees with what was committed; the
 * writers record what changed (services/page-versions.ts), a rebuild every page.
 */
const termPageIndex = ({ strapi }: { strapi: Core.Strapi }) => {
  const inTransaction = async <T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> =>
    strapi.db.transaction(async ({ trx }) => work(trx)) as unknown as Promise<T>;

  const publishedArticles = (where: Record<string, unknown>, kinds: readonly TermKind[], termIds?: number[]): Promise<PublishedArticle[]> =>
    strapi.db.query(UIDS.article).findMany({
      where: { ...where, publishedAt: { $notNull: true } },
      select: ['id', 'documentId', 'publishedAt'],
      populate: Object.fromEntries(kinds.map((kind) => [kind, { select: ['id'], ...(termIds ? { where: { id: { $in: termIds } } } : {}) }])),
    });

  const rowsOf = (articles: PublishedArticle[], kind: TermKind): TermPageRow[] =>
    articles.flatMap((article) => termPageRows(article, (article[kind] ?? []).map((term) => term.id)));

  /** Moves each term's count by `delta` rows; a term left with none has no count row. */
  async function adjustCounts(trx: Knex.Transaction, kind: TermKind, deltas: Map<number, number>, sign: 1 | -1): Promise<void> {
    const { counts } = TERM_INDEX[kind];
    const changes = [...deltas].map(([term_id, n]) => ({ term_id, article_count: sign * n }));
    for (const chunk of chunked(changes)) {
      await trx(counts)
        .insert(chunk)
        .onConflict('term_id')
        .merge({ article_count: trx.raw('??.article_count + excluded.article_count', [counts]) });
      if (sign < 0) await trx(counts).whereIn('term_id', chunk.map((change) => change.term_id)).where('article_count', '<=', 0).delete();
    }
  }

  async function add(trx: Knex.Transaction, kind: TermKind, rows: TermPageRow[]): Promise<void> {
    for (const chunk of chunked(rows)) await trx(TERM_INDEX[kind].pages).insert(chunk);
    await adjustCounts(trx, kind, rowsPerTerm(rows), 1);
  }

  /** Counts from the rows themselves, for the terms given (after a term's links changed wholesale). */
  async function recount(trx: Knex.Transaction, kind: TermKind, termIds: Iterable<number>): Promise<void> {
    const { pages, counts } = TERM_INDEX[kind];
    for (const chunk of chunked([...new Set(termIds)])) {
      const counted: Array<{ term_id: number; n: number | string }> = await trx(pages)
        .select('term_id')
        .count({ n: '*' })
        .whereIn('term_id', chunk)
        .groupBy('term_id');
      await trx(counts).whereIn('term_id', chunk).delete();
      if (counted.length > 0) await trx(counts).insert(counted.map((row) => ({ term_id: row.term_id, article_count: Number(row.n) })));
    }
  }

  /**
   * For the articles with ids in [from, to): the link rows of published ones
   * under `kind` and the index rows, counted by one statement (one snapshot,
   * so a write committing meanwhile cannot make them disagree).
   */
  async function rangeCounts(kind: TermKind, from: number, to: number): Promise<{ expected: number; indexed: number }> {
    const knex = strapi.db.connection;
    const link = articleJoinTable(strapi, kind);
    const linked = `l.${link.joinColumn.name}`;
    const expected = knex(`${link.name} as l`)
      .join(`${tableName(strapi, UIDS.article)} as a`, 'a.id', linked)
      .whereNotNull(`a.${columnName(strapi, UIDS.article, 'publishedAt')}`)
      .where(linked, '>=', from)
      .where(linked, '<', to)
      .count('*')
      .as('expected');
    const indexed = knex(TERM_INDEX[kind].pages).where('article_id', '>=', from).where('article_id', '<', to).count('*').as('indexed');
    const [row] = await knex.select(expected, indexed);
    return { expected: Number(row.expected), indexed: Number(row.indexed) };
  }

  return {
    /** Rows a writer derived from what it wrote (published article rows newly linked to terms). */
    async add(kind: TermKind, rows: TermPageRow[]): Promise<void> {
      if (rows.length === 0) return;
      await inTransaction((trx) => changingArticles(trx, TERM_INDEX[kind], rows.map((row) => row.article_id), () => add(trx, kind, rows)));
    },

    /** After articles were created, published, unpublished, edited or deleted: their rows under every taxonomy. */
    async syncDocuments(documentIds: string[]): Promise<void> {
      if (documentIds.length === 0) return;
      await inTransaction(async (trx) => {
        for (const chunk of chunked(documentIds)) {
          const articles = await publishedArticles({ documentId: { $in: chunk } }, TERM_KINDS);
          for (const kind of TERM_KINDS) {
            const { pages } = TERM_INDEX[kind];
            const removed: Array<{ term_id: number; article_id: number }> = await trx(pages).select('term_id', 'article_id').whereIn('document_id', chunk);
            const touched = [...removed.map((row) => row.article_id), ...articles.map((article) => article.id)];
            await changingArticles(trx, TERM_INDEX[kind], touched, async () => {
              await trx(pages).whereIn('document_id', chunk).delete();
              await adjustCounts(trx, kind, rowsPerTerm(removed), -1);
              await add(trx, kind, rowsOf(articles, kind));
            });
          }
        }
      });
    },

    /** After terms were edited (their article links) or deleted. */
    async syncTerms(kind: TermKind, termIds: number[]): Promise<void> {
      if (termIds.length === 0) return;
      const { pages } = TERM_INDEX[kind];
      await inTransaction(async (trx) => {
        for (const chunk of chunked(termIds)) {
          const before: number[] = await trx(pages).whereIn('term_id', chunk).pluck('article_id');
          const articles = await publishedArticles({ [kind]: { id: { $in: chunk } } }, [kind], chunk);
          await changingArticles(trx, TERM_INDEX[kind], [...before, ...articles.map((article) => article.id)], async () => {
            await trx(pages).whereIn('term_id', chunk).delete();
            for (const rows of chunked(rowsOf(articles, kind))) await trx(pages).insert(rows);
          });
        }
        await recount(trx, kind, termIds);
      });
    },

    /** Recomputes the whole index, in article id order and batches. */
    async rebuild(): Promise<void> {
      await inTransaction(async (trx) => {
        for (const { pages, counts, pairs } of Object.values(TERM_INDEX)) {
          for (const table of [pages, counts, pairs]) if (table) await trx(table).delete();
        }
        for (let lastId = 0; ; ) {
          const batch: PublishedArticle[] = await strapi.db.query(UIDS.article).findMany({
            where: { id: { $gt: lastId }, publishedAt: { $notNull: true } },
            select: ['id', 'documentId', 'publishedAt'],
            populate: { tags: { select: ['id'] }, sources: { select: ['id'] } },
            orderBy: { id: 'asc' },
            limit: 1000,
          });
          if (batch.length === 0) break;
          const ids = batch.map((article) => article.id);
          for (const kind of TERM_KINDS) await changingArticles(trx, TERM_INDEX[kind], ids, () => add(trx, kind, rowsOf(batch, kind)));
          lastId = batch[batch.length - 1].id;
        }
        await getService(strapi, 'page-versions').record({ ...emptyChangeSet(), all: true });
      });
    },

    /**
     * Each index holds exactly one row per term link of a published article:
     * compared a range of article ids at a time, each an indexed read of a
     * few thousand rows, yielding between them (the whole link table at a
     * million articles is seconds of reading). The co-occurrence table is
     * kept by the same writes as the index rows, in their transaction: a
     * write that bypassed both shows here, and a rebuild recomputes both.
     */
    async isConsistent(signal?: AbortSignal): Promise<boolean> {
      const [{ last }] = await strapi.db.connection(tableName(strapi, UIDS.article)).max({ last: 'id' });
      for (let from = 0; from <= Number(last ?? 0); from += CHECKED_IDS) {
        for (const kind of TERM_KINDS) {
          signal?.throwIfAborted();
          const { expected, indexed } = await rangeCounts(kind, from, from + CHECKED_IDS);
          if (expected !== indexed) return false;
          await yieldToReaders(strapi);
        }
      }
      return true;
    },

    /**
     * After a bulk load: fresh planner statistics and, on PostgreSQL, the
     * visibility map that lets a deep page (and the stock routes' count of
     * published articles) walk an index alone (an index-only scan) instead of
     * visiting every row it skips. Autovacuum would get there
     * too, minutes later. Runs outside any transaction (VACUUM must).
     */
    async analyze(): Promise<void> {
      const knex = strapi.db.connection;
      const articles = strapi.db.metadata.get(UIDS.article).tableName;
      const tables = Object.values(TERM_INDEX).flatMap(({ pages, counts, pairs }) => (pairs ? [pages, counts, pairs] : [pages, counts]));
      if (strapi.db.dialect.client === 'postgres') await knex.raw(`VACUUM (ANALYZE) ${tables.map(() => '??').join(', ')}, ??`, [...tables, articles]);
      // SQLite: its own maintenance, which analyzes only the tables whose size changed enough
      // since their statistics (0x10000: whichever connection queried them), each on a sample;
      // a plain ANALYZE reads every index, a third of a second on 100k articles with the
      // event loop held.
      else await knex.raw('PRAGMA optimize = 0x10002');
    },
  };
};

export default termPageIndex;
