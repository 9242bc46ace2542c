/**
 * Is this error the database being unreachable or momentarily unable to
 * serve (down, restarting, refusing connections, locked, or a query cancelled
 * by the content API's time limit), as opposed to a bad query or bad data?
 * Such requests deserve a 503 and a retry, not a 500.
 *
 * Pure: imports nothing from Strapi, so it is unit-tested alone.
 */

// Socket-level failures of node's net module (pg's connection to the server).
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** query_canceled: statement_timeout fired (src/database/public-statement-timeout.ts), or pg_cancel_backend(). */
export const QUERY_CANCELED = '57014';

// PostgreSQL SQLSTATEs (https://www.postgresql.org/docs/current/errcodes-appendix.html).
const POSTGRES_CODES = new Set([
  '57P01', // admin_shutdown: the server is stopping (pg_ctl stop -m fast)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: the server is starting up or shutting down
  '53300', // too_many_connections
  QUERY_CANCELED,
]);
const POSTGRES_CONNECTION_EXCEPTION = /^08[0-9A-Z]{3}$/; // class 08: connection exception

// SQLite: another connection holds the lock for longer than the busy timeout.
const SQLITE_CODES = /^SQLITE_(BUSY|LOCKED)(_|$)/;

// Errors carrying no code, recognised by their message.
const MESSAGES: Array<[RegExp, string]> = [
  [/Timeout acquiring a connection/i, 'pool timeout'], // knex: no connection within acquireConnectionTimeout
  [/Unable to acquire a connection/i, 'pool closed'], // knex: pool destroyed (shutting down)
  [/Connection terminated/i, 'connection terminated'], // pg: "Connection terminated unexpectedly", "... due to connection timeout"
  [/Client has encountered a connection error and is not queryable/i, 'connection error'], // pg
  [/Client was closed and is not queryable/i, 'connection closed'], // pg
  [/^timeout expired$/i, 'connect timeout'], // pg: connectionTimeoutMillis
];

const MAX_DEPTH = 5;

/**
 * Why the database is unavailable (a short label for logs: `ECONNREFUSED`,
 * `57P01`, `pool timeout`, ...), or null when the error is something else.
 * Follows `cause` and AggregateError's `errors` (node reports a refused
 * connection to a host with several addresses as an AggregateError).
 */
export function databaseUnavailableReason(error: unknown, depth = 0): string | null {
  if (depth > MAX_DEPTH || error === null || typeof error !== 'object') return null;
  const { code, message, cause, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code) || POSTGRES_CODES.has(code) || POSTGRES_CONNECTION_EXCEPTION.test(code)) return code;
    if (SQLITE_CODES.test(code)) return code;
  }
  if (typeof message === 'string') {
    for (const [pattern, label] of MESSAGES) if (pattern.test(message)) return label;
  }
  for (const inner of [cause, ...(Array.isArray(errors) ? errors : [])]) {
    const reason = databaseUnavailableReason(inner, depth + 1);
    if (reason) return reason;
  }
  return null;
}

/** What the 503 tells the client, for a reason returned above. */
export function databaseUnavailableMessage(reason: string): string {
  return reason === QUERY_CANCELED
    ? 'The request took longer than the database allows; retry shortly'
    : 'The database is unavailable; retry shortly';
}

export const isDatabaseUnavailable = (error: unknown): boolean => databaseUnavailableReason(error) !== null;
