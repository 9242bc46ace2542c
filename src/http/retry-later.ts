import type { Context } from 'koa';

export interface RetryLater {
  status: 429 | 503;
  name: string;
  message: string;
  /** Seconds, for Retry-After. */
  retryAfter: number;
  details?: Record<string, unknown>;
}

/**
 * Answers "not now, retry in a moment" in Strapi's error shape
 * (`{ data: null, error: { status, name, message, details } }`), for the
 * middlewares that answer before or around strapi::errors: never cached,
 * never with an ETag a cache could revalidate against.
 */
export function answerRetryLater(ctx: Context, { status, name, message, retryAfter, details = {} }: RetryLater): void {
  ctx.status = status;
  ctx.set('Retry-After', String(Math.ceil(retryAfter)));
  ctx.set('Cache-Control', 'no-store');
  ctx.remove('ETag');
  ctx.body = { data: null, error: { status, name, message, details } };
}
