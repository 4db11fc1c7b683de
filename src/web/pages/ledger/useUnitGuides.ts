/** The guides (指导员) assigned to a unit (GET /units/:id/guides), reloaded whenever the unit changes. */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../app/api';
import type { Guide } from './ledger-common';

export interface UnitGuides {
  guides: Guide[];
  /** True while the first answer for this unit is awaited. */
  loading: boolean;
  /** The last failure, if any (the caller decides how to show it). */
  error: unknown;
  /** Replaces the list with an answer from assign/unassign (which return the new list). */
  setGuides: (guides: Guide[]) => void;
  reload: () => void;
}

export function useUnitGuides(unitId: string | null | undefined, enabled = true): UnitGuides {
  const [state, setState] = useState<{ unitId: string; guides: Guide[]; error: unknown } | null>(null);
  const [round, setRound] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `round` asks for a reload
  useEffect(() => {
    if (!unitId || !enabled) return;
    let cancelled = false;
    api
      .get<{ items: Guide[] }>(`/units/${unitId}/guides`)
      .then((answer) => {
        if (!cancelled) setState({ unitId, guides: answer.items, error: null });
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ unitId, guides: [], error });
      });
    return () => {
      cancelled = true;
    };
  }, [unitId, enabled, round]);

  const current = state && state.unitId === unitId ? state : null;
  const setGuides = useCallback(
    (guides: Guide[]) => {
      if (unitId) setState({ unitId, guides, error: null });
    },
    [unitId],
  );
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return {
    guides: current?.guides ?? [],
    loading: Boolean(unitId && enabled && !current),
    error: current?.error ?? null,
    setGuides,
    reload,
  };
}
