import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { checkPublicQuery, PUBLIC_QUERY_POLICY, QueryRefusal, type ModelAttribute, type Models, type PaginationLimits } from '../lib/query-policy';

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

export type Limits = Omit<PaginationLimits, 'maxOffset'>;

/**
 * The cost policy (lib/query-policy) as REST and GraphQL apply it: a query it
 * refuses is a ValidationError naming the parameter and the cheap way to the
 * same answer (a 400 on REST, BAD_USER_INPUT on GraphQL). Returns the query
 * to pass on.
 */
export function publicQueryChecker(strapi: Core.Strapi) {
  let models: Models | undefined;
  return (query: Record<string, unknown>, uid: string, limits: Limits): Record<string, unknown> => {
    models ??= modelsOf(strapi);
    try {
      return checkPublicQuery(query, uid, models, PUBLIC_QUERY_POLICY, limits);
    } catch (error) {
      if (!(error instanceof QueryRefusal)) throw error;
      throw new errors.ValidationError(error.message, { param: error.param, ...(error.alternative ? { alternative: error.alternative } : {}) });
    }
  };
}
