import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../../shared/constants';
import type services from '../services';

type Services = typeof services;
export type ServiceName = keyof Services;
export type Service<K extends ServiceName> = ReturnType<Services[K]>;

/** A newsroom service, typed (Strapi's `plugin().service()` returns any), as Strapi's own plugins do. */
export const getService = <K extends ServiceName>(strapi: Core.Strapi, name: K): Service<K> =>
  strapi.plugin(PLUGIN_ID).service(name) as Service<K>;
