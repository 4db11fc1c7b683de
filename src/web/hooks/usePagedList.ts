/**
 * One page of a server-paged list whose query lives in the address bar. `key` identifies the query (the search
 * params); the list is loading whenever the page shown answers another key, from the very render in which the
 * address changed. A failed request shows the error and an empty page. Answers to superseded queries are dropped.
 */
import type { TablePaginationConfig } from 'antd';
import { useEffect, useState } from 'react';
import { api, type Query, useApiErrorHandler } from '../app/api';
import type { Page } from '../app/types';

export function usePagedList<T>(
  path: string,
  query: Query,
  key: string,
): { data: Page<T>; loading: boolean; reload: () => void } {
  return usePagedQuery<T>(path, query, key, useApiErrorHandler());
}

/**
 * usePagedList with its own way of showing a failed request: the public pages say it on the page, without antd's
 * message (issue 15).
 */
export function usePagedQuery<T>(
  path: string,
  query: Query,
  key: string,
  handleError: (error: unknown) => void,
): { data: Page<T>; loading: boolean; reload: () => void } {
  const [result, setResult] = useState<{ key: string; page: Page<T> } | null>(null);
  const [generation, setGeneration] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the query is fully described by its key
  useEffect(() => {
    let cancelled = false;
    api
      .get<Page<T>>(path, query)
      .then((page) => {
        if (!cancelled) setResult({ key, page });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        handleError(error);
        setResult({ key, page: { items: [], total: 0 } });
      });
    return () => {
      cancelled = true;
    };
  }, [path, key, generation]);

  return {
    data: result?.page ?? { items: [], total: 0 },
    loading: result?.key !== key,
    reload: () => setGeneration((g) => g + 1),
  };
}

export const PAGE_SIZES = [10, 20, 50, 100];

/** Page and page size from the address bar, falling back to the first page of 20. */
export function readPaging(params: URLSearchParams, sizes: readonly number[] = PAGE_SIZES) {
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  return {
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: sizes.includes(pageSize) ? pageSize : 20,
  };
}

/**
 * The table's pager for a list paged in the address bar: `go` writes the new page (back to page 1 when the page
 * size changes).
 */
export function tablePagination(
  current: { page: number; pageSize: number },
  total: number,
  totalLabel: (total: number) => string,
  go: (paging: { page: number; pageSize: number }) => void,
  sizes: readonly number[] = PAGE_SIZES,
): TablePaginationConfig {
  return {
    current: current.page,
    pageSize: current.pageSize,
    total,
    pageSizeOptions: [...sizes],
    showSizeChanger: true,
    showTotal: totalLabel,
    onChange: (page, pageSize) => go({ page: pageSize === current.pageSize ? page : 1, pageSize }),
  };
}
