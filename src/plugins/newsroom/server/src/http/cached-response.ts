import { createHash } from 'node:crypto';
import type { Context } from 'koa';

export interface CachedBody {
  body: Buffer;
  type: string;
  etag: string;
}

/** A strong ETag from the bytes served: it changes exactly when what the reader sees changes. */
export const entityTag = (body: Buffer): string => `"${createHash('sha1').update(body).digest('base64url')}"`;

/** Sends a public, cacheable response, or 304 for a matching If-None-Match. */
export function sendCached(ctx: Context, { body, type, etag }: CachedBody, maxAge: number): void {
  ctx.set('ETag', etag);
  ctx.set('Cache-Control', `public, max-age=${maxAge}`);
  ctx.vary('Accept');
  ctx.status = 200;
  if (ctx.fresh) {
    ctx.status = 304;
    return;
  }
  ctx.type = type;
  ctx.body = body;
}
