import indexedFilter from './indexed-filter';
import publicQuery from './public-query';

export default {
  'indexed-filter': indexedFilter,
  'public-query': publicQuery,
};
