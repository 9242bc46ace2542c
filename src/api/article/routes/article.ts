import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::article.article', {
  config: {
    // After published-only: the index holds published articles only.
    find: { middlewares: ['api::article.published-only', 'plugin::newsroom.indexed-filter'] },
    findOne: { middlewares: ['api::article.published-only'] },
  },
});
