import type { Core } from '@strapi/strapi';
import type { IndexedRelation } from '../lib/indexed-filter-plan';
import { pluginConfig } from '../utils/plugin-config';

/** Where the route middleware leaves its scope for the Document Service middleware, in `ctx.state`. */
export const INDEXED_FILTER_SCOPE = 'newsroomIndexedFilter';

export interface IndexedFilterScope {
  /** Set by document-middlewares/indexed-filter.ts when it answered from an index. */
  served: IndexedRelation | null;
}

/**
 * On the content API's article `find` route: lets the Document Service
 * middleware answer this request's tag (or source) filter from an index (it
 * does so nowhere else: the admin's and the plugin's own reads stay stock),
 * and says so in `X-Newsroom-Index`. Off with NEWSROOM_STOCK_FILTER_INDEX=false.
 */
const indexedFilter = (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: { state: Record<string, unknown>; set(name: string, value: string): void }, next: () => Promise<unknown>) => {
    if (!pluginConfig(strapi, 'indexedFilter').enabled) return next();
    const scope: IndexedFilterScope = { served: null };
    ctx.state[INDEXED_FILTER_SCOPE] = scope;
    await next();
    if (scope.served) ctx.set('X-Newsroom-Index', scope.served);
  };

export default indexedFilter;
