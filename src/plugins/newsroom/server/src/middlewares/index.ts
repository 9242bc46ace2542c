import indexedFilter from './indexed-filter';

export default {
  'indexed-filter': indexedFilter,
};
