import { factories } from '@strapi/strapi';
import { publicReadRoutes } from '../../../lib/public-read-routes';

// Sources have no drafts, but `?populate=articles&status=draft` would populate
// draft articles: the same published-only rule as the articles' routes.
export default factories.createCoreRouter('api::source.source', { config: publicReadRoutes('api::source.source') });
