import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { unavailableDuringRequest } from '../database/unavailable-during-request';
import { answerRetryLater } from '../http/retry-later';
import { databaseUnavailableMessage, databaseUnavailableReason } from '../lib/database-unavailable';

interface Config {
  /** Seconds, for Retry-After. */
  retryAfter?: number;
  /** At most one warning per this many milliseconds while the database stays unavailable. */
  warnEveryMs?: number;
}

/**
 * Answers 503 with Retry-After, in Strapi's error shape, when a request fails
 * because the database cannot be reached (PostgreSQL stopped or restarting,
 * pool exhausted, SQLite locked) or cancelled a content-API query that ran
 * past its time limit, instead of a 500, and logs one warning per outage
 * rather than one stack trace per request.
 *
 * Some of Strapi's own code swallows such errors: users-permissions turns any
 * failure to read the Public role's permissions into a 401 "Missing or
 * invalid credentials". So the database errors a request meets are also
 * recorded on it as they happen (src/database/unavailable-during-request.ts,
 * installed by src/index.ts), and an error response to a request that met one
 * becomes a 503 as well.
 */
const databaseUnavailable = (config: Config, { strapi }: { strapi: Core.Strapi }) => {
  const retryAfter = config.retryAfter ?? 5;
  const warnEveryMs = config.warnEveryMs ?? 10_000;
  let lastWarning = 0;
  let suppressed = 0;

  const warn = (ctx: Context, reason: string) => {
    const now = Date.now();
    if (now - lastWarning < warnEveryMs) {
      suppressed += 1;
      return;
    }
    const more = suppressed > 0 ? ` (and ${suppressed} more since the last warning)` : '';
    strapi.log.warn(`Database unavailable (${reason}): ${ctx.method} ${ctx.path} answered 503${more}`);
    lastWarning = now;
    suppressed = 0;
  };

  const serviceUnavailable = (ctx: Context, reason: string) => {
    warn(ctx, reason);
    answerRetryLater(ctx, { status: 503, name: 'ServiceUnavailableError', message: databaseUnavailableMessage(reason), retryAfter });
  };

  return async (ctx: Context, next: () => Promise<void>) => {
    try {
      await next();
    } catch (error) {
      const reason = databaseUnavailableReason(error) ?? unavailableDuringRequest(ctx);
      if (!reason) throw error;
      return serviceUnavailable(ctx, reason);
    }
    // An error answer to a request that met an unreachable database: the
    // database is the cause (see above), whatever the code that answered says;
    // unless it already says when to retry (GraphQL's 503 keeps GraphQL's error shape).
    const reason = unavailableDuringRequest(ctx);
    if (reason && ctx.status >= 400 && !ctx.response.get('Retry-After')) serviceUnavailable(ctx, reason);
  };
};

export default databaseUnavailable;
