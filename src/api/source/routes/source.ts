import { factories } from '@strapi/strapi';

// Sources have no drafts, but `?populate=articles&status=draft` would populate
// draft articles: the same published-only rule as the articles' routes.
export default factories.createCoreRouter('api::source.source', {
  config: {
    find: { middlewares: ['api::article.published-only'] },
    findOne: { middlewares: ['api::article.published-only'] },
  },
});
