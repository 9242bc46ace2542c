import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { databaseUnavailableReason } from '../lib/database-unavailable';
import type { KnexClientSeam } from './knex-client-seam';

const STATE_KEY = 'databaseUnavailable';

/**
 * Records on the current request the first database error it meets that says
 * the database is unavailable (see lib/database-unavailable.ts), as it
 * happens: some of Strapi's own code swallows such errors (users-permissions
 * turns a failed read of the Public role's permissions into a 401), and
 * src/middlewares/database-unavailable.ts then answers 503 all the same.
 *
 * Seen: a failed query (knex's public `query-error` event, which transactions
 * re-emit on the instance), and, through the seam, a connection that could not
 * be acquired (a refused connection, a pool timeout), which fails before any
 * query runs. Without the seam (another knex version) only the former.
 */
export function recordUnavailableDuringRequests(strapi: Core.Strapi, seam: KnexClientSeam | null): void {
  const record = (error: unknown) => {
    const reason = databaseUnavailableReason(error);
    const ctx = strapi.requestContext.get() as Context | undefined;
    if (reason && ctx && !ctx.state[STATE_KEY]) ctx.state[STATE_KEY] = reason;
  };
  strapi.db.connection.on('query-error', record);
  seam?.onAcquireError(record);
}

/** Why the database was unavailable to this request, if it was (a label of databaseUnavailableReason). */
export const unavailableDuringRequest = (ctx: Context): string | undefined => ctx.state[STATE_KEY] as string | undefined;
