import type { Core, Modules } from '@strapi/strapi';
import { ARTICLE } from '../services/excerpts';
import { TAG } from '../services/tag-page-index';

const ARTICLE_ACTIONS = new Set(['create', 'update', 'publish', 'unpublish', 'delete', 'discardDraft']);
const TAG_ACTIONS = new Set(['create', 'update', 'delete']);

/** Keeps the tag-page index in step with every Document Service write that can change a tag page. */
export const tagPageIndexMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    const index = () => strapi.plugin('newsroom').service('tag-page-index');
    const params = context.params as { documentId?: string };

    if (context.uid === ARTICLE && ARTICLE_ACTIONS.has(context.action)) {
      const result = await next();
      const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
      if (documentId) await index().syncDocuments([documentId]);
      return result;
    }

    if (context.uid === TAG && TAG_ACTIONS.has(context.action)) {
      // A tag has one row (no draft & publish); its id is gone after a delete.
      const before = params.documentId
        ? await strapi.db.query(TAG).findOne({ where: { documentId: params.documentId }, select: ['id'] })
        : null;
      const result = await next();
      const id = before?.id ?? (result as { id?: number } | null)?.id;
      if (id) await index().syncTags([id]);
      return result;
    }

    return next();
  };
