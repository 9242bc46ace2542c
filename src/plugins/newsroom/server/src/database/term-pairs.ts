import type { Knex } from 'knex';
import { chunked } from '../utils/chunked';

/** A taxonomy's term-page index and its co-occurrence table (TERM_INDEX); null: it has none. */
export interface PairTables {
  pages: string;
  pairs: string | null;
}

/** The (term, other term) pairs of these articles' index rows, with how many of the articles carry each. */
const pairsOf = (pages: string, ids: string) =>
  `SELECT a.term_id AS term_id, b.term_id AS other_id, COUNT(*) AS n FROM ${pages} a ` +
  `JOIN ${pages} b ON b.article_id = a.article_id AND b.term_id <> a.term_id WHERE a.article_id IN (${ids}) GROUP BY a.term_id, b.term_id`;

/**
 * Moves the co-occurrence counts by the pairs of these articles' rows in the
 * term-page index as they stand now (+1 or -1 per article carrying both
 * terms), in the database, a chunk of articles at a time (an article's pairs
 * are all within its own rows). A retraction then drops the pairs it left at
 * zero, exactly those (a big tag has thousands of pairs: none is scanned).
 * Sorted, so that concurrent writers take the rows' locks in one order.
 */
async function move(trx: Knex.Transaction, pages: string, pairs: string, articleIds: number[], sign: 1 | -1): Promise<void> {
  for (const chunk of chunked(articleIds)) {
    const ids = chunk.map(() => '?').join(', ');
    const touched = pairsOf('??', ids);
    await trx.raw(
      `INSERT INTO ?? (term_id, other_id, shared) SELECT term_id, other_id, ${sign < 0 ? '-' : ''}n FROM (${touched}) p ORDER BY term_id, other_id ` +
        'ON CONFLICT (term_id, other_id) DO UPDATE SET shared = ??.shared + excluded.shared',
      [pairs, pages, pages, ...chunk, pairs],
    );
    if (sign < 0) {
      await trx.raw(`DELETE FROM ?? WHERE shared <= 0 AND (term_id, other_id) IN (SELECT term_id, other_id FROM (${touched}) p)`, [pairs, pages, pages, ...chunk]);
    }
  }
}

/**
 * Runs `work`, which changes the index rows of these articles (and of no
 * others), keeping the co-occurrence table exact: each article's pairs as
 * they were are retracted before, as they are now counted after. So a tag's
 * related tags stay one indexed read whatever the tag's size, and no write
 * reads a whole tag.
 */
export async function changingArticles<T>(trx: Knex.Transaction, tables: PairTables, articleIds: Iterable<number>, work: () => Promise<T>): Promise<T> {
  const { pages, pairs } = tables;
  if (!pairs) return work();
  const ids = [...new Set(articleIds)];
  await move(trx, pages, pairs, ids, -1);
  const result = await work();
  await move(trx, pages, pairs, ids, 1);
  return result;
}
