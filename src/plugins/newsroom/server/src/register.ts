import type { Core } from '@strapi/strapi';
import { indexedFilterMiddleware } from './document-middlewares/indexed-filter';
import { storedContentMiddleware } from './document-middlewares/stored-content';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // Every write of an Article, Tag or Source: the content rules, in one transaction.
  strapi.documents.use(storedContentMiddleware(strapi));
  // Reads: the stock tag and source filters answered from the tag-page index.
  strapi.documents.use(indexedFilterMiddleware(strapi));
};
