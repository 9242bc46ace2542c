import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE_RELATION_LIMITS, relationLimitProblem, type ArticleRelation } from '../lib/article-relations';
import { ARTICLE } from '../services/excerpts';

/**
 * Refuses an article create or update that leaves it with more tags or
 * sources than lib/article-relations.ts allows. The data may connect,
 * disconnect or set relations in any of Strapi's shapes, so the count is
 * read after the write, inside a transaction around it: a refused write
 * rolls back whole. (The importer checks the same rule as it links.)
 */
export const articleRelationsMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== ARTICLE || (context.action !== 'create' && context.action !== 'update')) return next();
    const relations = Object.keys(ARTICLE_RELATION_LIMITS) as ArticleRelation[];
    const data = (context.params as { data?: Record<string, unknown> }).data ?? {};
    if (!relations.some((relation) => data[relation] !== undefined)) return next();
    return strapi.db.transaction(async () => {
      const result = await next();
      const documentId = (context.params as { documentId?: string }).documentId ?? (result as { documentId?: string } | null)?.documentId;
      if (!documentId) return result;
      const rows: Array<Record<ArticleRelation, unknown[]>> = await strapi.db.query(ARTICLE).findMany({
        where: { documentId },
        select: ['id'],
        populate: Object.fromEntries(relations.map((relation) => [relation, { select: ['id'] }])),
      });
      for (const relation of relations) {
        const problem = relationLimitProblem(relation, Math.max(0, ...rows.map((row) => row[relation]?.length ?? 0)));
        if (problem) throw new errors.ValidationError(`${relation}: ${problem}`, { errors: [{ path: [relation], message: problem }] });
      }
      return result;
    });
  };
