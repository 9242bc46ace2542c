import type { Core, Modules } from '@strapi/strapi';

type RequestState = { route?: { info?: { type?: string } }; [key: string]: unknown };

const DEADLINE = 'publicStatementDeadline';

/**
 * PostgreSQL: the database work of one content-API request (the public REST
 * API, the plugin's public routes) has `timeoutMs` in all, from its first
 * Document Service call; a statement still running when that time is up is
 * cancelled by the server itself (SQLSTATE 57014), which frees its
 * connection at once, and the request is answered 503 with Retry-After
 * (src/middlewares/database-unavailable.ts).
 *
 * How: every Document Service call runs in a transaction (Strapi's
 * repository wraps each action in `strapi.db.transaction`, which joins the
 * transaction it is called in). This middleware opens that transaction
 * itself, first sets `statement_timeout` for it alone (`set_config(...,
 * true)` is SET LOCAL), then lets the action run inside it. Each call gets
 * the time the request has left, so a find's query and its count share the
 * budget.
 *
 * Imports, the admin (the Content Manager is an `admin` route), migrations,
 * boot and scripts run outside any content-API request and keep the
 * server's own setting. SQLite cannot interrupt a query: nothing is done
 * there (see the README, "What one request may cost").
 */
export function installPublicStatementTimeout(strapi: Core.Strapi, timeoutMs: number): void {
  if (strapi.config.get('database.connection.client') !== 'postgres' || !(timeoutMs > 0)) return;

  const middleware: Modules.Documents.Middleware.Middleware = async (_ctx, next) => {
    const state = (strapi.requestContext.get() as { state?: RequestState } | undefined)?.state;
    if (state?.route?.info?.type !== 'content-api') return next();

    const now = Date.now();
    state[DEADLINE] ??= now + timeoutMs;
    // At least 1 ms: 0 would mean "no limit".
    const left = Math.max(1, Math.floor((state[DEADLINE] as number) - now));
    return strapi.db.transaction(async ({ trx }) => {
      await trx.raw("select set_config('statement_timeout', ?, true)", [String(left)]);
      return next();
    });
  };
  strapi.documents.use(middleware);
}
