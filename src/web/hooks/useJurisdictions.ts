/**
 * The jurisdiction tree (GET /jurisdictions, public), loaded once per page load and shared by every component that
 * needs it; `reload()` after an admin adds a jurisdiction.
 */
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { ApiError, api } from '../app/api';
import type { Jurisdiction } from '../app/types';

interface State {
  items: Jurisdiction[] | null;
  error: ApiError | null;
}

let state: State = { items: null, error: null };
let inFlight: Promise<void> | null = null;
const listeners = new Set<() => void>();

function set(next: State) {
  state = next;
  for (const listener of listeners) listener();
}

function load(force = false): Promise<void> {
  if (inFlight) return inFlight;
  if (state.items && !force) return Promise.resolve();
  inFlight = api
    .get<{ items: Jurisdiction[] }>('/jurisdictions')
    .then((data) => set({ items: data.items, error: null }))
    .catch((error: unknown) =>
      set({
        items: state.items,
        error: error instanceof ApiError ? error : new ApiError(0, 'network', '辖区加载失败'),
      }),
    )
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export interface JurisdictionNode extends Jurisdiction {
  children: JurisdictionNode[];
}

/** Builds the forest from the tree-ordered list; with `rootCode`, only that jurisdiction and what lies below. */
export function buildJurisdictionTree(items: readonly Jurisdiction[], rootCode?: string | null): JurisdictionNode[] {
  const nodes = new Map<string, JurisdictionNode>();
  const roots: JurisdictionNode[] = [];
  for (const item of items) nodes.set(item.code, { ...item, children: [] });
  for (const node of nodes.values()) {
    const parent = node.parentCode ? nodes.get(node.parentCode) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  if (rootCode) {
    const root = nodes.get(rootCode);
    return root ? [root] : [];
  }
  return roots;
}

export function useJurisdictions() {
  const current = useSyncExternalStore(subscribe, () => state);
  useEffect(() => {
    void load();
  }, []);
  const byCode = useMemo(() => new Map((current.items ?? []).map((j) => [j.code, j])), [current.items]);
  const reload = useCallback(() => load(true), []);
  return {
    items: current.items ?? [],
    loading: current.items === null && !current.error,
    error: current.error,
    byCode,
    reload,
  };
}
