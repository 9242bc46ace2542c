import type { Core } from '@strapi/strapi';

import { TABLES } from '../../../shared/constants';

const CONTENT_VERSION = TABLES.contentVersion;

/**
 * A counter of writes that can change what the public tag-page routes serve.
 * Writers bump it inside their own transaction, so no reader can see the new
 * version with the old data; the response cache compares it with the version
 * each cached response was built from. Kept in the database, not in memory,
 * so writes by another instance or by `npm run import` are seen too.
 */
const contentVersion = ({ strapi }: { strapi: Core.Strapi }) => {
  // Concurrent requests share one read: under load that is one query per
  // round trip, not one per request.
  let reading: Promise<string> | null = null;
  // Transactions that bumped already: one bump per transaction, however many writers it holds.
  const bumped = new WeakSet<object>();

  return {
    current(): Promise<string> {
      if (reading) return reading;
      const read = strapi.db
        .connection(CONTENT_VERSION)
        .where({ id: 1 })
        .first('version')
        .then((row: { version: number | string } | undefined) => String(row?.version ?? 'none'));
      reading = read;
      const settle = () => {
        if (reading === read) reading = null;
      };
      read.then(settle, settle);
      return read;
    },

    /** Joins the caller's transaction when there is one, and counts once in it. */
    async bump(): Promise<void> {
      await strapi.db.transaction(async ({ trx, onCommit }) => {
        if (bumped.has(trx)) return;
        bumped.add(trx);
        await trx(CONTENT_VERSION).where({ id: 1 }).increment('version', 1);
        // A read already in flight may have started before this commit: the
        // next request must not join it.
        onCommit(() => {
          reading = null;
        });
      });
    },
  };
};

export default contentVersion;
