import type { Core } from '@strapi/strapi';
import { articleRelationsMiddleware } from './document-middlewares/article-relations';
import { contentVersionMiddleware } from './document-middlewares/content-version';
import { excerptMiddleware } from './document-middlewares/excerpt';
import { indexedFilterMiddleware } from './document-middlewares/indexed-filter';
import { slugsMiddleware } from './document-middlewares/slugs';
import { storableTextMiddleware } from './document-middlewares/storable-text';
import { tagPageIndexMiddleware } from './document-middlewares/tag-page-index';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // Outermost: a refused article rolls back with everything the other middlewares wrote.
  strapi.documents.use(articleRelationsMiddleware(strapi));
  strapi.documents.use(storableTextMiddleware());
  strapi.documents.use(slugsMiddleware(strapi));
  strapi.documents.use(excerptMiddleware(strapi));
  strapi.documents.use(tagPageIndexMiddleware(strapi));
  strapi.documents.use(contentVersionMiddleware(strapi));
  strapi.documents.use(indexedFilterMiddleware(strapi));
};
