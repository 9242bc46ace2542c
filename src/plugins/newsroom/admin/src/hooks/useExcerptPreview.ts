import { useDebounce, useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import type { ExcerptPreview, ExcerptPreviewInput, PreviewExcerpt } from '../../../shared/contracts/excerpts';

interface PreviewState {
  preview: ExcerptPreview | null;
  error: string | null;
  isLoading: boolean;
}

// Long enough that typing does not send a request per key, short enough to feel live.
const DEBOUNCE_MS = 300;

/**
 * The excerpt the API would serve for `input` (null: nothing to preview),
 * computed by the server so it is exactly the house rule, not a copy of it.
 */
export function useExcerptPreview(input: ExcerptPreviewInput | null): PreviewState {
  const { post } = useFetchClient();
  // Serialised so a new object with the same content (every render of a form) sends nothing.
  const key = useDebounce(input === null ? null : JSON.stringify(input), DEBOUNCE_MS);
  const [state, setState] = useState<PreviewState>({ preview: null, error: null, isLoading: input !== null });

  useEffect(() => {
    if (key === null) {
      setState({ preview: null, error: null, isLoading: false });
      return undefined;
    }
    const controller = new AbortController();
    setState((previous) => ({ ...previous, isLoading: true }));
    post<PreviewExcerpt.Response>('/newsroom/excerpt/preview', JSON.parse(key), { signal: controller.signal })
      .then(({ data }) => setState({ preview: data.data, error: null, isLoading: false }))
      .catch((error: Error) => {
        if (!controller.signal.aborted) setState({ preview: null, error: error.message, isLoading: false });
      });
    return () => controller.abort();
  }, [key, post]);

  return state;
}
