import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { asQueryValues } from '../lib/graphql-arguments';
import { PUBLIC_QUERY_POLICY } from '../lib/query-policy';
import { publicQueryChecker } from '../utils/public-query-check';

type Args = Record<string, unknown>;
type Resolve = (parent: unknown, args: Args, context: unknown, info: unknown) => unknown;
type Middleware = (resolve: Resolve, parent: unknown, args: Args, context: unknown, info: unknown) => unknown;

/**
 * The cost policy of the stock REST routes (lib/query-policy) on Strapi's
 * generated GraphQL queries of articles, tags and sources, and on their
 * relation fields: the same filters, sorts, offsets refused, with the same
 * messages; a relation too large to list (a tag's articles) is refused with
 * the newsroom query that pages it.
 */
export function queryCostConfig(strapi: Core.Strapi) {
  const check = publicQueryChecker(strapi);
  const { naming, mappers } = strapi.plugin('graphql').service('utils');
  const limits = () => ({
    defaultLimit: Number(strapi.config.get('plugin::graphql.defaultLimit', 25)),
    maxLimit: Number(strapi.config.get('plugin::graphql.maxLimit', 100)),
  });

  const checked =
    (uid: string): Middleware =>
    (resolve, parent, args, context, info) => {
      const { filters, sort, pagination } = args;
      // GraphQL's sort is a list of "field:order": the query string's comma-separated form.
      const sortTerms = Array.isArray(sort) ? sort.join(',') : sort;
      const query = asQueryValues({
        ...(filters ? { filters: mappers.graphQLFiltersToStrapiQuery(filters, strapi.contentType(uid as never)) } : {}),
        ...(sortTerms ? { sort: sortTerms } : {}),
        ...(pagination && Object.keys(pagination).length > 0 ? { pagination } : {}),
      }) as Record<string, unknown>;
      check(query, uid, limits());
      return resolve(parent, args, context, info);
    };

  const refused =
    (type: string, field: string, alternative: string): Middleware =>
    () => {
      throw new errors.ValidationError(`${type}.${field} grows with the archive and is not served: use ${alternative}`, { field: `${type}.${field}` });
    };

  const config: Record<string, { middlewares: Middleware[] }> = {};
  for (const [uid, modelPolicy] of Object.entries(PUBLIC_QUERY_POLICY.models)) {
    const contentType = strapi.contentType(uid as never);
    for (const field of [naming.getFindQueryName(contentType), naming.getFindConnectionQueryName(contentType)]) {
      config[`Query.${field}`] = { middlewares: [checked(uid)] };
    }
    const type = naming.getTypeName(contentType);
    for (const [name, attribute] of Object.entries(contentType.attributes as Record<string, { type: string; target?: string }>)) {
      if (attribute.type !== 'relation' || !attribute.target) continue;
      const refusal = modelPolicy.refusedRelations[name];
      const middleware = refusal ? refused(type, name, refusal.graphql) : checked(attribute.target);
      for (const field of [name, `${name}_connection`]) config[`${type}.${field}`] = { middlewares: [middleware] };
    }
  }
  return config;
}
