import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { checkPublicQuery, PUBLIC_QUERY_POLICY, QueryRefusal, type ModelAttribute, type Models } from '../lib/query-policy';

interface Config {
  /** The content type of the route. */
  uid: string;
}

/** The schemas the policy reads, as plain data: every content type, since relations lead anywhere. */
function modelsOf(strapi: Core.Strapi): Models {
  return Object.fromEntries(
    Object.entries(strapi.contentTypes).map(([uid, contentType]) => [
      uid,
      {
        uid,
        attributes: Object.fromEntries(
          Object.entries(contentType.attributes as Record<string, ModelAttribute>).map(([name, { type, target, private: hidden }]) => [
            name,
            { type, target, private: hidden },
          ]),
        ),
      },
    ]),
  );
}

/**
 * Route middleware of the stock read routes (src/lib/public-read-routes.ts):
 * a query the cost policy refuses is a 400 in Strapi's error shape, naming
 * the parameter and the cheap way to the same answer, before Strapi reads
 * anything. See lib/query-policy for the policy.
 */
const publicQuery = (config: Config, { strapi }: { strapi: Core.Strapi }) => {
  let models: Models | undefined;
  return async (ctx: Context, next: () => Promise<void>) => {
    models ??= modelsOf(strapi);
    const limits = {
      defaultLimit: Number(strapi.config.get('api.rest.defaultLimit', 25)),
      maxLimit: Number(strapi.config.get('api.rest.maxLimit', 100)),
    };
    try {
      const query = checkPublicQuery(ctx.query as Record<string, unknown>, config.uid, models, PUBLIC_QUERY_POLICY, limits);
      if (query !== ctx.query) ctx.query = query as typeof ctx.query;
    } catch (error) {
      if (!(error instanceof QueryRefusal)) throw error;
      throw new errors.ValidationError(error.message, { param: error.param, ...(error.alternative ? { alternative: error.alternative } : {}) });
    }
    await next();
  };
};

export default publicQuery;
