export { articleChange, type PublishedArticle } from './article-changes';
export { CACHE_TAGS, cacheTagsOf, relatedTagsCacheTags, sitemapCacheTags, termListCacheTags, termPageCacheTags } from './cache-tags';
export { emptyChangeSet, isEmptyChangeSet, mergeChangeSets, termsOf, type ChangeSet, type ListName, type TermKind } from './change-set';
export { InvalidationClock } from './invalidation-clock';
export { pageUrl, pathsOf, termApiUrls, urlsOf, type PageLocations } from './page-urls';
export { buildPayloads, splitChange, type EventIdentity } from './payload';
export { nextAttemptAt, type RetryPolicy } from './retry-schedule';
export { termChange, type TermState } from './term-changes';
