import { pluginConfigSchema } from '../validation/plugin-config';

// Defaults reproduce the seed document's rule; config/plugins.ts may override
// them (from env), and editors may override the excerpt settings in the admin
// (services/excerpt-settings.ts).
export default {
  default: {
    excerpt: { maxLength: 500, suffix: '\u00A0\u2026' },
    tagPages: { maxAge: 60, siteName: 'Newsroom', siteUrl: 'http://localhost:1337', articleUrl: 'http://localhost:1337/articles/{slug}' },
    import: { maxDocumentBytes: 10 * 1024 * 1024, maxLineBytes: 1024 * 1024 },
    // config/plugins.ts turns seeding on in development.
    seed: { enabled: false, folder: 'database/seed-documents' },
    readers: { registration: false },
    indexedFilter: { enabled: true, maxSlugs: { tags: 20, sources: 1 } },
  },
  validator(config: unknown) {
    const result = pluginConfigSchema.safeParse(config);
    if (!result.success) {
      throw new Error(`newsroom plugin config is invalid: ${result.error.message}`);
    }
  },
};
