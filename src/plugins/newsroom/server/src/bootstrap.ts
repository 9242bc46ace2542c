import type { Core } from '@strapi/strapi';
import { PAGES_CHANGED_EVENT, PAGES_CHANGED_EVENT_KEY } from '../../shared/constants';
import { ACTION_DEFINITIONS } from './permissions';
import { getService } from './utils/get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(ACTION_DEFINITIONS);
  await getService(strapi, 'edit-view').lockComputedFields();
  // Webhooks may subscribe to it (POST /admin/webhooks checks events against this list), as the
  // upload plugin registers its own; delivered by the plugin, never emitted on the event hub
  // (Strapi's runner would send a second, unretried copy: services/webhook-deliveries.ts).
  strapi.get('webhookStore').addAllowedEvent(PAGES_CHANGED_EVENT_KEY, PAGES_CHANGED_EVENT);

  await getService(strapi, 'table-indexes').ensure();
  await getService(strapi, 'column-compression').ensure();
  // Before the first request is served, and before the index rebuild below records its change.
  await getService(strapi, 'page-invalidation').start();
  // Writes that bypass the Document Service leave tag pages stale: checked, and rebuilt, in the background.
  getService(strapi, 'index-check').start();
  // A database from before the names table (or one restored without it) gets its tags and sources indexed.
  if (await getService(strapi, 'term-names').ensure()) strapi.log.info('newsroom: indexed the names of tags and sources');

  getService(strapi, 'webhook-dispatcher').start();
  // Media edits change the cards of the articles using a file as cover.
  getService(strapi, 'media-changes').subscribe();

  // A broken seed document must not keep the app from starting: it is reported, and retried next start.
  await getService(strapi, 'document-seed')
    .seedOnce()
    .catch((error: Error) => strapi.log.error(`newsroom: the seed documents were not imported: ${error.message}`));
};
