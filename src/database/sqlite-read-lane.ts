import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import Database from 'better-sqlite3';
import type { ConnectionSource, KnexClientSeam } from './knex-client-seam';

/**
 * SQLite readers that do not queue behind a writer.
 *
 * Knex gives SQLite a pool of one connection: every query and transaction of
 * the app takes turns on it, so a long write transaction (a 5,000-article
 * import takes seconds) makes every public read wait until it commits. Knex
 * is right not to pool writers: two SQLite connections writing at once get
 * SQLITE_BUSY, after better-sqlite3 has blocked the whole event loop for its
 * busy timeout.
 *
 * So writers keep that single connection, exactly as stock Strapi has them,
 * and reads that cannot write take a lane of their own: a few more
 * connections to the same file, opened `query_only` (a write there fails,
 * it is never silently done). With the database in WAL mode (config/database.ts)
 * they read the last committed state while a writer writes, so a reader sees
 * an import either not yet committed or committed, never half of it.
 *
 * A read goes to the lane when it is
 * - a plain SELECT outside any transaction (a knex select or a raw `select`),
 * - or a Document Service read (findMany, findFirst, findOne, count) called
 *   outside a transaction: Strapi wraps those in a transaction of their own,
 *   which then runs on a reader connection, as one consistent snapshot.
 * Everything else (writes, DDL, pragmas, anything inside a transaction) stays
 * on the writer connection. Knex is steered through knex-client-seam.ts, the
 * only code that touches its internals.
 */

type ReaderConnection = Pick<Database.Database, 'pragma' | 'close'>;

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
const readLane = new AsyncLocalStorage<true>();

/** At most `size` reader connections, opened as needed; waiters queue (FIFO) up to the acquire timeout. */
class ReaderPool implements ConnectionSource {
  private free: ReaderConnection[] = [];
  private all = new Set<ReaderConnection>();
  private waiting: Array<{ resolve(c: ReaderConnection): void; reject(e: Error): void; timer: NodeJS.Timeout }> = [];
  private closed = false;

  constructor(
    private open: () => ReaderConnection,
    private size: number,
    private timeoutMs: number,
  ) {}

  owns(connection: unknown): boolean {
    return this.all.has(connection as ReaderConnection);
  }

  acquire(): Promise<ReaderConnection> {
    // The same message as knex's, so the app treats both alike (503).
    if (this.closed) return Promise.reject(new Error('Unable to acquire a connection'));
    const free = this.free.pop();
    if (free) return Promise.resolve(free);
    if (this.all.size < this.size) {
      const connection = this.open();
      this.all.add(connection);
      return Promise.resolve(connection);
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          reject(new Error('Knex: Timeout acquiring a connection. The SQLite reader pool is full.'));
        }, this.timeoutMs),
      };
      this.waiting.push(waiter);
    });
  }

  release(connection: ReaderConnection): void {
    if (this.closed) return void connection.close();
    const waiter = this.waiting.shift();
    if (!waiter) return void this.free.push(connection);
    clearTimeout(waiter.timer);
    waiter.resolve(connection);
  }

  close(): void {
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error('Unable to acquire a connection'));
    }
    // Connections in use are closed when released.
    for (const connection of this.free.splice(0)) connection.close();
  }
}

/** The readers are better-sqlite3 connections to the configured file, the kind knex's own pool holds. */
export function installSqliteReadLane(strapi: Core.Strapi, seam: KnexClientSeam, readers: number): void {
  const filename = strapi.config.get('database.connection.connection.filename') as string;
  const pool = new ReaderPool(
    () => {
      const connection = new Database(filename);
      connection.pragma('query_only = ON');
      return connection;
    },
    readers,
    strapi.config.get('database.connection.acquireConnectionTimeout', 60000) as number,
  );
  seam.routeAcquisitions(() => readLane.getStore() === true, pool);
  seam.aroundPlainReads((run) => readLane.run(true, run));
  strapi.documents.use((ctx, next) => (READ_ACTIONS.has(ctx.action) && !strapi.db.inTransaction() ? readLane.run(true, next) : next()));
}
