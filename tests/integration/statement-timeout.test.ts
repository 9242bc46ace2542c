import { Client, type ClientConfig } from 'pg';
import { UIDS } from '../../src/plugins/newsroom/shared/constants';
import { anyPostgres, type AnyPostgres } from '../helpers/any-postgres';
import { SEED_FILE } from '../helpers/import';
import { useTestApp, type TestAppHandle } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/*
 * The content API's time limit (DATABASE_PUBLIC_STATEMENT_TIMEOUT). On
 * PostgreSQL, whichever pass this is (the run's server, or a private cluster
 * on the SQLite pass): a content-API request whose query runs past the limit
 * is answered 503 with Retry-After, and the query is cancelled in the server
 * (pg_stat_activity no longer shows it), whether it waits (for a lock) or
 * computes (a count over a million rows); the admin and in-process Document
 * Service calls are not limited. On SQLite, which cannot interrupt a query,
 * there is no limit. Each part boots its app with its own limit.
 */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A GET that cannot hang the test: an unlimited query would otherwise wait for the lock as long as it is held. */
async function timedGet(url: string, headers: Record<string, string> = {}) {
  const started = Date.now();
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
  // What the tests read of the answers: a list, the Content Manager's results, or an error.
  const body = (await res.json()) as { data: unknown[]; results: unknown[]; meta: { pagination: { total: number } } };
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body, ms: Date.now() - started };
}

/** The describe block's app, listening, with the seed imported and `timeoutMs` as its limit (config/database.ts reads it at boot). */
function useTimedApp(timeoutMs: number, database: () => Promise<TestDatabase>) {
  return useTestApp({ env: { DATABASE_PUBLIC_STATEMENT_TIMEOUT: String(timeoutMs) }, database, imports: [SEED_FILE], listen: true });
}

const articlesTable = (app: TestAppHandle) => app.strapi.db.metadata.get(UIDS.article).tableName;

const expectTimeoutAnswer = (answer: Awaited<ReturnType<typeof timedGet>>) => {
  expect(answer).toMatchObject({
    status: 503,
    retryAfter: '5',
    body: {
      data: null,
      error: { status: 503, name: 'ServiceUnavailableError', message: 'The request took longer than the database allows; retry shortly', details: {} },
    },
  });
};

