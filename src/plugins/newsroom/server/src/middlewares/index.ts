import indexedFilter from './indexed-filter';
import publicQuery from './public-query';
import publishedOnly from './published-only';

export default {
  'indexed-filter': indexedFilter,
  'public-query': publicQuery,
  'published-only': publishedOnly,
};
