import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { publicQueryChecker } from '../utils/public-query-check';

interface Config {
  /** The content type of the route. */
  uid: string;
}

/**
 * Route middleware of the stock read routes (src/lib/public-read-routes.ts):
 * a query the cost policy refuses is a 400 in Strapi's error shape, naming
 * the parameter and the cheap way to the same answer, before Strapi reads
 * anything. See lib/query-policy for the policy.
 */
const publicQuery = (config: Config, { strapi }: { strapi: Core.Strapi }) => {
  const check = publicQueryChecker(strapi);
  return async (ctx: Context, next: () => Promise<void>) => {
    const limits = {
      defaultLimit: Number(strapi.config.get('api.rest.defaultLimit', 25)),
      maxLimit: Number(strapi.config.get('api.rest.maxLimit', 100)),
    };
    const query = check(ctx.query as Record<string, unknown>, config.uid, limits);
    if (query !== ctx.query) ctx.query = query as typeof ctx.query;
    await next();
  };
};

export default publicQuery;