/** A PostgreSQL app (see useTimedApp), with a session of the test's own to watch and lock its tables. */
function postgresApp(timeoutMs: number) {
  let pg: AnyPostgres | undefined;
  const fixture = {} as {
    app: TestAppHandle;
    /** The articles table, schema-qualified. */
    articles: string;
    monitor: Client;
    connect(): Promise<Client>;
    /** The app's statements on the articles table that the server is running now (waiting for a lock or computing). */
    running(exceptPid?: number): Promise<Array<{ pid: number; wait: string | null; query: string }>>;
  };
  // Teardown in the order registered: the monitor's session, the app, then its database.
  afterAll(async () => {
    await fixture.monitor?.end();
  });
  fixture.app = useTimedApp(timeoutMs, async () => {
    pg = await anyPostgres();
    return pg.database;
  });
  beforeAll(async () => {
    const { app } = fixture;
    fixture.articles = `"${app.strapi.db.getSchemaName()}"."${articlesTable(app)}"`;
    fixture.connect = async () => {
      // knex's client keeps the settings it connects with; its types do not show them.
      const client = new Client((app.strapi.db.connection.client as unknown as { connectionSettings: ClientConfig }).connectionSettings);
      await client.connect();
      return client;
    };
    fixture.monitor = await fixture.connect();
    fixture.running = async (exceptPid = 0) =>
      (
        await fixture.monitor.query(
          `SELECT pid, wait_event_type AS wait, query FROM pg_stat_activity
            WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid() AND pid <> $1
              AND position($2 in query) > 0`,
          [exceptPid, fixture.articles],
        )
      ).rows as Array<{ pid: number; wait: string | null; query: string }>;
  });
  afterAll(async () => {
    await pg?.destroy();
  });
  return fixture;
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 5000) {
  for (const t0 = Date.now(); !(await condition()); await sleep(10)) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting until ${what}`);
  }
}

describe('PostgreSQL: a content-API request waiting past its limit', () => {
  const TIMEOUT_MS = 150;
  const pg = postgresApp(TIMEOUT_MS);

  /** An ACCESS EXCLUSIVE lock on the articles table, held by a session of its own until released: every read of it waits. */
  async function lockArticles() {
    const locker = await pg.connect();
    await locker.query('BEGIN');
    await locker.query(`LOCK TABLE ${pg.articles} IN ACCESS EXCLUSIVE MODE`);
    const { rows } = await locker.query('SELECT pg_backend_pid() AS pid');
    return {
      pid: rows[0].pid as number,
      async release() {
        await locker.query('ROLLBACK');
        await locker.end();
      },
    };
  }

  it('is answered 503 with Retry-After at the limit, and the server no longer runs its query', async () => {
    const lock = await lockArticles();
    try {
      const answer = timedGet(`${pg.app.url}/api/articles`);
      // The request's query has reached the server and waits for the lock.
      await until(async () => (await pg.running(lock.pid)).some((q) => q.wait === 'Lock'), 'the query waits for the lock');
      const res = await answer;
      expectTimeoutAnswer(res);
      expect(res.ms).toBeLessThan(TIMEOUT_MS + 1000);
      // Cancelled by the server, not abandoned by the app: nothing of it still runs, though the lock is still held.
      expect(await pg.running(lock.pid)).toEqual([]);
    } finally {
      await lock.release();
    }
    // The pool's connections are fine afterwards.
    const again = await timedGet(`${pg.app.url}/api/articles`);
    expect(again.status).toBe(200);
    expect(again.body.data).toHaveLength(10);
  });

  it('the admin (Content Manager) and Document Service calls outside a content-API request are not limited', async () => {
    const token = await pg.app.superAdminToken();
    const holdMs = 4 * TIMEOUT_MS;
    const lock = await lockArticles();
    let admin: Promise<Awaited<ReturnType<typeof timedGet>>>;
    let inProcess: Promise<unknown[]>;
    try {
      admin = timedGet(`${pg.app.url}/content-manager/collection-types/${UIDS.article}?page=1&pageSize=10`, { Authorization: `Bearer ${token}` });
      inProcess = pg.app.documents(UIDS.article).findMany({ status: 'published' });
      const waiting = async () => (await pg.running(lock.pid)).filter((q) => q.wait === 'Lock').length;
      await until(async () => (await waiting()) >= 2, 'both wait for the lock');
      await sleep(holdMs);
      // Still waiting, well past the content API's limit.
      expect(await waiting()).toBeGreaterThanOrEqual(2);
    } finally {
      await lock.release();
    }
    const res = await admin;
    expect(res.status).toBe(200);
    expect(res.ms).toBeGreaterThan(holdMs);
    expect(res.body.results).toHaveLength(10);
    expect(await inProcess).toHaveLength(10);
  });
});

describe('PostgreSQL: a content-API request computing past its limit', () => {
  // A count over a million rows takes 60–400 ms here (less with parallel workers): at least twice this.
  const TIMEOUT_MS = 20;
  const pg = postgresApp(TIMEOUT_MS);

  it('is answered 503 the same way, its query cancelled', async () => {
    await pg.monitor.query(
      `INSERT INTO ${pg.articles} (document_id, title, slug, published_at, created_at, updated_at)
       SELECT 'generated' || i, 'Generated ' || i, 'generated-' || i, now(), now(), now() FROM generate_series(1, 1000000) AS i`,
    );
    await pg.monitor.query(`ANALYZE ${pg.articles}`);
    // What the request's count costs without a limit.
    const started = Date.now();
    await pg.monitor.query(`SELECT count(id) FROM ${pg.articles} WHERE published_at IS NOT NULL`);
    const unlimitedMs = Date.now() - started;

    const res = await timedGet(`${pg.app.url}/api/articles?pagination[pageSize]=1`);
    console.log(`count over 1,000,000 articles: ${unlimitedMs} ms unlimited; with a ${TIMEOUT_MS} ms limit the request answered ${res.status} in ${res.ms} ms`);
    expect(unlimitedMs).toBeGreaterThan(2 * TIMEOUT_MS);
    expectTimeoutAnswer(res);
    expect(res.ms).toBeLessThan(TIMEOUT_MS + 1000);
    expect(await pg.running()).toEqual([]);

    // The same count through GraphQL: Apollo would answer 200 with an error; it is a 503 too, in GraphQL's shape.
    const viaGraphql = await fetch(`${pg.app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ articles_connection(pagination: { pageSize: 1 }) { pageInfo { total } } }' }),
      signal: AbortSignal.timeout(10_000),
    });
    expect(viaGraphql.status).toBe(503);
    expect(viaGraphql.headers.get('retry-after')).toBe('5');
    const body = (await viaGraphql.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0]).toMatchObject({ message: 'The request took longer than the database allows; retry shortly', extensions: { code: 'SERVICE_UNAVAILABLE' } });
    expect(await pg.running()).toEqual([]);
  });
});

describe('SQLite: no time limit (a query cannot be interrupted there)', () => {
  // Anything takes longer than this.
  const TIMEOUT_MS = 1;
  const app = useTimedApp(TIMEOUT_MS, () => createTestDatabase({ sqlite: true }));

  afterAll(async () => {
    await app.database.drop();
  });

  it('a content-API request whose count takes far longer than DATABASE_PUBLIC_STATEMENT_TIMEOUT runs to its end', async () => {
    expect(app.strapi.config.get('database.publicStatementTimeout')).toBeUndefined();
    await app.strapi.db.connection.raw(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
       INSERT INTO ${articlesTable(app)} (document_id, title, slug, published_at, created_at, updated_at)
       SELECT 'generated' || i, 'Generated ' || i, 'generated-' || i, 1, 1, 1 FROM n`,
    );
    const res = await timedGet(`${app.url}/api/articles?pagination[pageSize]=1`);
    console.log(`SQLite, count over 1,000,000 articles: answered ${res.status} in ${res.ms} ms`);
    expect(res.ms).toBeGreaterThan(10 * TIMEOUT_MS);
    expect(res.status).toBe(200);
    expect(res.body.meta.pagination.total).toBe(1_000_010);
  });
});
