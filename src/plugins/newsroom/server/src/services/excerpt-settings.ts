import type { Core } from '@strapi/strapi';
import { excerptSettingsSchema, type ExcerptSettings } from '../validation/excerpt-settings';
import { pluginConfig } from '../utils/plugin-config';

const STORE_KEY = 'excerpt-settings';

/**
 * Effective excerpt settings: config/plugins.ts, overridden by what editors
 * saved in the admin (kept in Strapi's store, so every instance sees it).
 */
const excerptSettings = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: 'newsroom', key: STORE_KEY });

  return {
    configured(): ExcerptSettings {
      return pluginConfig(strapi, 'excerpt');
    },

    async get(): Promise<ExcerptSettings> {
      const saved = excerptSettingsSchema.partial().safeParse(await store().get({}));
      return { ...this.configured(), ...(saved.success ? saved.data : {}) };
    },

    async set(settings: ExcerptSettings): Promise<ExcerptSettings> {
      await store().set({ value: excerptSettingsSchema.parse(settings) });
      return this.get();
    },

    /** Back to config/plugins.ts. */
    async reset(): Promise<ExcerptSettings> {
      await store().delete({});
      return this.get();
    },
  };
};

export default excerptSettings;
