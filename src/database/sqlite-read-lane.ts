import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';

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
 * on the writer connection.
 */

type NativeConnection = { close(): void; pragma(source: string): unknown };
type Builder = { _connection?: unknown; _method?: unknown; _statements?: unknown; sql?: unknown };
type Runner = { ensureConnection(cb: unknown, params: unknown): Promise<unknown> };
interface KnexClient {
  driver: new (filename: string) => NativeConnection;
  connectionSettings: { filename: string };
  config: { acquireConnectionTimeout?: number };
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<void>;
  runner(builder: Builder): Runner;
  destroy(callback?: unknown): Promise<unknown>;
}

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
const readLane = new AsyncLocalStorage<true>();

/** A plain read: a SELECT builder (or raw select) not pinned to a connection. Other builders keep knex's path. */
function isPlainRead(builder: Builder): boolean {
  if (builder._connection) return false;
  if (Array.isArray(builder._statements)) return builder._method === 'select' || builder._method === 'first' || builder._method === 'pluck';
  return typeof builder.sql === 'string' && /^\s*select\b/i.test(builder.sql);
}

/** At most `size` reader connections, opened as needed; waiters queue (FIFO) up to the acquire timeout. */
class ReaderPool {
  private free: NativeConnection[] = [];
  private all = new Set<NativeConnection>();
  private waiting: Array<{ resolve(c: NativeConnection): void; reject(e: Error): void; timer: NodeJS.Timeout }> = [];
  private closed = false;

  constructor(
    private open: () => NativeConnection,
    private size: number,
    private timeoutMs: number,
  ) {}

  owns(connection: unknown): boolean {
    return this.all.has(connection as NativeConnection);
  }

  acquire(): Promise<NativeConnection> {
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

  release(connection: NativeConnection): void {
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

export function installSqliteReadLane(strapi: Core.Strapi, readers: number): void {
  const client = strapi.db.connection.client as unknown as KnexClient;
  const pool = new ReaderPool(
    () => {
      const connection = new client.driver(client.connectionSettings.filename);
      connection.pragma('query_only = ON');
      return connection;
    },
    readers,
    client.config.acquireConnectionTimeout ?? 60000,
  );

  // Transactions' clients are made from the client's prototype, not this
  // instance: what is inside a transaction never sees these overrides.
  const acquire = client.acquireConnection.bind(client);
  const release = client.releaseConnection.bind(client);
  const runner = client.runner.bind(client);
  const destroy = client.destroy.bind(client);
  client.acquireConnection = () => (readLane.getStore() ? pool.acquire() : acquire());
  client.releaseConnection = (connection) => (pool.owns(connection) ? Promise.resolve(pool.release(connection as NativeConnection)) : release(connection));
  client.runner = (builder) => {
    const run = runner(builder);
    if (isPlainRead(builder)) {
      const ensure = run.ensureConnection.bind(run);
      run.ensureConnection = (cb, params) => readLane.run(true, () => ensure(cb, params));
    }
    return run;
  };
  client.destroy = (callback) => {
    pool.close();
    return destroy(callback);
  };

  strapi.documents.use((ctx, next) => (READ_ACTIONS.has(ctx.action) && !strapi.db.inTransaction() ? readLane.run(true, next) : next()));
}
