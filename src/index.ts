import type { Core } from '@strapi/strapi';
import { installPublicStatementTimeout } from './database/public-statement-timeout';
import { installSqliteReadLane } from './database/sqlite-read-lane';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // SQLite readers are served while a writer (an import) holds the write connection.
    const readers = strapi.config.get('database.sqliteReaders', 0) as number;
    if (strapi.config.get('database.connection.client') === 'sqlite' && readers > 0) installSqliteReadLane(strapi, readers);
    // PostgreSQL: a content-API request's queries are cancelled past this many ms.
    installPublicStatementTimeout(strapi, strapi.config.get('database.publicStatementTimeout', 0) as number);
  },

  // Runs after every plugin's bootstrap, so users-permissions has created its
  // roles by now (the newsroom plugin's own bootstrap runs too early for that).
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await strapi.plugin('newsroom').service('public-permissions').sync();
  },
};
