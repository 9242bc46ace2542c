import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { answerRetryLater } from '../http/retry-later';
import { databaseUnavailableMessage, databaseUnavailableReason } from '../lib/database-unavailable';

interface Config {
  /** Seconds, for Retry-After. */
  retryAfter?: number;
  /** At most one warning per this many milliseconds while the database stays unavailable. */
  warnEveryMs?: number;
}

const STATE_KEY = 'databaseUnavailable';
const hooked = new WeakSet<object>();

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
 * recorded on it as they happen (knex's `query-error` event, and connection
 * acquisition from the pool), and an error response to a request that met one
 * becomes a 503 as well.
 */
const databaseUnavailable = (config: Config, { strapi }: { strapi: Core.Strapi }) => {
  const retryAfter = config.retryAfter ?? 5;
  const warnEveryMs = config.warnEveryMs ?? 10_000;
  let lastWarning = 0;
  let suppressed = 0;

  const record = (error: unknown) => {
    const reason = databaseUnavailableReason(error);
    const ctx = strapi.requestContext.get() as Context | undefined;
    if (reason && ctx && !ctx.state[STATE_KEY]) ctx.state[STATE_KEY] = reason;
  };

  const client = strapi.db.connection.client as {
    on(event: 'query-error', listener: (error: unknown) => void): void;
    acquireConnection(): Promise<unknown>;
  };
  if (!hooked.has(client)) {
    hooked.add(client);
    // Transactions' clients re-emit their query errors on this one.
    client.on('query-error', record);
    // A refused connection or a pool timeout fails here, before any query runs.
    const acquire = client.acquireConnection.bind(client);
    client.acquireConnection = () =>
      acquire().catch((error: unknown) => {
        record(error);
        throw error;
      });
  }

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
      const reason = databaseUnavailableReason(error) ?? (ctx.state[STATE_KEY] as string | undefined);
      if (!reason) throw error;
      return serviceUnavailable(ctx, reason);
    }
    // An error answer to a request that met an unreachable database: the
    // database is the cause (see above), whatever the code that answered says.
    const reason = ctx.state[STATE_KEY] as string | undefined;
    if (reason && ctx.status >= 400) serviceUnavailable(ctx, reason);
  };
};

export default databaseUnavailable;
