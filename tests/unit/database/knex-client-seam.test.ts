import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import knexFactory, { type Knex } from 'knex';
import { SEAM_KNEX_VERSION, installKnexClientSeam, strapiKnexVersion, type ConnectionSource } from '../../../src/database/knex-client-seam';

/*
 * Against a real knex and better-sqlite3, on a file in WAL mode with knex's
 * pool of one writer connection, as the app runs SQLite.
 */

const REPLACED = ['acquireConnection', 'releaseConnection', 'runner', 'destroy'];

let dir: string;
let file: string;
let knex: Knex;

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-seam-'));
  file = path.join(dir, 'seam.db');
  knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: file },
    useNullAsDefault: true,
    acquireConnectionTimeout: 200,
    pool: {
      min: 1,
      max: 1,
      afterCreate(connection: { pragma(source: string): unknown }, done: (error: Error | null, connection: unknown) => void) {
        connection.pragma('journal_mode = WAL');
        done(null, connection);
      },
    },
  });
  await knex.schema.createTable('t', (table) => table.integer('x'));
  await knex('t').insert({ x: 1 });
});

afterEach(async () => {
  await knex.destroy();
  rmSync(dir, { recursive: true, force: true });
});

// better-sqlite3's errors may come from another test file's realm (its native module is loaded once
// per worker), where `toThrow` does not take them for errors: their message is compared instead.
const rejection = (work: PromiseLike<unknown>): Promise<string> =>
  Promise.resolve(work).then(
    () => 'resolved',
    (error: { message?: unknown }) => String(error?.message),
  );

const install = (knexVersion = SEAM_KNEX_VERSION) => installKnexClientSeam(knex, { warn: () => undefined, knexVersion });

/** One query_only connection to the same file, counting what the seam does with it. */
function readerSource() {
  const connection = new Database(file);
  connection.pragma('query_only = ON');
  const counts = { acquired: 0, released: 0, closed: 0 };
  const source: ConnectionSource = {
    acquire: async () => {
      counts.acquired += 1;
      return connection;
    },
    owns: (candidate) => candidate === connection,
    release: () => void (counts.released += 1),
    close: () => {
      counts.closed += 1;
      connection.close();
    },
  };
  return { source, counts };
}

/** The read lane's wiring: plain reads, and what runs inside `lane.run`, go to `source`. */
function routeReads(source: ConnectionSource) {
  const seam = install()!;
  const lane = new AsyncLocalStorage<true>();
  seam.routeAcquisitions(() => lane.getStore() === true, source);
  seam.aroundPlainReads((run) => lane.run(true, run));
  return lane;
}

describe('the knex version check', () => {
  it('is written for the knex that @strapi/database runs here', () => {
    expect(strapiKnexVersion()).toBe(SEAM_KNEX_VERSION);
    expect(installKnexClientSeam(knex, { warn: () => undefined })).not.toBeNull();
    for (const method of REPLACED) expect(Object.hasOwn(knex.client, method)).toBe(true);
  });

  it('installs nothing on another version, and says so once', async () => {
    const warn = jest.fn();
    expect(installKnexClientSeam(knex, { warn, knexVersion: '3.1.0' })).toBeNull();
    expect(installKnexClientSeam(knex, { warn, knexVersion: '3.1.0' })).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/knex 3\.1\.0 is installed, but .* written for knex 3\.0\.1/);
    // The client keeps knex's own methods, and works.
    for (const method of REPLACED) expect(Object.hasOwn(knex.client, method)).toBe(false);
    expect(await knex('t').select('x')).toEqual([{ x: 1 }]);
  });

  it('installs once per client', () => {
    const seam = install();
    const acquire = knex.client.acquireConnection;
    expect(install()).toBe(seam);
    expect(knex.client.acquireConnection).toBe(acquire);
  });
});

