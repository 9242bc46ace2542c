import type { Core } from '@strapi/strapi';
import Database from 'better-sqlite3';
import type { Knex } from 'knex';
import type { ClientConfig } from 'pg';
import { listenPostgres, type PgListener } from '../database/pg-listener';
import { InvalidationClock } from '../lib/changes';
import { getService } from '../utils/get-service';

const CHANNEL = 'newsroom_pages';
// PostgreSQL refuses NOTIFY payloads of 8000 bytes or more: past this, the payload names no tags.
const MAX_PAYLOAD = 7900;

/**
 * Keeps this instance's cached pages exact (services/response-cache.ts asks
 * `isFresh`), whoever wrote:
 * - this instance: its commits invalidate their cache tags in memory;
 * - another one, on PostgreSQL: every change sends a NOTIFY in its
 *   transaction, which PostgreSQL delivers at commit to every instance's
 *   listening connection (database/pg-listener.ts, outside knex's pool): a
 *   cached page then costs no query. While that connection is down, each
 *   request first reads the change sequence, and the cache tags changed since
 *   (services/page-versions.ts): slower, never stale;
 * - another process, on SQLite (`npm run import`, a second server on the
 *   file): `PRAGMA data_version` on a connection of its own tells, in a
 *   microsecond, whether anyone committed since; if so, the same catch-up.
 */
const pageInvalidation = ({ strapi }: { strapi: Core.Strapi }) => {
  const clock = new InvalidationClock();
  const postgres = () => strapi.db.dialect.client === 'postgres';
  const schema = () => strapi.db.getSchemaName() ?? 'public';
  // The last change this instance caught up to (null: none yet, or notifications were missed).
  let known: number | null = null;
  // Changes this instance committed and invalidated itself: a catch-up skips them.
  const own = new Set<number>();
  let listener: PgListener | null = null;
  let gaps = 0;
  let synced = false;
  let sqlite: Database.Database | null = null;
  let dataVersion: unknown;
  let catchingUp: Promise<void> | null = null;

  async function catchUp(knex: Knex): Promise<void> {
    const versions = getService(strapi, 'page-versions');
    const seq = await versions.current(knex);
    if (known === null) {
      // Whatever happened while nobody was looking: every page.
      clock.flush();
    } else if (seq > known) {
      const changed = await versions.changedSince(known, seq, knex);
      if (changed === null) clock.flush();
      else clock.invalidate(changed.filter((row) => !own.has(row.seq)).map((row) => row.key));
    }
    known = Math.max(known ?? 0, seq);
    for (const s of own) if (s <= known) own.delete(s);
  }

  /** One catch-up at a time: concurrent requests share it. */
  function sharedCatchUp(): Promise<void> {
    catchingUp ??= catchUp(strapi.db.connection).finally(() => {
      catchingUp = null;
    });
    return catchingUp;
  }

  function onMessage(payload: string): void {
    const [from, seq, tags] = payload.split('|');
    if (from !== schema() || own.has(Number(seq))) return;
    if (tags) clock.invalidate(tags.split(' '));
    else clock.flush();
  }

  return {
    clock,

    /** At boot, before any request. */
    async start(): Promise<void> {
      known = await getService(strapi, 'page-versions').current();
      if (postgres()) {
        listener = listenPostgres({
          connection: (strapi.db.connection.client as unknown as { connectionSettings: ClientConfig }).connectionSettings,
          channel: CHANNEL,
          applicationName: 'newsroom-page-changes',
          onMessage,
          onGap: () => {
            gaps += 1;
            synced = false;
            known = null;
          },
          onLost: (error) =>
            strapi.log.warn(`newsroom: lost the page-changes LISTEN connection (${error instanceof Error ? error.message : String(error)}); reading the change sequence per request until it is back`),
        });
        synced = await listener.ready;
        return;
      }
      const filename = strapi.config.get('database.connection.connection.filename') as string | undefined;
      if (filename && filename !== ':memory:') {
        sqlite = new Database(filename, { readonly: true, fileMustExist: true });
        dataVersion = sqlite.pragma('data_version', { simple: true });
      }
    },

    async stop(): Promise<void> {
      await listener?.close();
      listener = null;
      sqlite?.close();
      sqlite = null;
    },

    /** Before a cached page is trusted: nothing to do while notifications arrive, else the catch-up. */
    async sync(): Promise<void> {
      if (listener) {
        if (listener.listening() && synced) return;
        const before = gaps;
        await sharedCatchUp();
        if (listener.listening() && gaps === before) synced = true;
        return;
      }
      const connection = sqlite;
      if (!connection) return;
      const now = connection.pragma('data_version', { simple: true });
      if (now === dataVersion) return;
      dataVersion = now;
      await sharedCatchUp();
    },

    /** Inside the writer's transaction: the NOTIFY that PostgreSQL sends when it commits. */
    async announce(trx: Knex.Transaction, seq: number, tags: string[]): Promise<void> {
      if (!postgres()) return;
      let payload = `${schema()}|${seq}|${tags.join(' ')}`;
      if (Buffer.byteLength(payload) > MAX_PAYLOAD) payload = `${schema()}|${seq}|`;
      await trx.raw('select pg_notify(?, ?)', [CHANNEL, payload]);
    },

    /** After this instance committed a change. */
    committed(seq: number, tags: string[]): void {
      own.add(seq);
      // Kept for the catch-ups and notifications that may still name it; PostgreSQL's come at once.
      if (own.size > 1000) own.delete(own.values().next().value as number);
      clock.invalidate(tags);
    },
  };
};

export default pageInvalidation;
