import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => {
  // Reader-facing links default to this server itself, wherever it listens (config/server.ts).
  const siteUrl = (env('NEWSROOM_SITE_URL') || env('PUBLIC_URL') || `http://localhost:${env.int('PORT', 1337)}`).replace(/\/+$/, '');
  return {
    'users-permissions': {
      config: {
        // Seconds the roles' permissions stay cached (src/extensions/users-permissions); 0: read on every request.
        permissionsCacheTtl: env.int('NEWSROOM_PERMISSIONS_CACHE_TTL', 5),
      },
    },
    newsroom: {
      enabled: true,
      resolve: './src/plugins/newsroom',
      config: {
        // Editors may override both in the admin (Newsroom → Excerpts).
        excerpt: {
          maxLength: env.int('NEWSROOM_EXCERPT_MAX_LENGTH', 500),
          suffix: env('NEWSROOM_EXCERPT_SUFFIX', '\u00A0\u2026'),
        },
        tagPages: {
          maxAge: env.int('NEWSROOM_CACHE_MAX_AGE', 60),
          // The feeds' author.
          siteName: env('NEWSROOM_SITE_NAME', 'Newsroom'),
          siteUrl,
          articleUrl: env('NEWSROOM_ARTICLE_URL', `${siteUrl}/articles/{slug}`),
          // Built responses, reused while no write has changed the content since.
          cache: {
            enabled: env.bool('NEWSROOM_CACHE', true),
            maxBytes: env.int('NEWSROOM_CACHE_MAX_BYTES', 64 * 1024 * 1024),
          },
        },
        // `/api/articles?filters[tags][slug][$eq]=…` (and `$in`, and sources) answered from an index.
        indexedFilter: {
          enabled: env.bool('NEWSROOM_STOCK_FILTER_INDEX', true),
          // A source's page costs O(its articles) until sources get an index of their own (README, "The stock tag and source filters").
          maxSlugs: { tags: 20, sources: 1 },
        },
        // Limits of `npm run import`, the import route and the seed.
        import: {
          maxDocumentBytes: env.int('NEWSROOM_IMPORT_MAX_DOCUMENT_BYTES', 10 * 1024 * 1024),
          maxLineBytes: env.int('NEWSROOM_IMPORT_MAX_LINE_BYTES', 1024 * 1024),
        },
        // Readers may sign in (/api/auth/local); registering (/api/auth/local/register) is opt-in.
        readers: {
          registration: env.bool('NEWSROOM_READER_REGISTRATION', false),
        },
        // The documents in `folder` are imported once, on a fresh database.
        seed: {
          enabled: env.bool('NEWSROOM_SEED', env('NODE_ENV', 'development') === 'development'),
          folder: 'database/seed-documents',
        },
      },
    },
  };
};
