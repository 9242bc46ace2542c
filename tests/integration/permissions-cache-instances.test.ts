import type { AddressInfo } from 'node:net';
import { superAdminToken } from '../helpers/admin';
import { anyPostgres, type AnyPostgres } from '../helpers/any-postgres';
import { startChildApp, type ChildApp } from '../helpers/child-app';
import { setRolePermission, superAdminLogin } from '../helpers/roles';
import { startTestApp, type TestApp } from '../helpers/strapi';

/*
 * Two servers on one PostgreSQL database (whichever pass this is: the run's
 * server, or a private cluster on the SQLite pass), each caching the roles'
 * permissions for far longer than the test lasts: a role changed through
 * one's admin API is seen by the other within BOUND_MS, through
 * LISTEN/NOTIFY (src/database/role-changes.ts).
 */
const BOUND_MS = 1000;
// Both servers read it at boot: only a notification can explain a change seen sooner.
process.env.NEWSROOM_PERMISSIONS_CACHE_TTL = '600';

const HEALTH = 'plugin::newsroom.health.index';

let pg: AnyPostgres;
let first: TestApp;
let second: ChildApp;
let firstUrl: string;

beforeAll(async () => {
  pg = await anyPostgres();
  first = await startTestApp({ database: pg.database });
  await new Promise<void>((resolve) => first.server.listen(0, '127.0.0.1', resolve));
  firstUrl = `http://127.0.0.1:${(first.server.address() as AddressInfo).port}`;
  await superAdminToken(first);
  // The same database and schema: startTestApp has pointed the env at them.
  second = await startChildApp({});
});

afterAll(async () => {
  await second?.stop();
  await first?.stop();
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

it('a Public role change on either server is seen by the other within the bound', async () => {
  const servers = { first: firstUrl, second: second.url };
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
  console.log(`role change seen by the other server after (ms): ${JSON.stringify(seen)}`);
  for (const ms of Object.values(seen)) {
    expect(ms).not.toBeNull();
    expect(ms).toBeLessThan(BOUND_MS);
  }
});
