import { factories } from '@strapi/strapi';
import { publicReadRoutes } from '../../../lib/public-read-routes';

export default factories.createCoreRouter('api::article.article', { config: publicReadRoutes('api::article.article') });
