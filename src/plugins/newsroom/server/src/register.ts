import type { Core } from '@strapi/strapi';
import { slugsMiddleware } from './document-middlewares/slugs';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(slugsMiddleware(strapi));
};
