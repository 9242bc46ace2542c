import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';

export const JOB_NAME = 'term-page-index-rebuild';

/**
 * Writes that bypass the Document Service (a restored backup, SQL by hand)
 * leave the term-page index out of step with the articles: checked after
 * every boot, in the background (at a million articles the check reads the
 * whole link table, seconds that must not delay the first request), and
 * rebuilt when it disagrees, by one instance of many (a job claimed in the
 * database). Until then pages read the index as it stands.
 */
const indexCheck = ({ strapi }: { strapi: Core.Strapi }) => {
  let controller: AbortController | null = null;
  let running: Promise<void> = Promise.resolve();

  async function checkAndRebuild(signal: AbortSignal): Promise<void> {
    const index = getService(strapi, 'term-page-index');
    if (await index.isConsistent(signal)) return;
    const jobs = getService(strapi, 'jobs');
    const run = await jobs.claim(JOB_NAME, 0);
    if (!run) return;
    strapi.log.info('newsroom: rebuilding the tag-page index');
    try {
      await index.rebuild();
      await jobs.finish(run);
    } catch (error) {
      await jobs.finish(run, error);
      throw error;
    }
  }

  return {
    /** Starts the check; `settled()` tells when it (and any rebuild) is done. */
    start(): void {
      const own = new AbortController();
      controller = own;
      running = checkAndRebuild(own.signal).catch((error: Error) => {
        if (!own.signal.aborted) strapi.log.error(`newsroom: the tag-page index check failed: ${error.message}`);
      });
    },

    settled(): Promise<void> {
      return running;
    },

    /** At shutdown: the check stops between steps; a rebuild under way (one transaction) is awaited. */
    async stop(): Promise<void> {
      controller?.abort();
      await running;
    },
  };
};

export default indexCheck;
