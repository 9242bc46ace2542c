import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { planIndexedFilter } from '../lib/indexed-filter-plan';
import { INDEXED_FILTER_SCOPE, type IndexedFilterScope } from '../middlewares/indexed-filter';
import { UIDS } from '../../../shared/constants';
import { pluginConfig } from '../utils/plugin-config';
import { getService } from '../utils/get-service';

/**
 * Answers the article `find` route's stock tag (or source) slug filter from an
 * index, inside the scope the route middleware opened:
 * - count: the total, from the index;
 * - findMany: the page's article ids from the index, then Strapi's own query
 *   with the same filter narrowed to those ids (`$and` id `$in`) and no
 *   offset. That query keeps its joins, DISTINCT and ORDER BY, so fields,
 *   populate, key order and sanitization are exactly stock; it only reads
 *   `limit` articles by primary key instead of every article under the tag.
 */
export const indexedFilterMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== UIDS.article || (context.action !== 'findMany' && context.action !== 'count')) return next();
    const scope = strapi.requestContext.get()?.state?.[INDEXED_FILTER_SCOPE] as IndexedFilterScope | undefined;
    if (!scope) return next();

    const params = context.params as Record<string, unknown>;
    let orderBy: unknown;
    try {
      orderBy = strapi.get('query-params').transform(UIDS.article, { sort: params.sort }).orderBy;
    } catch {
      return next(); // a sort Strapi refuses: its own error, from its own path
    }
    const maxSlugs = pluginConfig(strapi, 'indexedFilter').maxSlugs;
    const decision = planIndexedFilter(params, orderBy, { maxSlugs });
    if (!decision) return next();
    if ('refuse' in decision) throw new errors.ValidationError(decision.refuse.message, decision.refuse.details);

    const plan = decision.serve;
    const index = getService(strapi, 'indexed-filter');
    scope.served = plan.relation;
    if (context.action === 'count') return index.total(plan);
    const ids: number[] = await index.pageIds(plan);
    if (ids.length === 0) return [];
    context.params = { ...params, filters: { $and: [params.filters, { id: { $in: ids } }] }, start: 0 } as typeof context.params;
    return next();
  };
