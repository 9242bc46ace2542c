import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  newsroom: {
    enabled: true,
    resolve: './src/plugins/newsroom',
  },
});
