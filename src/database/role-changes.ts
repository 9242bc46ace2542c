import type { Core } from '@strapi/strapi';
import type { ClientConfig } from 'pg';
import { listenPostgres } from '../plugins/newsroom/server/src/database/pg-listener';

const MODELS = ['plugin::users-permissions.role', 'plugin::users-permissions.permission'];
const WRITES = ['afterCreate', 'afterCreateMany', 'afterUpdate', 'afterUpdateMany', 'afterDelete', 'afterDeleteMany'] as const;
const CHANNEL = 'newsroom_role_permissions';

export interface RoleChanges {
  close(): Promise<void>;
}

/**
 * Calls `onChange` whenever the users-permissions roles or their permissions
 * may have changed, on this instance or another one on the same database:
 *
 * - here: after every write to either model through Strapi's Query Engine
 *   (the admin's role routes, the Public role's reset at boot), at once and
 *   again when its transaction commits (a reader could otherwise load the
 *   old rows in between);
 * - elsewhere, on PostgreSQL: each such write also sends a NOTIFY in its
 *   transaction, which PostgreSQL delivers when it commits to every instance
 *   listening (a dedicated connection, the newsroom plugin's database/pg-listener.ts); the
 *   payload is the schema, as instances of several schemas may share a
 *   database. While that connection is lost every change is assumed.
 *
 * Writes that bypass Strapi (SQL by hand) are not seen: the caller's TTL is
 * the safety net for those.
 */
export async function watchRoleChanges(strapi: Core.Strapi, onChange: () => void): Promise<RoleChanges> {
  const postgres = strapi.config.get('database.connection.client') === 'postgres';
  const schema = strapi.db.getSchemaName() ?? 'public';

  const changed = async () => {
    onChange();
    await strapi.db.transaction(async ({ trx, onCommit }) => {
      onCommit(onChange);
      if (postgres) await trx.raw('select pg_notify(?, ?)', [CHANNEL, schema]);
    });
  };
  const unsubscribe = strapi.db.lifecycles.subscribe({ models: MODELS, ...Object.fromEntries(WRITES.map((event) => [event, changed])) });

  if (!postgres) return { close: async () => void unsubscribe() };

  const listener = listenPostgres({
    connection: (strapi.db.connection.client as unknown as { connectionSettings: ClientConfig }).connectionSettings,
    channel: CHANNEL,
    onMessage: (payload) => {
      if (payload === schema) onChange();
    },
    onGap: onChange,
    onLost: (error) =>
      strapi.log.warn(`Role changes: lost the LISTEN connection (${error instanceof Error ? error.message : String(error)}); reconnecting`),
  });
  if (!(await listener.ready)) strapi.log.warn('Role changes: cannot LISTEN yet; other instances\' role changes are seen after the cache TTL until it can');
  return {
    async close() {
      unsubscribe();
      await listener.close();
    },
  };
}
