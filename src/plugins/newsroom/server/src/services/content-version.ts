import type { Core } from '@strapi/strapi';

// Created by database/migrations/*newsroom-content-version.js.
export const CONTENT_VERSION = 'newsroom_content_version';

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

    /** Joins the caller's transaction when there is one. */
    async bump(): Promise<void> {
      await strapi.db.transaction(async ({ trx, onCommit }) => {
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
