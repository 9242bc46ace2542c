import type { Core } from '@strapi/strapi';
import type { JobRun, JobState } from './jobs';
import { UIDS } from '../../../shared/constants';
import { getService } from '../utils/get-service';

export const JOB_NAME = 'excerpt-regeneration';
// Rows per read and per write transaction: memory stays flat however many articles there are.
const BATCH_SIZE = 500;

export type ProgressListener = (done: number, total: number) => void;

/**
 * Recomputes every article row's excerpt (drafts and published versions)
 * with the current settings, in id order and in batches.
 */
const excerptRegeneration = ({ strapi }: { strapi: Core.Strapi }) => {
  const jobs = () => getService(strapi, 'jobs');

  async function regenerate(run: JobRun, onProgress?: ProgressListener): Promise<number> {
    const settings = await getService(strapi, 'excerpt-settings').get();
    const excerpts = getService(strapi, 'excerpts');
    const articles = strapi.db.query(UIDS.article);
    let lastId = 0;
    let done = 0;
    let changed = 0;
    for (;;) {
      const rows: Array<{ id: number; documentId: string; publishedAt: unknown; body: unknown; customExcerpt: string | null; excerpt: string | null }> =
        await articles.findMany({
          select: ['id', 'documentId', 'publishedAt', 'body', 'customExcerpt', 'excerpt'],
          where: { id: { $gt: lastId } },
          orderBy: { id: 'asc' },
          limit: BATCH_SIZE,
        });
      if (rows.length === 0) break;
      await strapi.db.transaction(async () => {
        const published: string[] = [];
        for (const row of rows) {
          const excerpt = await excerpts.compute(row, settings);
          if (excerpt !== row.excerpt) {
            await articles.updateMany({ where: { id: row.id }, data: { excerpt } });
            changed += 1;
            if (row.publishedAt) published.push(row.documentId);
          }
        }
        // Written past the Document Service: the pages showing these published articles changed.
        if (published.length > 0) await getService(strapi, 'page-changes').republished(published);
      });
      lastId = rows[rows.length - 1].id;
      done += rows.length;
      await jobs().progress(run, done);
      onProgress?.(done, Math.max(run.total, done));
    }
    return changed;
  }

  async function runClaimed(run: JobRun, onProgress?: ProgressListener) {
    try {
      const changed = await regenerate(run, onProgress);
      await jobs().finish(run);
      return changed;
    } catch (error) {
      await jobs().finish(run, error);
      throw error;
    }
  }

  async function claim(): Promise<JobRun | null> {
    return jobs().claim(JOB_NAME, await strapi.db.query(UIDS.article).count());
  }

  return {
    status(): Promise<JobState> {
      return jobs().get(JOB_NAME);
    },

    /** Starts the job in the background; null when one is already running. */
    async start(): Promise<JobState | null> {
      const run = await claim();
      if (!run) return null;
      runClaimed(run).catch((error) => strapi.log.error(`newsroom: excerpt regeneration failed: ${error}`));
      return jobs().get(JOB_NAME);
    },

    /** Runs the job to completion (the CLI); null when one is already running. */
    async run(onProgress?: ProgressListener): Promise<{ total: number; changed: number } | null> {
      const run = await claim();
      if (!run) return null;
      const changed = await runClaimed(run, onProgress);
      const { total } = await jobs().get(JOB_NAME);
      return { total, changed };
    },
  };
};

export default excerptRegeneration;
