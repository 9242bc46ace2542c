import { useTestApp } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { FAST_CHANGES, startTwoInstances, twoInstanceScenarios, type TwoInstances } from '../helpers/two-instances';

/*
 * Two server processes on one SQLite file, on either pass: B learns of A's
 * commits from `PRAGMA data_version` on a connection of its own, which costs
 * no query through knex, then reads only the cache tags that changed. Only A
 * writes (B's webhook dispatcher is stopped): SQLite takes one writer at a
 * time, and a transaction that read before another process's commit cannot
 * write after it (SQLITE_BUSY, answered 503): several writing instances are
 * PostgreSQL's case (instances-postgres.test.ts).
 */
let two: TwoInstances;
let database: TestDatabase;

// The writer stops before the reader: afterAll hooks run in the order registered.
afterAll(async () => {
  await two?.stop();
});

const reader = useTestApp({
  database: async () => (database = await createTestDatabase({ sqlite: true })),
  env: FAST_CHANGES,
  listen: true,
});

afterAll(async () => {
  await database?.drop();
});

beforeAll(async () => {
  two = await startTwoInstances(reader, { readerDelivers: false });
}, 120_000);

twoInstanceScenarios(() => two);
