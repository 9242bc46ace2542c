// The excerpt engine: pure functions, no Strapi imports, so it can be unit
// tested and benchmarked on its own.
export { cutExcerpt, graphemeLength } from './cut-excerpt';
export { detectBodyFormat, type BodyFormat } from './detect-format';
export { excerptFromBody, excerptFromText, isCustomExcerpt, resolveExcerpt, type ExcerptSource } from './excerpt';
export { normalizeText } from './normalize-text';
export { DEFAULT_EXCERPT_OPTIONS, type ExcerptOptions } from './options';
