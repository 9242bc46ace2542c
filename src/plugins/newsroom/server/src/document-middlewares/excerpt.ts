import type { Core, Modules } from '@strapi/strapi';
import { ARTICLE } from '../services/excerpts';

type Row = { body?: unknown; customExcerpt?: string | null; excerpt?: string | null };

// The current draft row: what an update or publish starts from. Read through
// the query engine so this middleware does not re-enter the Document Service.
const draftOf = (strapi: Core.Strapi, documentId: string): Promise<Row | null> =>
  strapi.db.query(ARTICLE).findOne({
    where: { documentId, publishedAt: null },
    select: ['body', 'customExcerpt', 'excerpt'],
  });

/**
 * Keeps Article.excerpt computed and stored on every create, update and
 * publish, so reads cost nothing. Writers cannot set it directly: it is the
 * editor's customExcerpt, or one generated from the body.
 */
export const excerptMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== ARTICLE) return next();
    const excerpts = strapi.plugin('newsroom').service('excerpts');
    const params = context.params as { data?: Record<string, unknown>; documentId?: string };

    if (context.action === 'create' || context.action === 'update') {
      const data = params.data ?? {};
      const current = context.action === 'update' && params.documentId ? await draftOf(strapi, params.documentId) : null;
      data.excerpt = await excerpts.compute({
        body: 'body' in data ? data.body : current?.body,
        customExcerpt: ('customExcerpt' in data ? data.customExcerpt : current?.customExcerpt) as string | null,
      });
      params.data = data;
    } else if (context.action === 'publish' && params.documentId) {
      // Settings may have changed since the draft was saved: publish what they give now.
      const draft = await draftOf(strapi, params.documentId);
      if (draft) {
        const excerpt = await excerpts.compute(draft);
        if (excerpt !== draft.excerpt) {
          await strapi.db
            .query(ARTICLE)
            .updateMany({ where: { documentId: params.documentId, publishedAt: null }, data: { excerpt } });
        }
      }
    }
    return next();
  };
