import type { Core } from '@strapi/strapi';

/**
 * Stock Strapi 5 lets any reader ask for `?status=draft` and serves drafts to
 * whoever may `find`. The content API serves published articles only, always:
 * editors see drafts in the admin, never through the public API. Also on the
 * tags' and sources' read routes, whose `?populate=articles` would otherwise
 * populate draft articles for `?status=draft`.
 */
const publishedOnly: Core.MiddlewareFactory = () => async (ctx, next) => {
  ctx.query = { ...ctx.query, status: 'published' };
  await next();
};

export default publishedOnly;
