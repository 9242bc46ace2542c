/**
 * The tag-page index (tables newsroom_tag_articles and newsroom_tag_counts):
 * one row per (tag, published article row), and per tag the number of those
 * rows. Every writer derives its rows here, from what it wrote.
 */
export interface TagPageRow {
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

export function tagPageRows(article: PublishedArticleRow, tagIds: Iterable<number>): TagPageRow[] {
  const publishedAt = new Date(article.publishedAt).getTime();
  return [...new Set(tagIds)].map((tagId) => ({
    term_id: tagId,
    article_id: article.id,
    document_id: article.documentId,
    published_at: publishedAt,
  }));
}

/** How many rows each tag gains (or loses): what its article count changes by. */
export function rowsPerTag(rows: Iterable<{ term_id: number }>): Map<number, number> {
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(row.term_id, (counts.get(row.term_id) ?? 0) + 1);
  return counts;
}
