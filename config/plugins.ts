import type { Core } from '@strapi/strapi';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import api from './api';
import { databaseUnavailablePlugin } from '../src/graphql/database-unavailable-plugin';
import { newsroomResponseCachePlugin } from '../src/graphql/newsroom-response-cache';
import { costlyFieldsRule, publishedOnlyRule } from '../src/graphql/operation-rules';

export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => {
  // Reader-facing links default to this server itself, wherever it listens (config/server.ts).
  const siteUrl = (env('NEWSROOM_SITE_URL') || env('PUBLIC_URL') || `http://localhost:${env.int('PORT', 1337)}`).replace(/\/+$/, '');
  // Only environment variables are mapped here; an unset one keeps the plugin's
  // default (src/plugins/newsroom/server/src/config/index.ts).
  return {
    // /graphql (README, "GraphQL"): published content only, REST's page sizes, bounded depth and breadth.
    // The playground is the plugin's default: development only. The newsroom plugin adds its queries.
    graphql: {
      config: {
        endpoint: '/graphql',
        defaultLimit: api.rest.defaultLimit,
        maxLimit: api.rest.maxLimit,
        // graphql-depth-limit counts the root field as 0: 5 serves six levels of fields and refuses a seventh.
        depthLimit: env.int('NEWSROOM_GRAPHQL_DEPTH_LIMIT', 5),
        apolloServer: {
          validationRules: [publishedOnlyRule, costlyFieldsRule(env.int('NEWSROOM_GRAPHQL_MAX_COSTLY_FIELDS', 20))],
          // Apollo's cache-control plugin computes a hint per resolved field; the newsroom sets its own
          // cache headers (plugin::newsroom.graphql-http-cache), so it is only cost here.
          plugins: [
            ApolloServerPluginCacheControlDisabled(),
            databaseUnavailablePlugin(env.int('DATABASE_UNAVAILABLE_RETRY_AFTER', 5)),
            // Whole answers of newsroom queries, from the REST routes' response cache.
            newsroomResponseCachePlugin(),
          ],
        },
      },
    },
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
          maxLength: env.int('NEWSROOM_EXCERPT_MAX_LENGTH'),
          suffix: env('NEWSROOM_EXCERPT_SUFFIX'),
        },
        tagPages: {
          maxAge: env.int('NEWSROOM_CACHE_MAX_AGE'),
          redirectMaxAge: env.int('NEWSROOM_REDIRECT_MAX_AGE'),
          // The feeds' author.
          siteName: env('NEWSROOM_SITE_NAME'),
          siteUrl,
          articleUrl: env('NEWSROOM_ARTICLE_URL', `${siteUrl}/articles/{slug}`),
          // Built responses, reused while no write has changed the content since.
          cache: {
            enabled: env.bool('NEWSROOM_CACHE'),
            maxBytes: env.int('NEWSROOM_CACHE_MAX_BYTES'),
          },
        },
        // `/api/articles?filters[tags][slug][$eq]=…` (and `$in`, and sources) answered from an index.
        indexedFilter: {
          enabled: env.bool('NEWSROOM_STOCK_FILTER_INDEX'),
        },
        // Limits of `npm run import`, the import route and the seed.
        import: {
          maxDocumentBytes: env.int('NEWSROOM_IMPORT_MAX_DOCUMENT_BYTES'),
          maxLineBytes: env.int('NEWSROOM_IMPORT_MAX_LINE_BYTES'),
        },
        // Who is told which pages changed, and how (README, "Change propagation").
        changes: {
          tagUrl: env('NEWSROOM_TAG_URL', `${siteUrl}/tags/{slug}`),
          sourceUrl: env('NEWSROOM_SOURCE_URL', `${siteUrl}/sources/{slug}`),
          coalesceMs: env.int('NEWSROOM_CHANGES_COALESCE_MS'),
          pollMs: env.int('NEWSROOM_CHANGES_POLL_MS'),
          maxEntries: env.int('NEWSROOM_CHANGES_MAX_ENTRIES'),
          webhooks: {
            timeoutMs: env.int('NEWSROOM_WEBHOOK_TIMEOUT_MS'),
            firstRetryMs: env.int('NEWSROOM_WEBHOOK_FIRST_RETRY_MS'),
            maxRetryMs: env.int('NEWSROOM_WEBHOOK_MAX_RETRY_MS'),
            retryForMs: env.int('NEWSROOM_WEBHOOK_RETRY_FOR_MS'),
          },
        },
        // README, "Sitemaps".
        sitemaps: {
          baseUrl: env('NEWSROOM_SITEMAP_BASE_URL') || undefined,
          urlsPerFile: env.int('NEWSROOM_SITEMAP_URLS_PER_FILE'),
          minArticles: env.int('NEWSROOM_SITEMAP_MIN_ARTICLES'),
          language: env('NEWSROOM_SITE_LANGUAGE'),
        },
        // Readers may sign in (/api/auth/local); registering (/api/auth/local/register) is opt-in.
        readers: {
          registration: env.bool('NEWSROOM_READER_REGISTRATION'),
        },
        // The documents in `folder` are imported once, on a fresh database.
        seed: {
          enabled: env.bool('NEWSROOM_SEED', env('NODE_ENV', 'development') === 'development'),
        },
      },
    },
  };
};
