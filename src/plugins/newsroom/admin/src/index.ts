import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { Quotes } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { ExcerptSidePanel } from './components/ExcerptSidePanel';
import { PERMISSIONS } from './permissions';
import { PLUGIN_ID } from '../../shared/constants';

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Quotes,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Newsroom' },
      Component: () => import('./pages/App'),
      // Shown to anyone holding one of the plugin's actions; each page checks its own.
      permissions: [...PERMISSIONS.read, ...PERMISSIONS.import, ...PERMISSIONS.settings],
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Newsroom' });
  },

  bootstrap(app: StrapiApp) {
    // The plugin registry types every plugin's apis as unknown.
    const contentManager = app.getPlugin('content-manager').apis as ContentManagerPlugin['config']['apis'];
    contentManager.addEditViewSidePanel([ExcerptSidePanel]);
  },
};
