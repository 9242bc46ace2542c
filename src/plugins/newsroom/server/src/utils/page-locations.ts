import type { Core } from '@strapi/strapi';
import type { PageLocations } from '../lib/changes';
import { pluginConfig } from './plugin-config';

/** Where the pages live, from the configuration: the API's public origin and the reader-facing URL patterns. */
export const pageLocations = (strapi: Core.Strapi): PageLocations => ({
  apiUrl: String(strapi.config.get('server.absoluteUrl')),
  articleUrl: pluginConfig(strapi, 'tagPages').articleUrl,
  tagUrl: pluginConfig(strapi, 'changes').tagUrl,
  sourceUrl: pluginConfig(strapi, 'changes').sourceUrl,
});
