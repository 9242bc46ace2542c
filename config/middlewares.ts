import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => [
  'strapi::logger',
  'strapi::errors',
  {
    // Inside strapi::errors, so it sees the errors first: a database that cannot be reached is a 503, not a 500.
    name: 'global::database-unavailable',
    config: { retryAfter: env.int('DATABASE_UNAVAILABLE_RETRY_AFTER', 5) },
  },
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
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
