import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { TABLES } from '../../../shared/constants';
import { cacheTagsOf, isEmptyChangeSet, type ChangeSet } from '../lib/changes';
import { chunked } from '../utils/chunked';
import { yieldToReaders } from '../utils/yield-to-readers';
import { getService } from '../utils/get-service';

const SEQUENCE = TABLES.contentVersion;
const VERSIONS = TABLES.pageVersions;

/** Past this many cache tags changed since an instance last looked, it drops its whole cache instead. */
export const MAX_CATCH_UP_TAGS = 10_000;

/**
 * The one place a change to public pages is recorded, by every writer
 * (the Document Service middleware, the importer, excerpt regeneration, the
 * index rebuild), inside the writer's own transaction:
 * - the change sequence (newsroom_content_version) moves on, once per transaction:
 *   its row lock orders the writers, so sequence numbers follow commit order;
 * - each cache tag the change names gets that number (newsroom_page_versions),
 *   so an instance that missed notifications reads exactly what went stale;
 * - the change set goes to the outbox, for the webhooks (services/change-outbox.ts);
 * - other instances are told at commit (services/page-invalidation.ts), and this
 *   one invalidates its cached pages when the commit is done.
 */
const pageVersions = ({ strapi }: { strapi: Core.Strapi }) => {
  const sequenceOf = new WeakMap<object, number>();

  async function nextSequence(trx: Knex.Transaction): Promise<number> {
    const known = sequenceOf.get(trx);
    if (known !== undefined) return known;
    await trx(SEQUENCE).where({ id: 1 }).increment('version', 1);
    const row: { version: number | string } = await trx(SEQUENCE).where({ id: 1 }).first('version');
    sequenceOf.set(trx, Number(row.version));
    return Number(row.version);
  }

  return {
    /** Joins the caller's transaction when there is one (a plain call gets its own). */
    async record(change: ChangeSet): Promise<void> {
      if (isEmptyChangeSet(change)) return;
      const tags = cacheTagsOf(change);
      await strapi.db.transaction(async ({ trx, onCommit }) => {
        const seq = await nextSequence(trx);
        for (const chunk of chunked(tags)) {
          await trx(VERSIONS)
            .insert(chunk.map((key) => ({ key, seq })))
            .onConflict('key')
            .merge(['seq']);
          // An import's change set names thousands of pages: readers go between its chunks.
          await yieldToReaders(strapi);
        }
        await getService(strapi, 'change-outbox').append(trx, change);
        const invalidation = getService(strapi, 'page-invalidation');
        await invalidation.announce(trx, seq, tags);
        onCommit(() => {
          invalidation.committed(seq, tags);
          getService(strapi, 'webhook-dispatcher').wake();
        });
      });
    },

    /** The sequence number of the last committed change. */
    async current(knex: Knex = strapi.db.connection): Promise<number> {
      const row: { version: number | string } | undefined = await knex(SEQUENCE).where({ id: 1 }).first('version');
      return Number(row?.version ?? 0);
    },

    /** The cache tags changed after `since` up to `until`, with the change that last touched each; null past MAX_CATCH_UP_TAGS. */
    async changedSince(since: number, until: number, knex: Knex = strapi.db.connection): Promise<Array<{ key: string; seq: number }> | null> {
      const rows: Array<{ key: string; seq: number | string }> = await knex(VERSIONS)
        .where('seq', '>', since)
        .andWhere('seq', '<=', until)
        .select('key', 'seq')
        .limit(MAX_CATCH_UP_TAGS + 1);
      if (rows.length > MAX_CATCH_UP_TAGS) return null;
      return rows.map((row) => ({ key: row.key, seq: Number(row.seq) }));
    },
  };
};

export default pageVersions;
