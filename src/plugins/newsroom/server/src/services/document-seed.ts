import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { UIDS } from '../../../shared/constants';
import { pluginConfig } from '../utils/plugin-config';
import { getService } from '../utils/get-service';

const STORE_KEY = 'seed';

/**
 * Imports the seed documents (config `seed.folder`) once, on a fresh
 * database, so a newcomer's first `npm run develop` shows real content.
 * That it ran is remembered in the plugin store: deleting the articles later
 * does not bring them back. A database that already has articles is never
 * seeded.
 */
const documentSeed = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The files imported (relative to the project), or null when there was nothing to do. */
  async seedOnce(): Promise<string[] | null> {
    const config = pluginConfig(strapi, 'seed');
    const store = strapi.store({ type: 'plugin', name: 'newsroom', key: STORE_KEY });
    if (!config.enabled || (await store.get({}))) return null;
    const importer = getService(strapi, 'document-import');
    const root = strapi.dirs.app.root;
    // One transaction for every document and the mark: all of it, or none and a retry at the next start.
    return strapi.db.transaction(async () => {
      const at = new Date().toISOString();
      if ((await strapi.db.query(UIDS.article).count()) > 0) {
        await store.set({ value: { at, files: [], skipped: 'the database has articles' } });
        return null;
      }
      const files: string[] = await importer.documentFiles([path.resolve(root, config.folder)]);
      const names = files.map((file) => path.relative(root, file));
      for (const [i, file] of files.entries()) await importer.importFile(file, { fileName: names[i] });
      await store.set({ value: { at, files: names } });
      strapi.log.info(`newsroom: imported the seed documents ${names.join(', ')}`);
      return names;
    });
  },
});

export default documentSeed;
