import { factories } from '@strapi/strapi';
import { publicReadRoutes } from '../../../lib/public-read-routes';

// The stock tag and source filters are answered from the tag-page index, after the cost policy has checked the query.
export default factories.createCoreRouter('api::article.article', {
  config: publicReadRoutes('api::article.article', { find: ['plugin::newsroom.indexed-filter'] }),
});
