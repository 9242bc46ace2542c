import { Feather } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { PLUGIN_ID } from './plugin-id';

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Feather,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Newsroom' },
      Component: () => import('./pages/App'),
      permissions: [],
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Newsroom' });
  },
};
