import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';

/**
 * The one place that reaches into knex's client (`strapi.db.connection.client`).
 *
 * @strapi/database offers no hook to choose the connection a query runs on,
 * nor to see a connection that could not be acquired, and the app needs both:
 * the SQLite read lane (sqlite-read-lane.ts) serves plain reads from
 * connections of its own, and a request that met an unreachable database is
 * answered 503 (unavailable-during-request.ts). Both go through the hooks
 * below, which replace four methods on the client instance: acquireConnection,
 * releaseConnection, runner and destroy. Transactions' clients are made from
 * the client's prototype, not this instance (knex's makeTxClient), so what
 * runs inside a transaction keeps the connection the transaction took.
 *
 * Those methods and the builder's fields read below are not knex's public
 * API: they were read from knex SEAM_KNEX_VERSION (lib/client.js,
 * lib/execution/runner.js, lib/execution/transaction.js). With any other
 * version installKnexClientSeam installs nothing and warns: the app then runs
 * as stock Strapi does, without the read lane and with only the errors a
 * request throws turned into 503s.
 */
export const SEAM_KNEX_VERSION = '3.0.1';

/** Connections of its own that some acquisitions are served from instead of knex's pool. */
export interface ConnectionSource {
  acquire(): Promise<unknown>;
  /** Whether `connection` is one of this source's (it is then released here, not to knex's pool). */
  owns(connection: unknown): boolean;
  release(connection: unknown): void;
  /** Knex is being destroyed. */
  close(): void;
}

export interface KnexClientSeam {
  /**
   * Acquisitions made while `applies()` is true (it is asked in the caller's
   * async context) are served by `source`, and a transaction begun then keeps
   * that connection to its end. Once per client.
   */
  routeAcquisitions(applies: () => boolean, source: ConnectionSource): void;
  /**
   * Each plain read, a SELECT builder (select, first, pluck) or a raw
   * `select`, run outside a transaction and not pinned to a connection, runs
   * inside `around` from the moment it asks for a connection. Once per client.
   */
  aroundPlainReads(around: <T>(run: () => Promise<T>) => Promise<T>): void;
  /** `listener` sees every failed acquisition, from knex's pool or a source, before the caller does. */
  onAcquireError(listener: (error: unknown) => void): void;
}

// Knex has no types for the runner and the builder's internals.
type Runner = { ensureConnection(callback: unknown, params?: unknown): Promise<unknown> };
type Builder = { _connection?: unknown; _method?: unknown; _statements?: unknown; sql?: unknown };

function isPlainRead(builder: Builder): boolean {
  if (builder._connection) return false;
  // A query builder has statements; a raw has its SQL.
  if (Array.isArray(builder._statements)) return builder._method === 'select' || builder._method === 'first' || builder._method === 'pluck';
  return typeof builder.sql === 'string' && /^\s*select\b/i.test(builder.sql);
}

/** The version of the knex that @strapi/database loads, which need not be the app's own copy. */
export function strapiKnexVersion(): string {
  const manifest = require.resolve('knex/package.json', { paths: [path.dirname(require.resolve('@strapi/database'))] });
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

const seams = new WeakMap<Knex.Client, KnexClientSeam | null>();

/**
 * Installs the seam on `knex`'s client (once: later calls return the same
 * seam), or returns null after one warning when `knexVersion` is not the
 * version it was written for.
 */
export function installKnexClientSeam(
  knex: Knex,
  { warn, knexVersion = strapiKnexVersion() }: { warn(message: string): void; knexVersion?: string },
): KnexClientSeam | null {
  // Typed `any` on Knex; knex's own Client class declares the methods replaced here.
  const client = knex.client as Knex.Client;
  if (seams.has(client)) return seams.get(client)!;
  if (knexVersion !== SEAM_KNEX_VERSION) {
    warn(
      `knex ${knexVersion} is installed, but src/database/knex-client-seam.ts was written for knex ${SEAM_KNEX_VERSION}: ` +
        'running without its hooks (no SQLite read lane: reads wait while an import writes; a database error that ' +
        'Strapi swallows is not answered 503). Check the seam against this knex, then update SEAM_KNEX_VERSION.',
    );
    seams.set(client, null);
    return null;
  }

  let route: { applies(): boolean; source: ConnectionSource } | undefined;
  let around: (<T>(run: () => Promise<T>) => Promise<T>) | undefined;
  const acquireErrorListeners: Array<(error: unknown) => void> = [];

  const acquire = client.acquireConnection.bind(client);
  const release = client.releaseConnection.bind(client);
  const runner = client.runner.bind(client);
  const destroy = client.destroy.bind(client);
  client.acquireConnection = async () => {
    try {
      return await (route?.applies() ? route.source.acquire() : acquire());
    } catch (error) {
      for (const listener of acquireErrorListeners) listener(error);
      throw error;
    }
  };
  client.releaseConnection = (connection: unknown) =>
    route?.source.owns(connection) ? Promise.resolve(route.source.release(connection)) : release(connection);
  client.runner = (builder: Builder) => {
    const run = runner(builder) as Runner;
    if (around && isPlainRead(builder)) {
      const ensure = run.ensureConnection.bind(run);
      const wrap = around;
      run.ensureConnection = (callback, params) => wrap(() => ensure(callback, params));
    }
    return run;
  };
  client.destroy = (callback: unknown) => {
    route?.source.close();
    return destroy(callback);
  };

  const seam: KnexClientSeam = {
    routeAcquisitions(applies, source) {
      if (route) throw new Error('knex client seam: acquisitions are already routed');
      route = { applies, source };
    },
    aroundPlainReads(wrap) {
      if (around) throw new Error('knex client seam: plain reads are already wrapped');
      around = wrap;
    },
    onAcquireError(listener) {
      acquireErrorListeners.push(listener);
    },
  };
  seams.set(client, seam);
  return seam;
}
