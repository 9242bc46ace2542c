import fc from 'fast-check';
import { pairCounts, pairDeltas, type TermLink } from '../../../src/plugins/newsroom/server/src/lib/content-rules';

const links = (byArticle: Record<number, number[]>): TermLink[] =>
  Object.entries(byArticle).flatMap(([article, terms]) => terms.map((term_id) => ({ article_id: Number(article), term_id })));

describe('pairCounts', () => {
  it('counts, per ordered pair of distinct terms, the articles under both', () => {
    const counts = pairCounts(links({ 1: [10, 20], 2: [10, 20, 30], 3: [30] }));
    expect(Object.fromEntries(counts)).toEqual({ '10:20': 2, '20:10': 2, '10:30': 1, '30:10': 1, '20:30': 1, '30:20': 1 });
  });

  it('counts a term linked twice to one article once, and an article alone under a term in no pair', () => {
    expect(Object.fromEntries(pairCounts(links({ 1: [10, 10, 20], 2: [40] })))).toEqual({ '10:20': 1, '20:10': 1 });
  });
});

describe('pairDeltas', () => {
  it('is the non-zero differences, sorted by pair', () => {
    const before = pairCounts(links({ 1: [10, 20], 2: [20, 30] }));
    const after = pairCounts(links({ 1: [10, 30], 2: [20, 30] }));
    expect(pairDeltas(before, after)).toEqual([
      { term_id: 10, other_id: 20, delta: -1 },
      { term_id: 10, other_id: 30, delta: 1 },
      { term_id: 20, other_id: 10, delta: -1 },
      { term_id: 30, other_id: 10, delta: 1 },
    ]);
  });

  it('applied to the counts before, gives the counts after, whatever the edits', () => {
    const articles = fc.dictionary(fc.integer({ min: 1, max: 20 }).map(String), fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { maxLength: 5 }));
    fc.assert(
      fc.property(articles, articles, (was, is) => {
        const before = pairCounts(links(was as never));
        const after = pairCounts(links(is as never));
        const applied = new Map(before);
        for (const { term_id, other_id, delta } of pairDeltas(before, after)) {
          const pair = `${term_id}:${other_id}`;
          const shared = (applied.get(pair) ?? 0) + delta;
          if (shared === 0) applied.delete(pair);
          else applied.set(pair, shared);
        }
        expect(Object.fromEntries(applied)).toEqual(Object.fromEntries(after));
      }),
    );
  });
});
