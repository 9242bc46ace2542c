import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../../shared/constants';
import type { PluginConfig } from '../validation/plugin-config';

/** A part of the plugin's configuration, typed by its schema (validated at boot, validation/plugin-config.ts). */
export const pluginConfig = <K extends keyof PluginConfig>(strapi: Core.Strapi, key: K): PluginConfig[K] =>
  strapi.config.get(`plugin::${PLUGIN_ID}.${key}`) as PluginConfig[K];
