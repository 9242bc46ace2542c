import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => [
  'strapi::logger',
  'strapi::errors',
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
