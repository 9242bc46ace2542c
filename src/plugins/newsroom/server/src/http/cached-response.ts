import { createHash } from 'node:crypto';
import type { Context } from 'koa';
import { ifNoneMatchMatches } from '../lib/entity-tag-match';

export interface CachedBody {
  body: Buffer;
  type: string;
  etag: string;
  /** What the body shows (lib/changes/cache-tags.ts): sent for CDNs to purge by. */
  cacheTags: readonly string[];
}

/** A strong ETag from the bytes served: it changes exactly when what the reader sees changes. */
export const entityTag = (body: Buffer): string => `"${createHash('sha1').update(body).digest('base64url')}"`;

/**
 * Sends a public, cacheable response, or 304 for a matching If-None-Match.
 * Not Koa's `ctx.fresh`: it answers 200 to any request with
 * `Cache-Control: no-cache`, which Node's fetch adds to conditional ones.
 * The cache tags go out as Fastly's Surrogate-Key (space-separated) and
 * Cloudflare's Cache-Tag (comma-separated), so a purge by the names a
 * webhook announces reaches every page number and cursor.
 */
export function sendCached(ctx: Context, { body, type, etag, cacheTags }: CachedBody, maxAge: number): void {
  ctx.set('ETag', etag);
  ctx.set('Cache-Control', `public, max-age=${maxAge}`);
  ctx.set('Surrogate-Key', cacheTags.join(' '));
  ctx.set('Cache-Tag', cacheTags.join(','));
  ctx.vary('Accept');
  if ((ctx.method === 'GET' || ctx.method === 'HEAD') && ifNoneMatchMatches(ctx.get('If-None-Match'), etag)) {
    ctx.status = 304;
    return;
  }
  ctx.status = 200;
  ctx.type = type;
  ctx.body = body;
}
