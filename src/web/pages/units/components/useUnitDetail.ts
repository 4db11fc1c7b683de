import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from '../../../app/api';
import type { UnitDetail } from '../../../app/types';

/** GET /units/:id, with its error kept for the page to show (404 means "not there or not yours"). */
export function useUnitDetail(id: string | null) {
  const [unit, setUnit] = useState<UnitDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the request on reload()
  useEffect(() => {
    if (!id) return;
    let cancelled = false;
    setUnit(null);
    setError(null);
    api
      .get<UnitDetail>(`/units/${id}`)
      .then((data) => {
        if (!cancelled) setUnit(data);
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(e instanceof ApiError ? e : new ApiError(0, 'unknown', '单位信息加载失败'));
      });
    return () => {
      cancelled = true;
    };
  }, [id, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { unit, error, reload };
}
