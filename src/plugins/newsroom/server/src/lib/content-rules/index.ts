// What a stored Article, Tag or Source must be, as pure functions: the
// Document Service middlewares (document-middlewares/stored-content.ts) and
// the bulk importer (import/) both call these, through services/content-rules.ts
// where a rule needs the database. A new rule goes here, once.
export { ARTICLE_RELATION_LIMITS, relationLimitProblem, type ArticleRelation } from '../article-relations';
export { aliasesProblem, MAX_ALIAS_LENGTH, MAX_ALIASES } from './aliases';
export { firstFreeSlug, slugBase } from '../slug';
export { articleExcerpt, newEntryDefaults, slugSourceOf, storableData, wantsGeneratedSlug, type ArticleContent } from './entry-fields';
export { isSlugged, SLUGGED_TYPES, type SluggedUid } from './slugged-types';
export { rowsPerTerm, termPageRows, type PublishedArticleRow, type TermPageRow } from './term-page-rows';
export { pairCounts, pairDeltas, type PairDelta, type TermLink } from './term-pairs';
