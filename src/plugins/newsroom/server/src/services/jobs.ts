import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { UIDS } from '../../../shared/constants';
import type { JobState } from '../../../shared/contracts/jobs';

// A running job whose instance stops sending heartbeats (crashed, killed) is
// taken to be dead after this long, so a new run may start.
const STALE_AFTER_MS = 60_000;

export type { JobState };

export interface JobRun {
  name: string;
  owner: string;
  total: number;
}

/**
 * Long-running jobs whose state lives in the database, so every Strapi
 * instance behind a load balancer reports the same progress, and a second
 * start anywhere is refused while one runs.
 */
const jobs = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(UIDS.job);

  return {
    async get(name: string): Promise<JobState> {
      const row = await query().findOne({ where: { name }, orderBy: { heartbeatAt: 'desc' } });
      if (!row) {
        return { name, status: 'idle', done: 0, total: 0, error: null, startedAt: null, heartbeatAt: null, finishedAt: null };
      }
      const { status, done, total, error, startedAt, heartbeatAt, finishedAt } = row;
      return { name, status, done, total, error: error ?? null, startedAt, heartbeatAt, finishedAt };
    },

    /** Claims the job for this caller; null when it is running elsewhere. */
    async claim(name: string, total: number): Promise<JobRun | null> {
      if (!(await query().findOne({ where: { name }, select: ['id'] }))) {
        await query().create({ data: { name, status: 'done', done: 0, total: 0 } });
      }
      const owner = randomUUID();
      const now = new Date();
      // One conditional UPDATE: of two concurrent claims, only one matches.
      const { count } = await query().updateMany({
        where: {
          name,
          $or: [{ status: { $ne: 'running' } }, { heartbeatAt: { $lt: new Date(now.getTime() - STALE_AFTER_MS) } }],
        },
        data: { status: 'running', owner, done: 0, total, error: null, startedAt: now, heartbeatAt: now, finishedAt: null },
      });
      return count > 0 ? { name, owner, total } : null;
    },

    async progress(run: JobRun, done: number): Promise<void> {
      await query().updateMany({
        where: { name: run.name, owner: run.owner },
        data: { done, total: Math.max(run.total, done), heartbeatAt: new Date() },
      });
    },

    async finish(run: JobRun, error?: unknown): Promise<void> {
      await query().updateMany({
        where: { name: run.name, owner: run.owner },
        data: {
          status: error ? 'failed' : 'done',
          error: error ? String(error instanceof Error ? error.message : error) : null,
          finishedAt: new Date(),
          heartbeatAt: new Date(),
        },
      });
    },
  };
};

export default jobs;
