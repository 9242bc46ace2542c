import type { Core } from '@strapi/strapi';
import pluginPackage from '../../../package.json';

const health = ({ strapi }: { strapi: Core.Strapi }) => ({
  // Proves the plugin is mounted, and which database this instance talks to.
  index(ctx: { body: unknown }) {
    ctx.body = {
      data: {
        plugin: pluginPackage.strapi.name,
        version: pluginPackage.version,
        database: strapi.db.dialect.client,
      },
    };
  },
});

export default health;