describe('routeAcquisitions and aroundPlainReads', () => {
  it('serve plain reads from the source while a write transaction holds the only writer connection', async () => {
    const { source, counts } = readerSource();
    routeReads(source);
    const trx = await knex.transaction();
    try {
      await trx('t').insert({ x: 2 });
      // Without the route these would time out waiting for the writer connection; they see the last commit.
      expect(await knex('t').select('x')).toEqual([{ x: 1 }]);
      expect(await knex('t').first('x')).toEqual({ x: 1 });
      expect(await knex('t').pluck('x')).toEqual([1]);
      expect(await knex.raw('  SELECT count(*) AS n FROM t')).toEqual([{ n: 1 }]);
      expect(counts).toEqual({ acquired: 4, released: 4, closed: 0 });
    } finally {
      // Committed even on a failure: an open transaction would hold knex.destroy() in afterEach.
      await trx.commit();
    }
    expect(await knex('t').pluck('x')).toEqual([1, 2]);
  });

  it('leave writes, transactions and pinned builders on knex\'s pool', async () => {
    const { source, counts } = readerSource();
    routeReads(source);
    // These would fail on the query_only connection.
    await knex('t').insert({ x: 2 });
    await knex.raw('insert into t (x) values (3)');
    await knex('t').update({ x: 4 }).where({ x: 3 });
    expect(await knex.transaction((trx) => trx('t').select('x').orderBy('x'))).toEqual([{ x: 1 }, { x: 2 }, { x: 4 }]);
    const writer = await knex.client.acquireConnection();
    expect(await knex('t').count({ n: '*' }).connection(writer)).toEqual([{ n: 3 }]);
    await knex.client.releaseConnection(writer);
    expect(counts.acquired).toBe(0);
  });

  it('give a transaction begun in the routed context the source\'s connection to its end', async () => {
    const { source, counts } = readerSource();
    const lane = routeReads(source);
    const rows = await lane.run(true, () => knex.transaction(async (trx) => [await trx('t').pluck('x'), await trx('t').count({ n: '*' })]));
    expect(rows).toEqual([[1], [{ n: 1 }]]);
    expect(counts).toEqual({ acquired: 1, released: 1, closed: 0 });
    // The connection is query_only: a write there fails rather than landing on the wrong connection.
    expect(await rejection(lane.run(true, () => knex.transaction((trx) => trx('t').insert({ x: 2 }))))).toMatch(/readonly/);
  });

  it('close the source when knex is destroyed', async () => {
    const { source, counts } = readerSource();
    routeReads(source);
    await knex.destroy();
    expect(counts.closed).toBe(1);
  });

  it('are set once per client', () => {
    const { source } = readerSource();
    const seam = install()!;
    seam.routeAcquisitions(() => false, source);
    seam.aroundPlainReads((run) => run());
    expect(() => seam.routeAcquisitions(() => false, source)).toThrow(/already routed/);
    expect(() => seam.aroundPlainReads((run) => run())).toThrow(/already wrapped/);
    source.close();
  });
});

describe('onAcquireError', () => {
  it('sees a pool timeout before the caller does, and not a failed query', async () => {
    const seam = install()!;
    const seen: unknown[] = [];
    seam.onAcquireError((error) => seen.push(error));
    const trx = await knex.transaction();
    const error = await knex('t').select('x').then(
      () => null,
      (e: unknown) => e,
    );
    await trx.rollback();
    expect(error).toBeInstanceOf(knexFactory.KnexTimeoutError);
    expect(seen).toEqual([error]);
    expect(await rejection(knex.raw('select * from missing'))).toMatch(/no such table/);
    expect(seen).toHaveLength(1);
  });

  it('sees a source\'s failure too, whichever hook was set first', async () => {
    const seam = install()!;
    const seen: unknown[] = [];
    seam.onAcquireError((error) => seen.push(error));
    const refused = new Error('Unable to acquire a connection');
    const lane = new AsyncLocalStorage<true>();
    seam.routeAcquisitions(() => lane.getStore() === true, { acquire: () => Promise.reject(refused), owns: () => false, release: () => undefined, close: () => undefined });
    seam.aroundPlainReads((run) => lane.run(true, run));
    await expect(knex('t').select('x')).rejects.toBe(refused);
    expect(seen).toEqual([refused]);
  });
});
