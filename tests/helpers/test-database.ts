import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

export interface TestDatabase {
  client: 'sqlite' | 'postgres';
  drop(): Promise<void>;
}

function pgConnection() {
  return process.env.DATABASE_URL
    ? { connectionString: process.env.DATABASE_URL }
    : {
        host: process.env.DATABASE_HOST ?? '127.0.0.1',
        port: Number(process.env.DATABASE_PORT ?? 5432),
        database: process.env.DATABASE_NAME ?? 'newsroom',
        user: process.env.DATABASE_USERNAME ?? 'postgres',
        password: process.env.DATABASE_PASSWORD ?? '',
      };
}

async function withPg<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client(pgConnection());
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabaseOptions {
  /** A PostgreSQL server to use whatever DATABASE_CLIENT says (e.g. a test's private cluster): its URL. */
  postgresUrl?: string;
  /** SQLite whatever DATABASE_CLIENT says (a file testing both databases). */
  sqlite?: boolean;
}

/**
 * A fresh, empty database for one test file, selected through the same env
 * variables the app reads: a temporary SQLite file, or (DATABASE_CLIENT=postgres)
 * a new schema in the run's throw-away PostgreSQL database.
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const name = `newsroom_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (options.postgresUrl) {
    // The app and pgConnection() read these: point both at the given server.
    process.env.DATABASE_CLIENT = 'postgres';
    process.env.DATABASE_URL = options.postgresUrl;
  }
  if (process.env.DATABASE_CLIENT === 'postgres' && !options.sqlite) {
    await withPg((pg) => pg.query(`CREATE SCHEMA "${name}"`));
    process.env.DATABASE_SCHEMA = name;
    return {
      client: 'postgres',
      drop: () => withPg((pg) => pg.query(`DROP SCHEMA "${name}" CASCADE`)).then(() => undefined),
    };
  }
  const file = path.join(os.tmpdir(), `${name}.db`);
  process.env.DATABASE_CLIENT = 'sqlite';
  process.env.DATABASE_FILENAME = file;
  return {
    client: 'sqlite',
    drop: async () => {
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
    },
  };
}
