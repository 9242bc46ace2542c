/**
 * The term-page index (per taxonomy, TERM_INDEX in shared/constants.ts: tables
 * newsroom_tag_articles and newsroom_tag_counts, the same for sources): one
 * row per (term, published article row), and per term the number of those
 * rows. Every writer derives its rows here, from what it wrote.
 */
export interface TermPageRow {
  term_id: number;
  /** The published row of the article (Strapi keeps a draft row beside it). */
  article_id: number;
  document_id: string;
  /** Epoch milliseconds: one representation on SQLite and PostgreSQL. */
  published_at: number;
}

export interface PublishedArticleRow {
  id: number;
  documentId: string;
  publishedAt: Date | string | number;
}

export function termPageRows(article: PublishedArticleRow, termIds: Iterable<number>): TermPageRow[] {
  const publishedAt = new Date(article.publishedAt).getTime();
  return [...new Set(termIds)].map((termId) => ({
    term_id: termId,
    article_id: article.id,
    document_id: article.documentId,
    published_at: publishedAt,
  }));
}

/** How many rows each term gains (or loses): what its article count changes by. */
export function rowsPerTerm(rows: Iterable<{ term_id: number }>): Map<number, number> {
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(row.term_id, (counts.get(row.term_id) ?? 0) + 1);
  return counts;
}
