import type { Modules } from '@strapi/strapi';
import { storable } from '../lib/storable-text';
import { SLUGGED_TYPES } from './slugs';

/**
 * Makes every string an Article, Tag or Source is written with storable
 * (lib/storable-text.ts): a NUL is dropped and a lone surrogate becomes U+FFFD,
 * so the Content Manager, REST and scripts store the same text on SQLite and
 * PostgreSQL, where a NUL would be a 500. Runs first: slugs and excerpts are
 * made from the cleaned text. The importer applies the same rule to NDJSON
 * lines (lib/import/parse-ndjson-article.ts); listings with a NUL are refused.
 */
export const storableTextMiddleware = (): Modules.Documents.Middleware.Middleware => async (context, next) => {
  if (!SLUGGED_TYPES[context.uid] || (context.action !== 'create' && context.action !== 'update')) return next();
  const params = context.params as { data?: Record<string, unknown> };
  if (params.data) params.data = storable(params.data);
  return next();
};
