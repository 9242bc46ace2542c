import { isFetchError, useAPIErrorHandler, useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import type { GetRegenerationJob, JobState, StartRegeneration } from '../../../shared/contracts/jobs';

const ROUTE = '/newsroom/excerpt/regenerate';
const POLL_MS = 1000;

/**
 * The excerpt regeneration job: its state is the server's (any instance may
 * run it), read once on mount and every second while it runs.
 */
export function useRegenerationJob() {
  const { get, post } = useFetchClient();
  const { formatAPIError } = useAPIErrorHandler();
  const [job, setJob] = useState<JobState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const message = useCallback((err: unknown) => (isFetchError(err) ? formatAPIError(err) : (err as Error).message), [formatAPIError]);

  const refresh = useCallback(
    () =>
      get<GetRegenerationJob.Response>(ROUTE)
        .then(({ data }) => setJob(data.data))
        .catch((err) => setError(message(err))),
    [get, message],
  );

  useEffect(() => {
    refresh();
  }, [refresh]);

  const running = job?.status === 'running';
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(refresh, POLL_MS);
    return () => clearInterval(timer);
  }, [running, refresh]);

  const start = async () => {
    setError(null);
    try {
      const { data } = await post<StartRegeneration.Response>(ROUTE);
      setJob(data.data);
    } catch (err) {
      // 409: another editor (or the CLI) started it first; show that run's progress.
      setError(message(err));
      await refresh();
    }
  };

  return { job, error, start };
}
