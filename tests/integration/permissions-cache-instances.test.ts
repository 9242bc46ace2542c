import { Client } from 'pg';
import { startChildApp, type ChildApp } from '../helpers/child-app';
import { startPrivatePostgres, type PrivatePostgres } from '../helpers/private-postgres';
import { setRolePermission, superAdminLogin } from '../helpers/roles';
import { useTestApp } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/*
 * Two servers on one PostgreSQL database (a private cluster, on either pass,
 * so the test may restart it), each caching the roles' permissions for far
 * longer than the test lasts: a role changed through one's admin API is seen
 * by the other within BOUND_MS, through LISTEN/NOTIFY
 * (src/database/role-changes.ts), and again once PostgreSQL has restarted.
 */
const BOUND_MS = 1000;
// Both servers read it at boot: only a notification can explain a change seen sooner.
process.env.NEWSROOM_PERMISSIONS_CACHE_TTL = '600';

const HEALTH = 'plugin::newsroom.health.index';

let pg: PrivatePostgres;
let database: TestDatabase;
let second: ChildApp;

// The second server stops before the first: afterAll hooks run in the order registered.
afterAll(async () => {
  await second?.stop();
});

const first = useTestApp({
  database: async () => {
    pg = await startPrivatePostgres();
    database = await createTestDatabase({ postgresUrl: pg.url });
    return database;
  },
  listen: true,
});

beforeAll(async () => {
  await first.superAdminToken();
  // The same database and schema: the first app's boot has pointed the env at them.
  second = await startChildApp({});
});

afterAll(async () => {
  await database?.drop();
  await pg?.destroy();
});

const status = async (base: string) => (await fetch(`${base}/api/newsroom/health`)).status;

/** Milliseconds until `base` answers the health route with `expected` (polled every 10 ms), or null past 5 s. */
async function msUntil(base: string, expected: number, since: number): Promise<number | null> {
  while (Date.now() - since < 5000) {
    if ((await status(base)) === expected) return Date.now() - since;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return null;
}

/** Withdraws the Public role's health permission through one server's admin API and grants it back through the other's: how long each took to be seen. */
async function propagation(): Promise<Record<string, number | null>> {
  const servers = { first: first.url, second: second.url };
  // Both have the Public role's permissions cached.
  expect([await status(servers.first), await status(servers.second)]).toEqual([200, 200]);
  const seen: Record<string, number | null> = {};
  for (const [by, other, enabled, expected] of [
    ['first', 'second', false, 403],
    ['second', 'first', true, 200],
  ] as const) {
    const token = await superAdminLogin(servers[by]);
    await setRolePermission(servers[by], token, 'public', HEALTH, enabled);
    const changed = Date.now();
    expect(await status(servers[by])).toBe(expected);
    seen[`${by} → ${other}`] = await msUntil(servers[other], expected, changed);
  }
  return seen;
}

const expectWithinBound = (seen: Record<string, number | null>) => {
  for (const ms of Object.values(seen)) {
    expect(ms).not.toBeNull();
    expect(ms).toBeLessThan(BOUND_MS);
  }
};

it('a Public role change on either server is seen by the other within the bound', async () => {
  const seen = await propagation();
  console.log(`role change seen by the other server after (ms): ${JSON.stringify(seen)}`);
  expectWithinBound(seen);
});

it('and again after PostgreSQL restarted (the listening connections reconnect)', async () => {
  await pg.stop('fast');
  await pg.start();
  const restarted = Date.now();
  // Until both servers serve again (their pools reconnect) and both listen again (after their backoff).
  for (const base of [first.url, second.url]) expect(await msUntil(base, 200, restarted)).not.toBeNull();
  const listening = async () => {
    const monitor = new Client({ connectionString: pg.url });
    await monitor.connect();
    try {
      const { rows } = await monitor.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE query = 'LISTEN "newsroom_role_permissions"'`);
      return rows[0].n as number;
    } finally {
      await monitor.end();
    }
  };
  while ((await listening()) < 2 && Date.now() - restarted < 30_000) await new Promise((resolve) => setTimeout(resolve, 100));
  const relistenMs = Date.now() - restarted;
  expect(await listening()).toBeGreaterThanOrEqual(2);
  const seen = await propagation();
  console.log(`after a restart: both listening again after ${relistenMs} ms; role change seen by the other server after (ms): ${JSON.stringify(seen)}`);
  expectWithinBound(seen);
});
