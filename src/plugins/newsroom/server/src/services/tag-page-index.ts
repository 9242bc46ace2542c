import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { ARTICLE } from './excerpts';

export const TAG = 'api::tag.tag';
// Created by database/migrations/*newsroom-tag-page-index.js.
export const PAGES = 'newsroom_tag_articles';
export const COUNTS = 'newsroom_tag_counts';
const CHUNK = 500;

interface PublishedArticle {
  id: number;
  documentId: string;
  publishedAt: Date | string;
  tags: Array<{ id: number }>;
}

const chunks = <T>(items: T[], size = CHUNK): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * Maintains the tag-page index from the source of truth (published article
 * rows and their tag links): Document Service middlewares call it after every
 * write that can change a tag page, the importer after a bulk load, and
 * bootstrap verifies it. Each change runs in a transaction, joining the
 * caller's when there is one (an import), so the index never disagrees with
 * what was committed.
 */
const tagPageIndex = ({ strapi }: { strapi: Core.Strapi }) => {
  // Every change also bumps the content version, in the same transaction, so
  // cached tag pages are rebuilt exactly when the index changed.
  const inTransaction = async <T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> =>
    strapi.db.transaction(async ({ trx }) => {
      const result = await work(trx);
      await strapi.plugin('newsroom').service('content-version').bump();
      return result;
    }) as unknown as Promise<T>;

  const publishedArticles = (where: Record<string, unknown>, tagIds?: number[]): Promise<PublishedArticle[]> =>
    strapi.db.query(ARTICLE).findMany({
      where: { ...where, publishedAt: { $notNull: true } },
      select: ['id', 'documentId', 'publishedAt'],
      populate: { tags: { select: ['id'], ...(tagIds ? { where: { id: { $in: tagIds } } } : {}) } },
    });

  async function insert(trx: Knex.Transaction, articles: PublishedArticle[]): Promise<Set<number>> {
    const rows = articles.flatMap((article) =>
      article.tags.map((tag) => ({
        tag_id: tag.id,
        article_id: article.id,
        document_id: article.documentId,
        published_at: new Date(article.publishedAt).getTime(),
      })),
    );
    for (const chunk of chunks(rows)) await trx(PAGES).insert(chunk);
    return new Set(rows.map((row) => row.tag_id));
  }

  async function refreshCounts(trx: Knex.Transaction, tagIds: Iterable<number>): Promise<void> {
    for (const chunk of chunks([...new Set(tagIds)])) {
      const counted: Array<{ tag_id: number; n: number | string }> = await trx(PAGES)
        .select('tag_id')
        .count({ n: '*' })
        .whereIn('tag_id', chunk)
        .groupBy('tag_id');
      await trx(COUNTS).whereIn('tag_id', chunk).delete();
      if (counted.length > 0) {
        await trx(COUNTS).insert(counted.map((row) => ({ tag_id: row.tag_id, article_count: Number(row.n) })));
      }
    }
  }

  return {
    /** After articles were created, published, unpublished, edited or deleted. */
    async syncDocuments(documentIds: string[]): Promise<void> {
      if (documentIds.length === 0) return;
      await inTransaction(async (trx) => {
        const touched = new Set<number>();
        for (const chunk of chunks(documentIds)) {
          const before: Array<{ tag_id: number }> = await trx(PAGES).distinct('tag_id').whereIn('document_id', chunk);
          before.forEach((row) => touched.add(row.tag_id));
          await trx(PAGES).whereIn('document_id', chunk).delete();
          (await insert(trx, await publishedArticles({ documentId: { $in: chunk } }))).forEach((id) => touched.add(id));
        }
        await refreshCounts(trx, touched);
      });
    },

    /** After tags were edited (their article links) or deleted. */
    async syncTags(tagIds: number[]): Promise<void> {
      if (tagIds.length === 0) return;
      await inTransaction(async (trx) => {
        for (const chunk of chunks(tagIds)) {
          await trx(PAGES).whereIn('tag_id', chunk).delete();
          await insert(trx, await publishedArticles({ tags: { id: { $in: chunk } } }, chunk));
        }
        await refreshCounts(trx, tagIds);
      });
    },

    /** Recomputes the whole index, in article id order and batches. */
    async rebuild(): Promise<void> {
      await inTransaction(async (trx) => {
        await trx(PAGES).delete();
        await trx(COUNTS).delete();
        const tagIds = new Set<number>();
        for (let lastId = 0; ; ) {
          const batch: PublishedArticle[] = await strapi.db.query(ARTICLE).findMany({
            where: { id: { $gt: lastId }, publishedAt: { $notNull: true } },
            select: ['id', 'documentId', 'publishedAt'],
            populate: { tags: { select: ['id'] } },
            orderBy: { id: 'asc' },
            limit: 1000,
          });
          if (batch.length === 0) break;
          (await insert(trx, batch)).forEach((id) => tagIds.add(id));
          lastId = batch[batch.length - 1].id;
        }
        await refreshCounts(trx, tagIds);
      });
    },

    /** The index holds exactly one row per tag link of a published article. */
    async isConsistent(): Promise<boolean> {
      const articles = strapi.db.metadata.get(ARTICLE);
      const link = (articles.attributes.tags as any).joinTable;
      const publishedAt = (articles.attributes.publishedAt as any).columnName;
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
      const articles = strapi.db.metadata.get(ARTICLE).tableName;
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
