import type { Core } from '@strapi/strapi';
import { ACTION_DEFINITIONS } from './permissions';
import { getService } from './utils/get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(ACTION_DEFINITIONS);
  await getService(strapi, 'edit-view').lockComputedFields();

  await getService(strapi, 'table-indexes').ensure();
  const tagPageIndex = getService(strapi, 'tag-page-index');
  // Writes that bypass the Document Service (a restored backup, SQL by hand)
  // would leave tag pages stale: rebuild then.
  if (!(await tagPageIndex.isConsistent())) {
    strapi.log.info('newsroom: rebuilding the tag-page index');
    await tagPageIndex.rebuild();
  }

  // A broken seed document must not keep the app from starting: it is reported, and retried next start.
  await getService(strapi, 'document-seed')
    .seedOnce()
    .catch((error: Error) => strapi.log.error(`newsroom: the seed documents were not imported: ${error.message}`));
};
