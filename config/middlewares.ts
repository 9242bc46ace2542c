import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => [
  'strapi::logger',
  {
    // The stock content API's per-client rate and concurrency limits (src/lib/admission/policy.ts has the defaults).
    // Before request pacing: on SQLite the stock requests waiting there are what the limit bounds.
    name: 'global::admission-control',
    config: {
      concurrency: env('NEWSROOM_STOCK_CONCURRENCY'),
      queue: env('NEWSROOM_STOCK_QUEUE'),
      queueTimeout: env('NEWSROOM_STOCK_QUEUE_TIMEOUT'),
      rate: env('NEWSROOM_STOCK_RATE'),
      burst: env('NEWSROOM_STOCK_BURST'),
      trustedProxies: env('NEWSROOM_TRUSTED_PROXIES'),
    },
  },
  {
    // SQLite: at most this many requests start per event-loop turn, so new connections are accepted promptly (see the file).
    name: 'global::request-pacing',
    config: { perTurn: env.int('DATABASE_SQLITE_REQUESTS_PER_TURN', 1) },
  },
  'strapi::errors',
  {
    // Inside strapi::errors, so it sees the errors first: a database that cannot be reached is a 503, not a 500.
    name: 'global::database-unavailable',
    config: { retryAfter: env.int('DATABASE_UNAVAILABLE_RETRY_AFTER', 5) },
  },
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  // A GraphQL GET of newsroom queries only: ETag, 304, max-age and cache tags, as the REST pages.
  'plugin::newsroom.graphql-http-cache',
  'strapi::query',
  {
    name: 'strapi::body',
    // POST /newsroom/import takes a whole document in a JSON string, up to the
    // import limit; JSON escaping (\n, \") at most doubles it.
    config: { jsonLimit: 2 * env.int('NEWSROOM_IMPORT_MAX_DOCUMENT_BYTES', 10 * 1024 * 1024) + 64 * 1024 },
  },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
