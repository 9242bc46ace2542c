import type { Core } from '@strapi/strapi';
import contentApiRoutes from '../routes/content-api';

const PUBLIC_CONTENT_TYPES = ['api::article.article', 'api::tag.tag', 'api::source.source'];
const PERMISSION = 'plugin::users-permissions.permission';

/**
 * The Public role is managed here, not by hand: it may read articles, tags,
 * sources and this plugin's content-api routes, and nothing else. Run on every
 * boot, so a permission granted by mistake in the admin does not survive a
 * restart.
 */
const publicPermissions = ({ strapi }: { strapi: Core.Strapi }) => ({
  wantedActions(): string[] {
    const contentTypeActions = PUBLIC_CONTENT_TYPES.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]);
    const pluginActions = contentApiRoutes().routes.map((route) => `plugin::newsroom.${route.handler}`);
    return [...new Set([...contentTypeActions, ...pluginActions])];
  },

  async sync(): Promise<void> {
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    if (!role) throw new Error('users-permissions has no Public role');

    const wanted = new Set(this.wantedActions());
    const current: Array<{ id: number; action: string }> = await strapi.db
      .query(PERMISSION)
      .findMany({ where: { role: role.id }, select: ['id', 'action'] });
    const have = new Set(current.map((permission) => permission.action));

    const extra = current.filter((permission) => !wanted.has(permission.action));
    if (extra.length > 0) {
      await strapi.db.query(PERMISSION).deleteMany({ where: { id: { $in: extra.map((p) => p.id) } } });
    }
    for (const action of wanted) {
      if (!have.has(action)) await strapi.db.query(PERMISSION).create({ data: { action, role: role.id } });
    }
  },
});

export default publicPermissions;
