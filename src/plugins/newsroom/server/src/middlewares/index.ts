import publicQuery from './public-query';

export default {
  'public-query': publicQuery,
};
