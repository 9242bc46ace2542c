import { startPrivatePostgres, type PrivatePostgres } from './private-postgres';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface AnyPostgres {
  database: TestDatabase;
  /** Drops the database, and stops the private cluster if one was started. */
  destroy(): Promise<void>;
}

// As the run was started: createTestDatabase({ postgresUrl }) sets DATABASE_CLIENT for the app it boots.
const runOnPostgres = process.env.DATABASE_CLIENT === 'postgres';

/**
 * A fresh PostgreSQL database for a test that must run on both `npm test`
 * passes: a schema on the run's server when DATABASE_CLIENT=postgres, else on
 * a private cluster started for the file (tests/helpers/private-postgres.ts).
 */
export async function anyPostgres(): Promise<AnyPostgres> {
  let cluster: PrivatePostgres | undefined;
  if (!runOnPostgres) cluster = await startPrivatePostgres();
  try {
    const database = await createTestDatabase(cluster ? { postgresUrl: cluster.url } : {});
    return {
      database,
      async destroy() {
        try {
          await database.drop();
        } finally {
          await cluster?.destroy();
        }
      },
    };
  } catch (error) {
    await cluster?.destroy();
    throw error;
  }
}
