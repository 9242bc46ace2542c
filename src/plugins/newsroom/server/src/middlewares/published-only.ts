import type { Core } from '@strapi/strapi';
import { mayReadDrafts, PREVIEW_CACHE_CONTROL } from '../lib/preview-access';

/**
 * Stock Strapi 5 lets any reader ask for `?status=draft` and serves drafts to
 * whoever may `find`. On the stock read routes of articles, tags and sources
 * (src/lib/public-read-routes.ts) the content API serves published versions
 * only, whatever is asked: `status` becomes `published`. The one exception is a
 * preview token (lib/preview-access.ts), whose `status=draft` answers drafts,
 * marked uncacheable. Tags' and sources' routes take it too: their
 * `?populate=articles` would otherwise populate draft articles.
 */
const publishedOnly: Core.MiddlewareFactory = () => async (ctx, next) => {
  const preview = ctx.query.status === 'draft' && mayReadDrafts(ctx.state.auth);
  ctx.query = { ...ctx.query, status: preview ? 'draft' : 'published' };
  await next();
  if (preview) ctx.set('Cache-Control', PREVIEW_CACHE_CONTROL);
};

export default publishedOnly;
