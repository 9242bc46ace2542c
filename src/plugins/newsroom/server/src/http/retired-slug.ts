import type { Context } from 'koa';
import { CACHE_TAGS } from '../lib/changes';
import { redirectLocation } from '../lib/redirect-location';

/** Thrown by a route whose slug was retired (services/slug-history.ts): where it leads now, or null (gone). */
export class RetiredSlug extends Error {
  constructor(
    readonly slug: string,
    readonly to: string | null,
  ) {
    super(to ? `"${slug}" is now "${to}"` : `"${slug}" is gone`);
  }
}

/**
 * 301 to the same route under the new slug, or 410 Gone, in Strapi's error
 * shape. Cacheable for `maxAge` seconds only, so that a released slug can be
 * reused; tagged like the slug's pages, so a CDN purging them (the slug taken
 * again) drops the redirect too.
 */
export function sendRetired(ctx: Context, retired: RetiredSlug, options: { kind: 'tag' | 'source'; origin: string; maxAge: number }): void {
  const cacheTags = [CACHE_TAGS.all, CACHE_TAGS[options.kind](retired.slug)];
  ctx.set('Cache-Control', `public, max-age=${options.maxAge}`);
  ctx.set('Surrogate-Key', cacheTags.join(' '));
  ctx.set('Cache-Tag', cacheTags.join(','));
  if (retired.to) {
    ctx.status = 301;
    ctx.set('Location', `${options.origin}${redirectLocation(ctx.path, `${options.kind}s`, retired.slug, retired.to, ctx.search)}`);
    ctx.body = { data: null, meta: { redirect: { from: retired.slug, to: retired.to } } };
    return;
  }
  ctx.status = 410;
  ctx.body = { data: null, error: { status: 410, name: 'GoneError', message: `${options.kind === 'tag' ? 'Tag' : 'Source'} "${retired.slug}" was deleted`, details: {} } };
}
