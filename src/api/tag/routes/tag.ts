import { factories } from '@strapi/strapi';

// Tags have no drafts, but `?populate=articles&status=draft` would populate
// draft articles: the same published-only rule as the articles' routes.
export default factories.createCoreRouter('api::tag.tag', {
  config: {
    find: { middlewares: ['api::article.published-only'] },
    findOne: { middlewares: ['api::article.published-only'] },
  },
});
