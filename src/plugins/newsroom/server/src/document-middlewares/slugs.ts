import type { Core, Modules } from '@strapi/strapi';
import { firstFreeSlug, slugBase } from '../lib/slug';

// The Document Service does not fill uid fields: this middleware does, for
// every writer (REST, Content Manager, import, scripts).
export const SLUGGED_TYPES: Record<string, { from: string; fallbackPrefix: string }> = {
  'api::article.article': { from: 'title', fallbackPrefix: 'article' },
  'api::tag.tag': { from: 'name', fallbackPrefix: 'tag' },
  'api::source.source': { from: 'name', fallbackPrefix: 'source' },
};

/** `reserved`: slugs already handed out but not saved yet (a batch being imported). */
export async function uniqueSlug(
  strapi: Core.Strapi,
  uid: string,
  name: string,
  ownDocumentId?: string,
  reserved: ReadonlySet<string> = new Set(),
): Promise<string> {
  const spec = SLUGGED_TYPES[uid];
  const base = slugBase(name, spec.fallbackPrefix);
  // Draft and published rows of one document share a slug: only other documents count.
  const rows: Array<{ slug: string; documentId: string }> = await strapi.db.query(uid as any).findMany({
    select: ['slug', 'documentId'],
    where: { slug: { $startsWith: base } },
  });
  const taken = new Set(rows.filter((row) => row.documentId !== ownDocumentId).map((row) => row.slug));
  reserved.forEach((slug) => taken.add(slug));
  return firstFreeSlug(base, taken);
}

export const slugsMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    const spec = SLUGGED_TYPES[context.uid];
    if (!spec || (context.action !== 'create' && context.action !== 'update')) return next();

    const params = context.params as { data?: Record<string, unknown>; documentId?: string };
    const data = params.data;
    const name = data?.[spec.from];
    // On create a missing slug is generated; on update only an emptied one is.
    const wantsSlug = context.action === 'create' ? !data?.slug : data !== undefined && 'slug' in data && !data.slug;
    if (data && wantsSlug && typeof name === 'string' && name.trim()) {
      data.slug = await uniqueSlug(strapi, context.uid, name, params.documentId);
    }
    return next();
  };
