// Pure document-import helpers: no Strapi imports, so they are unit-tested alone.
export { DocumentError } from './document-error';
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
export { detectSources, KNOWN_OUTLETS, type DetectedSource, type Outlet } from './detect-sources';
