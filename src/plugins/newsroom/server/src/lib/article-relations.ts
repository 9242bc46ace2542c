/**
 * How many tags and sources one article may have, whoever writes it (the
 * Content Manager, REST, an import). A public request may populate an
 * article's tags and sources (`populate=*` on up to 100 articles): what it
 * costs is bounded by what is stored, so the bound is a rule of storage.
 * Generous for a news article (the corpus has 3 tags and 1 or 2 sources).
 */
export const ARTICLE_RELATION_LIMITS = { tags: 50, sources: 20 } as const;

export type ArticleRelation = keyof typeof ARTICLE_RELATION_LIMITS;

/** Why an article with `count` of `relation` cannot be stored, if it cannot. */
export function relationLimitProblem(relation: ArticleRelation, count: number): string | undefined {
  const limit = ARTICLE_RELATION_LIMITS[relation];
  return count > limit ? `an article may have at most ${limit} ${relation}, this one would have ${count}` : undefined;
}
