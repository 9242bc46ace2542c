import graphqlHttpCache from './graphql-http-cache';
import indexedFilter from './indexed-filter';
import publicQuery from './public-query';
import publishedOnly from './published-only';

export default {
  'graphql-http-cache': graphqlHttpCache,
  'indexed-filter': indexedFilter,
  'public-query': publicQuery,
  'published-only': publishedOnly,
};
