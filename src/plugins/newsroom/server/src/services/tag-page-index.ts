import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { TABLES, UIDS } from '../../../shared/constants';
import { emptyChangeSet } from '../lib/changes';
import { rowsPerTag, tagPageRows, type PublishedArticleRow, type TagPageRow } from '../lib/content-rules';
import { chunked } from '../utils/chunked';
import { getService } from '../utils/get-service';
import { articleJoinTable, columnName } from '../utils/metadata';

const PAGES = TABLES.tagArticles;
const COUNTS = TABLES.tagCounts;

type PublishedArticle = PublishedArticleRow & { tags: Array<{ id: number }> };

/**
 * Maintains the tag-page index (lib/content-rules/tag-page-rows.ts): the
 * Document Service middleware calls it after every write that can change a
 * tag page, the importer hands it the rows it wrote, and bootstrap verifies
 * it. Each change joins the caller's transaction (a plain call gets its own),
 * so the index never disagrees with what was committed; the writers record
 * what changed (services/page-versions.ts), a rebuild every page.
 */
const tagPageIndex = ({ strapi }: { strapi: Core.Strapi }) => {
  const inTransaction = async <T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> =>
    strapi.db.transaction(async ({ trx }) => work(trx)) as unknown as Promise<T>;

  const publishedArticles = (where: Record<string, unknown>, tagIds?: number[]): Promise<PublishedArticle[]> =>
    strapi.db.query(UIDS.article).findMany({
      where: { ...where, publishedAt: { $notNull: true } },
      select: ['id', 'documentId', 'publishedAt'],
      populate: { tags: { select: ['id'], ...(tagIds ? { where: { id: { $in: tagIds } } } : {}) } },
    });

  const rowsOf = (articles: PublishedArticle[]): TagPageRow[] =>
    articles.flatMap((article) => tagPageRows(article, article.tags.map((tag) => tag.id)));

  /** Moves each tag's count by `delta` rows; a tag left with none has no count row. */
  async function adjustCounts(trx: Knex.Transaction, deltas: Map<number, number>, sign: 1 | -1): Promise<void> {
    const changes = [...deltas].map(([term_id, n]) => ({ term_id, article_count: sign * n }));
    for (const chunk of chunked(changes)) {
      await trx(COUNTS)
        .insert(chunk)
        .onConflict('term_id')
        .merge({ article_count: trx.raw('??.article_count + excluded.article_count', [COUNTS]) });
      if (sign < 0) await trx(COUNTS).whereIn('term_id', chunk.map((change) => change.term_id)).where('article_count', '<=', 0).delete();
    }
  }

  async function add(trx: Knex.Transaction, rows: TagPageRow[]): Promise<void> {
    for (const chunk of chunked(rows)) await trx(PAGES).insert(chunk);
    await adjustCounts(trx, rowsPerTag(rows), 1);
  }

  /** Counts from the rows themselves, for the tags given (after a tag's links changed wholesale). */
  async function recount(trx: Knex.Transaction, tagIds: Iterable<number>): Promise<void> {
    for (const chunk of chunked([...new Set(tagIds)])) {
      const counted: Array<{ term_id: number; n: number | string }> = await trx(PAGES)
        .select('term_id')
        .count({ n: '*' })
        .whereIn('term_id', chunk)
        .groupBy('term_id');
      await trx(COUNTS).whereIn('term_id', chunk).delete();
      if (counted.length > 0) await trx(COUNTS).insert(counted.map((row) => ({ term_id: row.term_id, article_count: Number(row.n) })));
    }
  }

  return {
    /** Rows a writer derived from what it wrote (published article rows newly linked to tags). */
    async add(rows: TagPageRow[]): Promise<void> {
      if (rows.length > 0) await inTransaction((trx) => add(trx, rows));
    },

    /** After articles were created, published, unpublished, edited or deleted. */
    async syncDocuments(documentIds: string[]): Promise<void> {
      if (documentIds.length === 0) return;
      await inTransaction(async (trx) => {
        for (const chunk of chunked(documentIds)) {
          const removed: Array<{ term_id: number }> = await trx(PAGES).select('term_id').whereIn('document_id', chunk);
          await trx(PAGES).whereIn('document_id', chunk).delete();
          await adjustCounts(trx, rowsPerTag(removed), -1);
          await add(trx, rowsOf(await publishedArticles({ documentId: { $in: chunk } })));
        }
      });
    },

    /** After tags were edited (their article links) or deleted. */
    async syncTags(tagIds: number[]): Promise<void> {
      if (tagIds.length === 0) return;
      await inTransaction(async (trx) => {
        for (const chunk of chunked(tagIds)) {
          await trx(PAGES).whereIn('term_id', chunk).delete();
          for (const rows of chunked(rowsOf(await publishedArticles({ tags: { id: { $in: chunk } } }, chunk)))) await trx(PAGES).insert(rows);
        }
        await recount(trx, tagIds);
      });
    },

    /** Recomputes the whole index, in article id order and batches. */
    async rebuild(): Promise<void> {
      await inTransaction(async (trx) => {
        await trx(PAGES).delete();
        await trx(COUNTS).delete();
        for (let lastId = 0; ; ) {
          const batch: PublishedArticle[] = await strapi.db.query(UIDS.article).findMany({
            where: { id: { $gt: lastId }, publishedAt: { $notNull: true } },
            select: ['id', 'documentId', 'publishedAt'],
            populate: { tags: { select: ['id'] } },
            orderBy: { id: 'asc' },
            limit: 1000,
          });
          if (batch.length === 0) break;
          await add(trx, rowsOf(batch));
          lastId = batch[batch.length - 1].id;
        }
        await getService(strapi, 'page-versions').record({ ...emptyChangeSet(), all: true });
      });
    },

    /** The index holds exactly one row per tag link of a published article. */
    async isConsistent(): Promise<boolean> {
      const articles = strapi.db.metadata.get(UIDS.article);
      const link = articleJoinTable(strapi, 'tags');
      const publishedAt = columnName(strapi, UIDS.article, 'publishedAt');
      const knex = strapi.db.connection;
      const [{ n: expected }] = await knex(`${link.name} as l`)
        .join(`${articles.tableName} as a`, `a.id`, `l.${link.joinColumn.name}`)
        .whereNotNull(`a.${publishedAt}`)
        .count({ n: '*' });
      const [{ n: indexed }] = await knex(PAGES).count({ n: '*' });
      return Number(expected) === Number(indexed);
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
      if (strapi.db.dialect.client === 'postgres') await knex.raw('VACUUM (ANALYZE) ??, ??, ??', [PAGES, COUNTS, articles]);
      // SQLite: its own maintenance, which analyzes only the tables whose size changed enough
      // since their statistics (0x10000: whichever connection queried them), each on a sample;
      // a plain ANALYZE reads every index, a third of a second on 100k articles with the
      // event loop held.
      else await knex.raw('PRAGMA optimize = 0x10002');
    },
  };
};

export default tagPageIndex;
