import type { Core } from '@strapi/strapi';
import { installKnexClientSeam } from './database/knex-client-seam';
import { installPublicStatementTimeout } from './database/public-statement-timeout';
import { SqliteCheckpointer } from './database/sqlite-checkpointer';
import { installSqliteReadLane } from './database/sqlite-read-lane';
import { recordUnavailableDuringRequests } from './database/unavailable-during-request';

// Per Strapi instance: a test process may run several.
const checkpointers = new WeakMap<Core.Strapi, SqliteCheckpointer>();

export default {
  // Every hook on the database is installed here; Strapi's bootstrap, after this, runs its first queries.
  register({ strapi }: { strapi: Core.Strapi }) {
    // The only access to knex's internals; null, after a warning, on a knex version it was not written for.
    const seam = installKnexClientSeam(strapi.db.connection, { warn: (message) => strapi.log.warn(message) });

    // Database errors a request meets are recorded on it, for src/middlewares/database-unavailable.ts.
    recordUnavailableDuringRequests(strapi, seam);

    // SQLite readers are served while a writer (an import) holds the write connection.
    const readers = strapi.config.get('database.sqliteReaders', 0) as number;
    if (seam && strapi.config.get('database.connection.client') === 'sqlite' && readers > 0) installSqliteReadLane(strapi, seam, readers);

    // PostgreSQL: a content-API request's queries are cancelled past this many ms.
    installPublicStatementTimeout(strapi, strapi.config.get('database.publicStatementTimeout', 0) as number);
  },

  // Runs after every plugin's bootstrap, so users-permissions has created its
  // roles by now (the newsroom plugin's own bootstrap runs too early for that).
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Commits do not copy SQLite's write-ahead log back on the event loop: a thread does.
    // Started here, once the database file exists.
    const checkpointInterval = strapi.config.get('database.sqliteCheckpointInterval', 0) as number;
    if (strapi.config.get('database.connection.client') === 'sqlite' && checkpointInterval > 0) {
      const filename = strapi.config.get('database.connection.connection.filename') as string;
      checkpointers.set(strapi, new SqliteCheckpointer(filename, checkpointInterval, (error) => strapi.log.warn(`SQLite checkpoints stopped: ${error.message}`)));
    }
    await strapi.plugin('newsroom').service('public-permissions').sync();
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await checkpointers.get(strapi)?.stop();
    checkpointers.delete(strapi);
  },
};
