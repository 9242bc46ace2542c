import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'index-check').stop();
  await getService(strapi, 'webhook-dispatcher').stop();
  await getService(strapi, 'page-invalidation').stop();
};
