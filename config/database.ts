import path from 'node:path';
import type { Core } from '@strapi/strapi';

// Compiled to dist/config, so the project root is two levels up.
const projectRoot = path.resolve(__dirname, '..', '..');

/**
 * `sqliteReaders`: read by src/database/sqlite-read-lane.ts; `publicStatementTimeout`
 * (ms, 0: none) by src/database/public-statement-timeout.ts. Strapi and knex ignore both.
 */
export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Database & { sqliteReaders?: number; publicStatementTimeout?: number } => {
  const client = env('DATABASE_CLIENT', 'sqlite');
  const acquireConnectionTimeout = env.int('DATABASE_CONNECTION_TIMEOUT', 60000);

  if (client === 'postgres') {
    return {
      publicStatementTimeout: env.int('DATABASE_PUBLIC_STATEMENT_TIMEOUT', 2000),
      connection: {
        client,
        connection: {
          connectionString: env('DATABASE_URL'),
          host: env('DATABASE_HOST', '127.0.0.1'),
          port: env.int('DATABASE_PORT', 5432),
          database: env('DATABASE_NAME', 'newsroom'),
          user: env('DATABASE_USERNAME', 'postgres'),
          password: env('DATABASE_PASSWORD', ''),
          schema: env('DATABASE_SCHEMA', 'public'),
          ssl: env.bool('DATABASE_SSL', false) && {
            rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
          },
          // pg waits for the OS otherwise (minutes) on a server that does not answer at all.
          connectionTimeoutMillis: acquireConnectionTimeout,
        },
        pool: { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) },
        acquireConnectionTimeout,
      },
    };
  }

  if (client === 'sqlite') {
    const readers = env.int('DATABASE_SQLITE_READERS', 4);
    return {
      sqliteReaders: readers,
      connection: {
        client,
        connection: {
          // path.resolve keeps an absolute DATABASE_FILENAME as it is.
          filename: path.resolve(projectRoot, env('DATABASE_FILENAME', '.tmp/data.db')),
        },
        useNullAsDefault: true,
        acquireConnectionTimeout,
        // WAL lets the reader connections (src/database/sqlite-read-lane.ts) read the last
        // committed state while the writer writes; the mode is kept in the file. Runs after
        // Strapi's own per-connection setup (foreign keys on).
        pool:
          readers > 0
            ? {
                afterCreate(connection: unknown, done: (error?: Error, connection?: unknown) => void) {
                  try {
                    (connection as { pragma(source: string): unknown }).pragma('journal_mode = WAL');
                    done(undefined, connection);
                  } catch (error) {
                    done(error as Error, connection);
                  }
                },
              }
            : undefined,
      },
    };
  }

  throw new Error(`DATABASE_CLIENT must be "sqlite" or "postgres", not "${client}"`);
};
