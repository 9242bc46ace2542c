import path from 'node:path';
import type { Core } from '@strapi/strapi';

// Compiled to dist/config, so the project root is two levels up.
const projectRoot = path.resolve(__dirname, '..', '..');

/**
 * `sqliteReaders`: read by src/database/sqlite-read-lane.ts; `sqliteCheckpointInterval`
 * (ms, 0: SQLite's own checkpoints at commit) by src/database/sqlite-checkpointer.ts;
 * `publicStatementTimeout` (ms, 0: none) by src/database/public-statement-timeout.ts.
 * Strapi and knex ignore them.
 */
type DatabaseConfig = Core.Config.Database & { sqliteReaders?: number; sqliteCheckpointInterval?: number; publicStatementTimeout?: number };

export default ({ env }: Core.Config.Shared.ConfigParams): DatabaseConfig => {
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
    // The log is checkpointed off the event loop only in WAL mode, that is with readers.
    const checkpointInterval = readers > 0 ? env.int('DATABASE_SQLITE_CHECKPOINT_INTERVAL', 1000) : 0;
    const synchronous = env('DATABASE_SQLITE_SYNCHRONOUS', 'normal') === 'full' ? 'FULL' : 'NORMAL';
    return {
      sqliteReaders: readers,
      sqliteCheckpointInterval: checkpointInterval,
      connection: {
        client,
        connection: {
          // path.resolve keeps an absolute DATABASE_FILENAME as it is.
          filename: path.resolve(projectRoot, env('DATABASE_FILENAME', '.tmp/data.db')),
        },
        useNullAsDefault: true,
        acquireConnectionTimeout,
        // WAL lets the reader connections (src/database/sqlite-read-lane.ts) read the last
        // committed state while the writer writes; the mode is kept in the file. Commits leave
        // the log to the checkpointer thread (src/database/sqlite-checkpointer.ts). Runs after
        // Strapi's own per-connection setup (foreign keys on).
        pool:
          readers > 0
            ? {
                afterCreate(connection: unknown, done: (error?: Error, connection?: unknown) => void) {
                  try {
                    const sqlite = connection as { pragma(source: string): unknown };
                    sqlite.pragma('journal_mode = WAL');
                    if (checkpointInterval > 0) sqlite.pragma('wal_autocheckpoint = 0');
                    // No fsync at commit (a large one waits a quarter of a second on the event loop):
                    // the checkpoints sync. Safe from corruption in WAL mode; a power cut (not a
                    // crash of the process) may lose the last commits. DATABASE_SQLITE_SYNCHRONOUS=full restores it.
                    sqlite.pragma(`synchronous = ${synchronous}`);
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
