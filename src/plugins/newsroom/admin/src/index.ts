import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { Quotes } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '../../shared/constants';
import { CoverAltTextPanel } from './components/CoverAltTextPanel';
import { ExcerptSidePanel } from './components/ExcerptSidePanel';
import { PERMISSIONS } from './permissions';
import { getTranslation, prefixTranslations } from './utils/getTranslation';

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Quotes,
      intlLabel: { id: getTranslation('plugin.name'), defaultMessage: 'Newsroom' },
      Component: () => import('./pages/App'),
      // Shown to anyone holding one of the plugin's actions; each page checks its own.
      permissions: [...PERMISSIONS.read, ...PERMISSIONS.import, ...PERMISSIONS.settings, ...PERMISSIONS.tags],
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Newsroom' });
  },

  bootstrap(app: StrapiApp) {
    // The plugin registry types every plugin's apis as unknown.
    const contentManager = app.getPlugin('content-manager').apis as ContentManagerPlugin['config']['apis'];
    contentManager.addEditViewSidePanel([ExcerptSidePanel, CoverAltTextPanel]);
  },

  // A locale without a file of its own falls back to the English default messages.
  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: messages } = await import(`./translations/${locale}.json`);
          return { data: prefixTranslations(messages), locale };
        } catch {
          return { data: {}, locale };
        }
      }),
    );
  },
};
