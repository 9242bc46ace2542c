import type { Core } from '@strapi/strapi';
import { watchRoleChanges, type RoleChanges } from '../../database/role-changes';
import { createTtlCache, type TtlCache } from '../../lib/ttl-cache';

type Permission = { action: string };
interface PermissionService {
  findRolePermissions(roleId: unknown): Promise<Permission[]>;
  findPublicPermissions(): Promise<Permission[]>;
}
type Deps = { strapi: Core.Strapi };
interface UsersPermissionsPlugin {
  services: Record<string, (deps: Deps) => unknown>;
  bootstrap(deps: Deps): unknown;
  destroy(deps: Deps): unknown;
}

/**
 * users-permissions reads a role's permissions from the database on every
 * content-API request (its auth strategy: the Public role's for an anonymous
 * request, the user's role's for a JWT). They are cached here, in its
 * permission service, which the strategy calls by name on every request:
 * a cached or cheap page then needs no database connection for them.
 *
 * A role change is seen at once on this instance and, on PostgreSQL, on every
 * other one (src/database/role-changes.ts); entries also expire after
 * `permissionsCacheTtl` seconds (config/plugins.ts), for changes made behind
 * Strapi's back. 0 turns the cache off.
 */
export default (plugin: UsersPermissionsPlugin) => {
  const createPermissionService = plugin.services.permission;
  // One of each per Strapi instance: the service is made once, at boot.
  let cache: TtlCache<Permission[]> | undefined;
  let changes: RoleChanges | undefined;

  plugin.services.permission = ({ strapi }) => {
    const service = createPermissionService({ strapi }) as PermissionService;
    const ttlSeconds = strapi.config.get('plugin::users-permissions.permissionsCacheTtl', 0) as number;
    const permissions = createTtlCache<Permission[]>({ ttlMs: 1000 * ttlSeconds });
    cache = permissions;
    return {
      ...service,
      findRolePermissions: (roleId: unknown) => permissions.get(`role:${roleId}`, () => service.findRolePermissions(roleId)),
      findPublicPermissions: () => permissions.get('public', () => service.findPublicPermissions()),
    };
  };

  const { bootstrap, destroy } = plugin;
  plugin.bootstrap = async (deps) => {
    await bootstrap(deps);
    // Before the app's bootstrap resets the Public role: its writes invalidate, here and elsewhere.
    changes = await watchRoleChanges(deps.strapi, () => cache?.invalidate());
  };
  plugin.destroy = async (deps) => {
    await changes?.close();
    await destroy(deps);
  };
  return plugin;
};
