import type { Knex } from 'knex';
import { pairCounts, pairDeltas, type TermLink } from '../lib/content-rules';
import { chunked } from '../utils/chunked';

/** A taxonomy's term-page index and its co-occurrence table (TERM_INDEX); null: it has none. */
export interface PairTables {
  pages: string;
  pairs: string | null;
}

/** The index rows of these articles (an article's pairs are all within its own rows). */
async function linksOf(trx: Knex.Transaction, pages: string, articleIds: number[]): Promise<TermLink[]> {
  const links: TermLink[] = [];
  for (const chunk of chunked(articleIds)) links.push(...(await trx(pages).select('article_id', 'term_id').whereIn('article_id', chunk)));
  return links;
}

/**
 * Runs `work`, which changes the index rows of these articles (and of no
 * others), keeping the co-occurrence table exact: the articles' pairs are
 * counted before and after (lib/content-rules/term-pairs.ts), and the net
 * difference applied by one sorted upsert a chunk (a batch of articles
 * under the same tags is one row a pair, and concurrent writers lock rows in
 * one order); the pairs it leaves at zero, exactly those, are deleted. So a
 * tag's related tags stay one indexed read whatever the tag's size, and no
 * write reads a whole tag.
 */
export async function changingArticles<T>(trx: Knex.Transaction, tables: PairTables, articleIds: Iterable<number>, work: () => Promise<T>): Promise<T> {
  const { pages, pairs } = tables;
  if (!pairs) return work();
  const ids = [...new Set(articleIds)];
  const before = pairCounts(await linksOf(trx, pages, ids));
  const result = await work();
  const deltas = pairDeltas(before, pairCounts(await linksOf(trx, pages, ids)));
  for (const chunk of chunked(deltas)) {
    await trx(pairs)
      .insert(chunk.map(({ term_id, other_id, delta }) => ({ term_id, other_id, shared: delta })))
      .onConflict(['term_id', 'other_id'])
      .merge({ shared: trx.raw('??.shared + excluded.shared', [pairs]) });
    const fewer = chunk.filter((pair) => pair.delta < 0).map((pair) => [pair.term_id, pair.other_id]);
    if (fewer.length > 0) await trx(pairs).where('shared', '<=', 0).whereIn(['term_id', 'other_id'], fewer).delete();
  }
  return result;
}
