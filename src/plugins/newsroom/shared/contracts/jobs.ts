/**
 * Long-running jobs (server/src/services/jobs.ts) as the server sends them and
 * the admin reads them. Types only.
 */

export type JobStatus = 'idle' | 'running' | 'done' | 'failed';

/** A job's state, kept in the database: every instance reports the same. */
export interface JobState {
  name: string;
  /** `idle`: never run. */
  status: JobStatus;
  done: number;
  total: number;
  /** Why the last run failed. */
  error: string | null;
  /** ISO 8601 timestamps, null before the first run. */
  startedAt: string | null;
  /** A running job with no heartbeat for a minute is taken to be dead. */
  heartbeatAt: string | null;
  finishedAt: string | null;
}

/** GET /newsroom/excerpt/regenerate: the excerpt regeneration job. */
export declare namespace GetRegenerationJob {
  interface Response {
    data: JobState;
  }
}

/** POST /newsroom/excerpt/regenerate: starts it (202), or 409 while it runs anywhere. */
export declare namespace StartRegeneration {
  interface Response {
    data: JobState;
  }
}
