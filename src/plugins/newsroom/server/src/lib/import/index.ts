// Pure document-import helpers: no Strapi imports, so they are unit-tested alone.
export { DocumentError } from './document-error';
export { documentSizeProblem } from './document-size';
export {
  parseTagListing,
  parseTagListingBuffer,
  DEFAULT_MAX_BYTES,
  MAX_NAME_LENGTH,
  MAX_TITLE_LENGTH,
  type TagListing,
  type TagListingItem,
  type TagListingOptions,
} from './parse-tag-listing';
export {
  parseNdjsonArticle,
  isBlankLine,
  DEFAULT_MAX_LINE_BYTES,
  type Block,
  type NdjsonArticle,
  type NdjsonLocation,
  type NdjsonOptions,
} from './parse-ndjson-article';
export { importKey, normaliseForKey } from './import-key';
export { aliasKey, detectSources, knownOutlet, KNOWN_OUTLETS, type DetectedSource, type Outlet } from './detect-sources';
export { tagKey } from './tag-key';
export { paragraphBlocks, type ParagraphBlock } from './blocks';
export { bodyText } from './body-text';
export { documentFormat } from './document-format';
export { ENCODING_SNIFF_BYTES, encodingProblem } from './text-encoding';
export { readAll, readLines, type ByteChunks, type SourceLine } from './read-stream';
export { defaultPublishedAt, planListingItem, planNdjsonArticle, type PlanContext, type PlannedArticle } from './plan-article';
export {
  DEFAULT_MAX_ITEMS,
  SummaryBuilder,
  type ArticleAction,
  type DocumentFormat,
  type ImportedItem,
  type ImportSummary,
} from './import-summary';
export { WritePacer } from './write-pacer';
