import type { Core } from '@strapi/strapi';
import { indexedFilterMiddleware } from './document-middlewares/indexed-filter';
import { storedContentMiddleware } from './document-middlewares/stored-content';
import { extendGraphqlSchema } from './graphql';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // Every write of an Article, Tag or Source: the content rules, in one transaction.
  strapi.documents.use(storedContentMiddleware(strapi));
  // Reads: the stock tag and source filters answered from the tag-page index.
  strapi.documents.use(indexedFilterMiddleware(strapi));
  // The tag and source queries on /graphql, with the REST routes' limits.
  extendGraphqlSchema(strapi);
};
