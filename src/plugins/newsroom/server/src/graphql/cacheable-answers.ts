/**
 * What the newsroom's GraphQL queries answered on one request: how many
 * root fields, and the cache tags of what they show. A GET whose every root
 * field is one of them is as cacheable as the REST routes
 * (middlewares/graphql-http-cache.ts).
 */
export interface CacheableAnswers {
  answers: number;
  cacheTags: Set<string>;
}

const KEY = 'newsroomGraphql';

/** `answers`: root fields answered (a whole cached response answers all of its own). */
export function noteCacheable(state: Record<string, unknown>, cacheTags: readonly string[], answers = 1): void {
  const noted = (state[KEY] ??= { answers: 0, cacheTags: new Set<string>() }) as CacheableAnswers;
  noted.answers += answers;
  for (const tag of cacheTags) noted.cacheTags.add(tag);
}

export const cacheableAnswers = (state: Record<string, unknown>): CacheableAnswers | undefined => state[KEY] as CacheableAnswers | undefined;
