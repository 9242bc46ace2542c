import { Client } from 'pg';
import { startPrivatePostgres, type PrivatePostgres } from '../helpers/private-postgres';
import { useTestApp } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { deliveredOnceScenario, FAST_CHANGES, startTwoInstances, twoInstanceScenarios, warm, type TwoInstances } from '../helpers/two-instances';

/*
 * Two servers on one PostgreSQL database (a private cluster on either pass,
 * so the test may cut the connections that listen): B learns of A's changes
 * by LISTEN/NOTIFY, so its cached pages cost no query, and it is never stale,
 * even while its listening connection is gone.
 */
let pg: PrivatePostgres;
let database: TestDatabase;
let two: TwoInstances;

// The writer stops before the reader: afterAll hooks run in the order registered.
afterAll(async () => {
  await two?.stop();
});

const reader = useTestApp({
  database: async () => {
    pg = await startPrivatePostgres();
    database = await createTestDatabase({ postgresUrl: pg.url });
    return database;
  },
  env: FAST_CHANGES,
  listen: true,
});

afterAll(async () => {
  await database?.drop();
  await pg?.destroy();
});

beforeAll(async () => {
  two = await startTwoInstances(reader, { readerDelivers: true });
}, 120_000);

async function sql<T>(text: string): Promise<T[]> {
  const client = new Client({ connectionString: pg.url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}
const LISTENERS = `FROM pg_stat_activity WHERE application_name = 'newsroom-page-changes'`;
const listeners = async () => (await sql<{ n: number }>(`SELECT count(*)::int AS n ${LISTENERS}`))[0].n;

twoInstanceScenarios(() => two);
deliveredOnceScenario(() => two);

it('with its listening connections cut again and again, B is never stale; listening again, its hits are free again', async () => {
  await warm(two, ['alpha', 'beta']);
  expect(await listeners()).toBe(2);
  // Every reconnection (500 ms after a loss) is cut again within 25 ms: no notification reaches B.
  let cutting = true;
  const cuts = (async () => {
    while (cutting) {
      await sql(`SELECT pg_terminate_backend(pid) ${LISTENERS}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  try {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const id = await two.editor.publishNew({ title: 'While deaf', tags: [two.tags.alpha] });
    expect((await two.page('alpha')).titles).toEqual(['While deaf', 'Old story']);
    await two.editor.publish(id, { tags: [two.tags.beta] });
    expect((await two.page('alpha')).titles).toEqual(['Old story']);
    expect((await two.page('beta')).titles).toEqual(['While deaf', 'Old story']);
    await two.editor.unpublish(id);
    expect((await two.page('beta')).titles).toEqual(['Old story']);
    await two.editor.delete(id);
  } finally {
    cutting = false;
    await cuts;
  }

  // Both reconnect and listen again: B's hits cost nothing again, and notifications arrive.
  for (const end = Date.now() + 10_000; (await listeners()) < 2 && Date.now() < end; ) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(await listeners()).toBe(2);
  await warm(two, ['alpha']);
  expect(await two.sqlOf(() => two.page('alpha'))).toEqual([]);
  const id = await two.editor.publishNew({ title: 'Heard again', tags: [two.tags.alpha] });
  expect((await two.page('alpha')).titles).toEqual(['Heard again', 'Old story']);
  await two.editor.delete(id);
});
