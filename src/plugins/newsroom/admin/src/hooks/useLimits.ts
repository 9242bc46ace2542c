import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import type { GetLimits, Limits } from '../../../shared/contracts/settings';

/** The limits the server enforces (its configuration), for forms to check before sending. */
export function useLimits() {
  const { get } = useFetchClient();
  const [limits, setLimits] = useState<Limits | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    get<GetLimits.Response>('/newsroom/settings/limits', { signal: controller.signal })
      .then(({ data }) => setLimits(data.data))
      .catch((err: Error) => {
        if (!controller.signal.aborted) setError(err.message);
      });
    return () => controller.abort();
  }, [get]);

  return { limits, error };
}
