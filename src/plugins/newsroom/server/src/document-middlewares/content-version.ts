import type { Core, Modules } from '@strapi/strapi';

const SOURCE = 'api::source.source';
const SOURCE_ACTIONS = new Set(['create', 'update', 'delete']);

/**
 * Tag pages show each article's sources, read live: a source write bumps the
 * content version so cached pages are rebuilt. (Article and tag writes bump it
 * through the tag-page index, in the same transaction as the index change.)
 */
export const contentVersionMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    const result = await next();
    if (context.uid === SOURCE && SOURCE_ACTIONS.has(context.action)) {
      await strapi.plugin('newsroom').service('content-version').bump();
    }
    return result;
  };
