import { useEffect, useState } from 'react';
import { fetchPublic } from '../utils/publicApi';

interface PublicQuery<T> {
  data: T | null;
  error: string | null;
  isLoading: boolean;
}

/** GETs a public route whenever `path` changes (nothing while it is null); stale answers are dropped. */
export function usePublicQuery<T>(path: string | null): PublicQuery<T> {
  const [state, setState] = useState<PublicQuery<T>>({ data: null, error: null, isLoading: path !== null });

  useEffect(() => {
    if (path === null) {
      setState({ data: null, error: null, isLoading: false });
      return undefined;
    }
    const controller = new AbortController();
    setState((previous) => ({ ...previous, error: null, isLoading: true }));
    fetchPublic<T>(path, controller.signal)
      .then((data) => setState({ data, error: null, isLoading: false }))
      .catch((error: Error) => {
        if (!controller.signal.aborted) setState({ data: null, error: error.message, isLoading: false });
      });
    return () => controller.abort();
  }, [path]);

  return state;
}
