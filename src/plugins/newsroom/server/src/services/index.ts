import contentRules from './content-rules';
import contentVersion from './content-version';
import documentImport from './document-import';
import documentSeed from './document-seed';
import editView from './edit-view';
import excerptRegeneration from './excerpt-regeneration';
import excerptSettings from './excerpt-settings';
import excerpts from './excerpts';
import indexedFilter from './indexed-filter';
import jobs from './jobs';
import publicPermissions from './public-permissions';
import responseCache from './response-cache';
import tableIndexes from './table-indexes';
import tagPageIndex from './tag-page-index';
import tagPageQuery from './tag-page-query';

export default {
  'content-rules': contentRules,
  'content-version': contentVersion,
  'document-import': documentImport,
  'document-seed': documentSeed,
  'edit-view': editView,
  'excerpt-regeneration': excerptRegeneration,
  'excerpt-settings': excerptSettings,
  excerpts,
  'indexed-filter': indexedFilter,
  jobs,
  'public-permissions': publicPermissions,
  'response-cache': responseCache,
  'table-indexes': tableIndexes,
  'tag-page-index': tagPageIndex,
  'tag-page-query': tagPageQuery,
};
