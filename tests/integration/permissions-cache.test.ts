import { setRolePermission } from '../helpers/roles';
import { useTestApp } from '../helpers/test-app';

/*
 * The Public and Authenticated roles' permissions are cached
 * (src/extensions/users-permissions): repeated content-API requests cost no
 * permission query, a role changed through the admin API is seen by the very
 * next request, and a change made behind Strapi's back within the TTL.
 * Across instances: permissions-cache-instances.test.ts.
 */
const TTL_SECONDS = 3;

const HEALTH = 'plugin::newsroom.health.index';
const REQUESTS = 20;

let adminToken: string;
let readerJwt: string;
let permissionsTable: string;
const queries: string[] = [];
const onQuery = (query: { sql: string }) => queries.push(query.sql);

// config/plugins.ts reads the TTL at boot.
const app = useTestApp({ env: { NEWSROOM_PERMISSIONS_CACHE_TTL: String(TTL_SECONDS) }, listen: true });

beforeAll(async () => {
  adminToken = await app.superAdminToken();
  readerJwt = (await app.readerToken()).jwt;
  permissionsTable = app.strapi.db.metadata.get('plugin::users-permissions.permission').tableName;
  // Its poll of the outbox and deliveries runs in the background, not for the requests counted here.
  await app.service('webhook-dispatcher').stop();
  app.strapi.db.connection.on('query', onQuery);
});

const health = (jwt?: string) => fetch(`${app.url}/api/newsroom/health`, { headers: jwt ? { Authorization: `Bearer ${jwt}` } : {} });

/** The SQL that `work` ran. */
async function sqlOf(work: () => Promise<unknown>): Promise<string[]> {
  queries.length = 0;
  await work();
  return queries.splice(0);
}

async function requests(jwt?: string) {
  const statuses: number[] = [];
  for (let i = 0; i < REQUESTS; i += 1) statuses.push((await health(jwt)).status);
  return statuses;
}

describe('the roles’ permissions, cached', () => {
  it('anonymous requests to a plugin route cost no permission query, nor any other', async () => {
    // Warm: the first request since boot loads the Public role's permissions.
    await health();
    let statuses: number[] = [];
    const sql = await sqlOf(async () => (statuses = await requests()));
    expect(statuses).toEqual(Array(REQUESTS).fill(200));
    expect(sql).toEqual([]);
  });

  it('a signed-in reader’s requests cost no permission query (the user is still read, for a blocked account)', async () => {
    await health(readerJwt);
    let statuses: number[] = [];
    const sql = await sqlOf(async () => (statuses = await requests(readerJwt)));
    expect(statuses).toEqual(Array(REQUESTS).fill(200));
    expect(sql.filter((statement) => statement.includes(permissionsTable))).toEqual([]);
    expect(sql.length).toBeGreaterThan(0);
  });

  it.each([
    ['Public', 'public', undefined],
    ['Authenticated', 'authenticated', () => readerJwt],
  ])('the %s role changed through the admin API: the next request sees it', async (_name, roleType, jwt) => {
    expect((await health(jwt?.())).status).toBe(200);
    await setRolePermission(app.url, adminToken, roleType, HEALTH, false);
    expect((await health(jwt?.())).status).toBe(403);
    await setRolePermission(app.url, adminToken, roleType, HEALTH, true);
    expect((await health(jwt?.())).status).toBe(200);
  });

  it('a change behind Strapi’s back (SQL by hand) is seen once the TTL is over', async () => {
    expect((await health()).status).toBe(200);
    const publicRole = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    const ids = (
      await app.strapi.db.query('plugin::users-permissions.permission').findMany({ where: { action: HEALTH, role: publicRole.id }, select: ['id'] })
    ).map((permission: { id: number }) => permission.id);
    expect(ids).toHaveLength(1);
    const removed = Date.now();
    await app.strapi.db.connection(permissionsTable).whereIn('id', ids).del();

    expect((await health()).status).toBe(200); // cached
    let status = 200;
    while (status === 200 && Date.now() - removed < 2 * TTL_SECONDS * 1000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await health()).status;
    }
    expect(status).toBe(403);
    expect(Date.now() - removed).toBeLessThan(TTL_SECONDS * 1000 + 1000);

    // The boot-time reset of the Public role writes through Strapi: seen at once.
    await app.strapi.plugin('newsroom').service('public-permissions').sync();
    expect((await health()).status).toBe(200);
  });
});
