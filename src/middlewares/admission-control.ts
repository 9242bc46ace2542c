import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { answerRetryLater } from '../http/retry-later';
import { clientAddress, clientKey } from '../lib/admission/client-address';
import { ConcurrencyGate } from '../lib/admission/concurrency-gate';
import { resolveAdmissionPolicy, stockPathMatcher, type AdmissionInput } from '../lib/admission/policy';
import { createRateLimiter } from '../lib/admission/rate-limiter';

type Config = Omit<AdmissionInput, 'client' | 'poolMax'>;

const WARN_EVERY_MS = 10_000;

/**
 * Admission control of the stock content API (Strapi's own routes of the
 * app's content types: /api/articles, /api/tags, /api/sources), whose cost
 * depends on the query string; the plugin's routes (/api/newsroom/*) and
 * everything else pass untouched. Policy: src/lib/admission/policy.ts.
 *
 * - Per client (src/lib/admission/client-address.ts): past its rate, a 429
 *   with Retry-After.
 * - A few at once (a place is held from here to the answer); a short queue
 *   for more; past it, or after waiting too long, a 503 with Retry-After.
 *
 * Before request pacing (config/middlewares.ts): on SQLite the requests
 * waiting to start are where a plugin route waits, so the stock ones there
 * are what the limit bounds.
 */
const admissionControl = (config: Config, { strapi }: { strapi: Core.Strapi }) => {
  const policy = resolveAdmissionPolicy({
    ...config,
    client: strapi.config.get('database.connection.client') === 'postgres' ? 'postgres' : 'sqlite',
    poolMax: strapi.config.get('database.connection.pool.max', 10) as number,
  });
  const prefix = strapi.config.get('api.rest.prefix', '/api') as string;
  const stockPrefixes = Object.entries(strapi.contentTypes)
    .filter(([uid]) => uid.startsWith('api::'))
    .map(([, contentType]) => `${prefix}/${contentType.info.pluralName}`);
  const isStock = stockPathMatcher(stockPrefixes);
  const limiter = policy.rate > 0 ? createRateLimiter({ rate: policy.rate, burst: policy.burst }) : null;
  const gate = policy.concurrency > 0 ? new ConcurrencyGate({ limit: policy.concurrency, queue: policy.queue, timeoutMs: policy.queueTimeoutMs }) : null;

  let refused = 0;
  let lastWarning = 0;
  const warnBusy = (reason: string) => {
    refused += 1;
    const now = Date.now();
    if (now - lastWarning < WARN_EVERY_MS) return;
    strapi.log.warn(`Admission: ${refused} stock content-API request(s) answered 503 since the last warning (the last: ${reason})`);
    lastWarning = now;
    refused = 0;
  };

  return async (ctx: Context, next: () => Promise<void>) => {
    // A CORS preflight never reaches the database.
    if (ctx.method === 'OPTIONS' || !isStock(ctx.path)) return next();

    if (limiter) {
      const client = clientKey(clientAddress(ctx.req.socket.remoteAddress, ctx.get('X-Forwarded-For') || undefined, policy.trustedProxies));
      const verdict = limiter.take(client);
      if (!verdict.allowed) {
        return answerRetryLater(ctx, {
          status: 429,
          name: 'RateLimitError',
          message: `Too many requests to ${stockPrefixes.join(', ')} from this client (at most ${policy.rate} a second, bursts of ${policy.burst}); retry later`,
          retryAfter: verdict.retryAfterSeconds,
        });
      }
    }
    if (!gate) return next();

    const ticket = gate.enter();
    const gone = () => ticket.cancel();
    ctx.res.once('close', gone);
    try {
      const admission = await ticket.admission;
      if (!admission.admitted) {
        warnBusy(admission.reason);
        return answerRetryLater(ctx, {
          status: 503,
          name: 'ServiceUnavailableError',
          message: `The server is busy with other requests to ${stockPrefixes.join(', ')}; retry shortly`,
          retryAfter: policy.retryAfterSeconds,
          details: { reason: admission.reason },
        });
      }
      try {
        await next();
      } finally {
        admission.release();
      }
    } finally {
      ctx.res.off('close', gone);
    }
  };
};

export default admissionControl;
