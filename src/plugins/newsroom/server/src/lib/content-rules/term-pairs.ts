/** An index row as far as co-occurrence goes: which term an article is under. */
export interface TermLink {
  article_id: number;
  term_id: number;
}

/** A change of one pair's count: `other_id` shares `delta` more (or fewer) articles with `term_id`. */
export interface PairDelta {
  term_id: number;
  other_id: number;
  delta: number;
}

const key = (term: number, other: number) => `${term}:${other}`;

/** Per ordered pair of distinct terms, how many of the articles carry both (each pair counted both ways). */
export function pairCounts(links: readonly TermLink[]): Map<string, number> {
  const termsOf = new Map<number, Set<number>>();
  for (const { article_id, term_id } of links) {
    const terms = termsOf.get(article_id) ?? new Set<number>();
    terms.add(term_id);
    termsOf.set(article_id, terms);
  }
  const counts = new Map<string, number>();
  for (const terms of termsOf.values()) {
    for (const a of terms) for (const b of terms) if (a !== b) counts.set(key(a, b), (counts.get(key(a, b)) ?? 0) + 1);
  }
  return counts;
}

/**
 * What moves the co-occurrence table from the pairs of some articles as they
 * were to the pairs as they are: the non-zero differences, sorted by pair, so
 * that concurrent writers lock the table's rows in one order.
 */
export function pairDeltas(before: Map<string, number>, after: Map<string, number>): PairDelta[] {
  const deltas: PairDelta[] = [];
  for (const pair of new Set([...before.keys(), ...after.keys()])) {
    const delta = (after.get(pair) ?? 0) - (before.get(pair) ?? 0);
    if (delta === 0) continue;
    const [term_id, other_id] = pair.split(':').map(Number);
    deltas.push({ term_id, other_id, delta });
  }
  return deltas.sort((x, y) => x.term_id - y.term_id || x.other_id - y.other_id);
}
