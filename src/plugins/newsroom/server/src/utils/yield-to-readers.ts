import type { Core } from '@strapi/strapi';

/**
 * On SQLite every query runs on the event loop (better-sqlite3 is
 * synchronous), so a write made of dozens of queries is one long task that
 * holds every reader's request until it is done: a Content Manager publish
 * is about 50 ms of them. Writers call this between their stages to let the
 * requests waiting meanwhile (cached pages, answered in a millisecond) go
 * first. On PostgreSQL queries already yield while they wait on the server.
 */
export function yieldToReaders(strapi: Core.Strapi): Promise<void> | undefined {
  if (strapi.db.dialect.client === 'postgres') return undefined;
  return new Promise((resolve) => setImmediate(resolve));
}
