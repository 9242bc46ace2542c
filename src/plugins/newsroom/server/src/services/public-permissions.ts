import type { Core } from '@strapi/strapi';
import contentApiRoutes from '../routes/content-api';
import { pluginConfig } from '../utils/plugin-config';
import { PREVIEW_HANDLER, UIDS } from '../../../shared/constants';

const PUBLIC_CONTENT_TYPES = [UIDS.article, UIDS.tag, UIDS.source];
const PERMISSION = 'plugin::users-permissions.permission';

// /api/auth/local: a reader signs in (a JWT of the Authenticated role); /api/auth/local/register only when enabled.
const SIGN_IN = 'plugin::users-permissions.auth.callback';
const REGISTER = 'plugin::users-permissions.auth.register';

/**
 * The Public role is managed here, not by hand: it may read articles, tags,
 * sources and this plugin's content-api routes (not the preview check), sign in, register when
 * `NEWSROOM_READER_REGISTRATION` is on, and nothing else. Run on every boot,
 * so a permission granted by mistake in the admin does not survive a
 * restart. A signed-in reader (Authenticated role) may read what an
 * anonymous one may: users-permissions checks the JWT's role only, so
 * without these a reader who sends their token gets 403 on every public route.
 */
const publicPermissions = ({ strapi }: { strapi: Core.Strapi }) => ({
  readActions(): string[] {
    const contentTypeActions = PUBLIC_CONTENT_TYPES.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]);
    const pluginActions = contentApiRoutes()
      .routes.filter((route) => route.handler !== PREVIEW_HANDLER)
      .map((route) => `plugin::newsroom.${route.handler}`);
    return [...new Set([...contentTypeActions, ...pluginActions])];
  },

  publicActions(): string[] {
    const registration = pluginConfig(strapi, 'readers').registration;
    return [...this.readActions(), SIGN_IN, ...(registration ? [REGISTER] : [])];
  },

  async sync(): Promise<void> {
    const roles = strapi.db.query('plugin::users-permissions.role');
    const role = await roles.findOne({ where: { type: 'public' } });
    if (!role) throw new Error('users-permissions has no Public role');

    await this.resetPublic(role.id, new Set(this.publicActions()));
    // Added to, never trimmed: that role's own actions (me, change-password, …) are the admins' to set.
    const authenticated = await roles.findOne({ where: { type: 'authenticated' } });
    if (authenticated) await this.grant(authenticated.id, new Set(this.readActions()));
  },

  async resetPublic(roleId: number, wanted: Set<string>): Promise<void> {
    const current: Array<{ id: number; action: string }> = await strapi.db
      .query(PERMISSION)
      .findMany({ where: { role: roleId }, select: ['id', 'action'] });
    const extra = current.filter((permission) => !wanted.has(permission.action));
    if (extra.length > 0) {
      await strapi.db.query(PERMISSION).deleteMany({ where: { id: { $in: extra.map((p) => p.id) } } });
    }
    await this.grant(roleId, wanted);
  },

  async grant(roleId: number, actions: Set<string>): Promise<void> {
    const current: Array<{ action: string }> = await strapi.db
      .query(PERMISSION)
      .findMany({ where: { role: roleId }, select: ['action'] });
    const have = new Set(current.map((permission) => permission.action));
    for (const action of actions) {
      if (!have.has(action)) await strapi.db.query(PERMISSION).create({ data: { action, role: roleId } });
    }
  },
});

export default publicPermissions;
