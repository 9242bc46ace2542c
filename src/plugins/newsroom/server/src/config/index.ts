import { DEFAULT_EXCERPT_OPTIONS } from '../lib/excerpt';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_LINE_BYTES } from '../lib/import';
import { MAX_URLS_PER_FILE } from '../lib/sitemap/sitemap-files';
import { pluginConfigSchema, type PluginConfig } from '../validation/plugin-config';

// Every default, once. config/plugins.ts maps environment variables onto these
// (an unset variable leaves the default: Strapi fills undefined keys from here),
// and editors may override the excerpt settings in the admin (services/excerpt-settings.ts).
const defaults: PluginConfig = {
  // The seed document's rule.
  excerpt: { ...DEFAULT_EXCERPT_OPTIONS },
  tagPages: {
    maxAge: 60,
    redirectMaxAge: 3600,
    siteName: 'Newsroom',
    siteUrl: 'http://localhost:1337',
    articleUrl: 'http://localhost:1337/articles/{slug}',
    cache: { enabled: true, maxBytes: 64 * 1024 * 1024 },
  },
  import: { maxDocumentBytes: DEFAULT_MAX_BYTES, maxLineBytes: DEFAULT_MAX_LINE_BYTES },
  // config/plugins.ts turns seeding on in development.
  seed: { enabled: false, folder: 'database/seed-documents' },
  readers: { registration: false },
  // A `$in` of this many slugs sorts the union of their index rows (README, "The stock tag and source filters").
  indexedFilter: { enabled: true, maxSlugs: { tags: 20, sources: 20 } },
  changes: {
    tagUrl: 'http://localhost:1337/tags/{slug}',
    sourceUrl: 'http://localhost:1337/sources/{slug}',
    coalesceMs: 1000,
    pollMs: 500,
    maxEntries: 1000,
    // Retried for an hour: a CDN purge later than that is no use; every attempt is listed in the admin.
    webhooks: { timeoutMs: 10_000, firstRetryMs: 1000, maxRetryMs: 5 * 60_000, retryForMs: 60 * 60_000, keepMs: 7 * 24 * 60 * 60_000 },
  },
  sitemaps: { urlsPerFile: MAX_URLS_PER_FILE, minArticles: 1, language: 'en' },
};

export default {
  default: defaults,
  validator(config: unknown) {
    const result = pluginConfigSchema.safeParse(config);
    if (!result.success) {
      throw new Error(`newsroom plugin config is invalid: ${result.error.message}`);
    }
  },
};
