import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useRef, useState } from 'react';
import { apiFailure, type ApiFailure } from '../utils/apiError';

interface AdminQuery<T> {
  data: T | null;
  error: ApiFailure | null;
  isLoading: boolean;
}

/**
 * GETs an admin route whenever `path` changes, and again on `refresh()`. The
 * last answer stays shown while the next loads; an answer to an older path (a
 * search typed further since) is dropped.
 */
export function useAdminQuery<T>(path: string) {
  const { get } = useFetchClient();
  const [state, setState] = useState<AdminQuery<T>>({ data: null, error: null, isLoading: true });
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    const request = ++latest.current;
    setState((previous) => ({ ...previous, isLoading: true }));
    try {
      const { data } = await get<T>(path);
      if (request === latest.current) setState({ data, error: null, isLoading: false });
    } catch (err) {
      if (request === latest.current) setState((previous) => ({ data: previous.data, error: apiFailure(err), isLoading: false }));
    }
  }, [get, path]);

  useEffect(() => {
    refresh();
  }, [refresh]);

  return { ...state, refresh };
}
