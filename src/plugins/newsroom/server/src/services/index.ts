import articleCards from './article-cards';
import columnCompression from './column-compression';
import contentRules from './content-rules';
import changeOutbox from './change-outbox';
import deliveryLog from './delivery-log';
import documentImport from './document-import';
import documentSeed from './document-seed';
import editView from './edit-view';
import excerptRegeneration from './excerpt-regeneration';
import excerptSettings from './excerpt-settings';
import excerpts from './excerpts';
import graphqlResponseCache from './graphql-response-cache';
import indexedFilter from './indexed-filter';
import indexCheck from './index-check';
import jobs from './jobs';
import mediaChanges from './media-changes';
import publicPermissions from './public-permissions';
import pageChanges from './page-changes';
import pageInvalidation from './page-invalidation';
import pageVersions from './page-versions';
import responseCache from './response-cache';
import sitemaps from './sitemaps';
import slugHistory from './slug-history';
import tableIndexes from './table-indexes';
import tagDirectory from './tag-directory';
import tagLifecycle from './tag-lifecycle';
import tagMerge from './tag-merge';
import termPageIndex from './term-page-index';
import termPageQuery from './term-page-query';
import termNames from './term-names';
import termAnswers from './term-answers';
import termPreview from './term-preview';
import webhookDeliveries from './webhook-deliveries';
import webhookDispatcher from './webhook-dispatcher';

export default {
  'article-cards': articleCards,
  'column-compression': columnCompression,
  'content-rules': contentRules,
  'change-outbox': changeOutbox,
  'delivery-log': deliveryLog,
  'document-import': documentImport,
  'document-seed': documentSeed,
  'edit-view': editView,
  'excerpt-regeneration': excerptRegeneration,
  'excerpt-settings': excerptSettings,
  excerpts,
  'graphql-response-cache': graphqlResponseCache,
  'indexed-filter': indexedFilter,
  'index-check': indexCheck,
  jobs,
  'media-changes': mediaChanges,
  'public-permissions': publicPermissions,
  'page-changes': pageChanges,
  'page-invalidation': pageInvalidation,
  'page-versions': pageVersions,
  'response-cache': responseCache,
  sitemaps,
  'slug-history': slugHistory,
  'table-indexes': tableIndexes,
  'tag-directory': tagDirectory,
  'tag-lifecycle': tagLifecycle,
  'tag-merge': tagMerge,
  'term-page-index': termPageIndex,
  'term-page-query': termPageQuery,
  'term-names': termNames,
  'term-answers': termAnswers,
  'term-preview': termPreview,
  'webhook-deliveries': webhookDeliveries,
  'webhook-dispatcher': webhookDispatcher,
};
