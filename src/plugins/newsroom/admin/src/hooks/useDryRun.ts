import { useEffect, useRef, useState } from 'react';
import { apiFailure, type ApiFailure } from '../utils/apiError';

// Fields typed into: one dry run once the editor pauses, not one per key.
const SETTLE_MS = 300;

/**
 * A change shown before it is made: `run(true)` (the server's dry run) each
 * time `key` (the change's inputs) settles, then `confirm()` runs it for real.
 * A null key: nothing to preview yet (inputs incomplete or unchanged).
 */
export function useDryRun<T>(key: string | null, run: (dryRun: boolean) => Promise<T>) {
  const runner = useRef(run);
  runner.current = run;
  const [preview, setPreview] = useState<T | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [checking, setChecking] = useState(false);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    setPreview(null);
    setError(null);
    setChecking(key !== null);
    if (key === null) return undefined;
    let current = true;
    const timer = setTimeout(() => {
      runner
        .current(true)
        .then(
          (result) => current && setPreview(result),
          (err) => current && setError(apiFailure(err)),
        )
        .finally(() => current && setChecking(false));
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key]);

  /** The change itself; null when the server refused it (its words are then in `error`). */
  const confirm = async (): Promise<T | null> => {
    setConfirming(true);
    setError(null);
    try {
      return await runner.current(false);
    } catch (err) {
      setError(apiFailure(err));
      return null;
    } finally {
      setConfirming(false);
    }
  };

  return { preview, error, checking, confirming, ready: preview !== null && !checking && !confirming, confirm };
}
