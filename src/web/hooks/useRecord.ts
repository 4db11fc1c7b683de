/**
 * One record fetched by its path (a detail page's GET), with the failure kept for the page to show: a 404 is "not
 * there or not yours" and must end in a not-found page, never in a spinner that waits forever.
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from '../app/api';

export function useRecord<T>(path: string | null) {
  const [state, setState] = useState<{ path: string | null; data: T | null; error: ApiError | null }>({
    path,
    data: null,
    error: null,
  });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the request on reload()
  useEffect(() => {
    if (!path) return;
    let cancelled = false;
    api
      .get<T>(path)
      .then((data) => {
        if (!cancelled) setState({ path, data, error: null });
      })
      .catch((e: unknown) => {
        if (cancelled) return;
        setState({ path, data: null, error: e instanceof ApiError ? e : new ApiError(0, 'unknown', '加载失败') });
      });
    return () => {
      cancelled = true;
    };
  }, [path, attempt]);

  /** Fetches again, keeping what is shown until the answer arrives. */
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  /** Shows a fresher copy the page received (e.g. from a save), without a request. */
  const setData = useCallback((data: T) => setState({ path, data, error: null }), [path]);
  // What another path answered is not this record: the page shows loading until its own answer comes.
  const current = state.path === path;
  return {
    data: current ? state.data : null,
    error: current ? state.error : null,
    reload,
    setData,
  };
}
