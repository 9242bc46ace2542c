import { createHash } from 'node:crypto';
import type { Context } from 'koa';

/**
 * Sends a public, cacheable response: a strong ETag from the bytes served
 * (so it changes exactly when what the reader sees changes), Cache-Control,
 * and 304 for a matching If-None-Match.
 */
export function sendCached(ctx: Context, body: string, type: string, maxAge: number): void {
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
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
