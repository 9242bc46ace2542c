// The cost policy of Strapi's stock content API: pure, no Strapi imports.
import { checkFilters } from './check-filters';
import { checkPagination, type PaginationLimits } from './check-pagination';
import { checkPopulate } from './check-populate';
import { checkRelationFilterShape } from './check-relation-filter';
import { checkFields, checkSort } from './check-sort-fields';
import type { Models } from './model';
import type { QueryPolicy } from './policy';
import { QueryRefusal } from './refusal';

export { ARTICLE_UID, PUBLIC_QUERY_POLICY, SOURCE_UID, TAG_UID, type QueryPolicy } from './policy';
export type { Model, ModelAttribute, Models } from './model';
export { QueryRefusal } from './refusal';
export type { PaginationLimits } from './check-pagination';

/** Parameters that read every row whatever the index. */
const SCANNING_PARAMS: Record<string, string> = {
  _q: 'a search of every text field of every row',
};

/**
 * Checks one request's query (as `strapi::query` parsed it) against the
 * policy; throws a QueryRefusal for what it refuses. Returns the query to
 * pass on to Strapi (unchanged but for `pagination[limit]=-1`).
 */
export function checkPublicQuery(
  query: Record<string, unknown>,
  uid: string,
  models: Models,
  policy: QueryPolicy,
  limits: Omit<PaginationLimits, 'maxOffset'>,
): Record<string, unknown> {
  const model = models[uid];
  const modelPolicy = policy.models[uid];
  if (!model || !modelPolicy) throw new Error(`no query policy for ${uid}`);
  for (const [param, why] of Object.entries(SCANNING_PARAMS)) {
    if (query[param] !== undefined) throw new QueryRefusal(param, `${why} is not served on the public API`, 'filters on indexed fields, or a tag page');
  }
  checkFields(query.fields, model, modelPolicy);
  checkSort(query.sort, model, modelPolicy);
  checkFilters(query.filters, model, policy);
  checkRelationFilterShape(query, modelPolicy);
  checkPopulate(query.populate, model, models, policy);
  const pagination = checkPagination(query.pagination, { ...limits, maxOffset: policy.maxOffset });
  return pagination === query.pagination ? query : { ...query, pagination };
}
