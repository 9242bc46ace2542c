import { z } from 'zod';
import { excerptSettingsSchema } from './excerpt-settings';
import { importConfigSchema, seedConfigSchema } from './import-config';
import { MAX_URLS_PER_FILE } from '../lib/sitemap/sitemap-files';

export const tagPagesConfigSchema = z
  .object({
    /** Cache-Control max-age of the public tag-page routes, in seconds. */
    maxAge: z.number().int().min(0),
    /** Cache-Control max-age of a retired slug's 301 or 410, in seconds: a slug taken again is purged by its cache tag. */
    redirectMaxAge: z.number().int().min(0),
    /** The site's name: the feeds' author. */
    siteName: z.string().trim().min(1),
    /** The public site, for feed links. */
    siteUrl: z.url(),
    /** A reader's URL of an article; `{slug}` is replaced. */
    articleUrl: z.string().includes('{slug}'),
    /** Built responses, reused while no write has changed the content since (services/response-cache.ts). */
    cache: z.object({ enabled: z.boolean(), maxBytes: z.number().int().min(0) }).strict(),
  })
  .strict();

/** Change propagation: the webhook `newsroom.pages.changed` and how it is delivered (services/webhook-*.ts). */
export const changesConfigSchema = z
  .object({
    /** A reader's URL of a tag page; `{slug}` is replaced (the webhook's `paths`). */
    tagUrl: z.string().includes('{slug}'),
    sourceUrl: z.string().includes('{slug}'),
    /** Changes committed within this many ms of the first are one event. */
    coalesceMs: z.number().int().min(0),
    /** How often each instance looks for events to send and deliveries due, in ms. */
    pollMs: z.number().int().min(10),
    /** Most URLs, paths, cache tags and ids in one body; a larger change is split into parts. */
    maxEntries: z.number().int().min(50),
    webhooks: z
      .object({
        /** An attempt that has no answer within this many ms failed. */
        timeoutMs: z.number().int().min(100),
        /** The first retry's delay; each next one doubles, up to maxRetryMs. */
        firstRetryMs: z.number().int().min(10),
        maxRetryMs: z.number().int().min(10),
        /** How long after the event it is retried before it is marked failed. */
        retryForMs: z.number().int().min(0),
        /** Delivered and failed deliveries are kept this long for the admin page. */
        keepMs: z.number().int().min(0),
      })
      .strict(),
  })
  .strict();

/** The sitemaps (controllers/sitemaps.ts). */
export const sitemapsConfigSchema = z
  .object({
    /** Where the index says the files are; unset: `<PUBLIC_URL>/api/newsroom`, as served. */
    baseUrl: z.url().optional(),
    /** Ids of articles (of tags, of sources) a file covers: at most the protocol's 50,000 URLs. */
    urlsPerFile: z.number().int().min(1).max(MAX_URLS_PER_FILE),
    /** Tags and sources with fewer published articles are left out (an empty page is never listed). */
    minArticles: z.number().int().min(1),
    /** The news sitemap's language: an ISO 639 code (`en`, `fr`, `zh-cn`). */
    language: z.string().regex(/^[a-z]{2,3}(-[a-z]{2,4})?$/, 'an ISO 639 language code in lower case, such as en or zh-cn'),
  })
  .strict();

/** Readers of the users-permissions plugin (config/plugins.ts `newsroom.config.readers`). */
export const readersConfigSchema = z.object({ registration: z.boolean() }).strict();
/** The stock article filter on a tag or source slug, answered from an index (lib/indexed-filter-plan.ts). */
export const indexedFilterConfigSchema = z
  .object({
    enabled: z.boolean(),
    /** Most slugs one `$in` may list, per relation. */
    maxSlugs: z.object({ tags: z.number().int().min(1), sources: z.number().int().min(1) }).strict(),
  })
  .strict();

/**
 * The whole plugin configuration: config/index.ts holds every default,
 * config/plugins.ts maps environment variables onto it, and this checks the
 * result at boot. Its type is what every reader gets (utils/plugin-config.ts).
 */
export const pluginConfigSchema = z
  .object({
    excerpt: excerptSettingsSchema,
    tagPages: tagPagesConfigSchema,
    import: importConfigSchema,
    seed: seedConfigSchema,
    readers: readersConfigSchema,
    indexedFilter: indexedFilterConfigSchema,
    changes: changesConfigSchema,
    sitemaps: sitemapsConfigSchema,
  })
  .strict();

export type PluginConfig = z.infer<typeof pluginConfigSchema>;
