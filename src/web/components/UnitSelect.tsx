/**
 * Picks units by searching the unit list (GET /units?q=…) within what the user may see. Known selections (from the
 * record being edited) are passed as `initialOptions` so their names show before any search.
 */
import { Select, Spin } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { UnitKind } from '../../shared/enums';
import { api } from '../app/api';
import type { Page, UnitRef, UnitSummary } from '../app/types';

interface Option {
  value: string;
  label: string;
}

interface UnitSelectProps {
  id?: string;
  value?: string | string[] | null;
  onChange?: (value: string | string[] | undefined) => void;
  multiple?: boolean;
  /** Only units of this kind (e.g. parks). */
  kind?: UnitKind;
  /** Units that may not be chosen (the unit itself). */
  excludeIds?: readonly string[];
  initialOptions?: readonly UnitRef[];
  placeholder?: string;
  disabled?: boolean;
}

export function UnitSelect({
  id,
  value,
  onChange,
  multiple,
  kind,
  excludeIds = [],
  initialOptions = [],
  placeholder = '输入单位名称或信用代码搜索',
  disabled,
}: UnitSelectProps) {
  const [found, setFound] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const seq = useRef(0);

  const search = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const mine = ++seq.current;
      setLoading(true);
      api
        .get<Page<UnitSummary>>('/units', { q: q.trim(), kind, sort: 'name', pageSize: 50 })
        .then((page) => {
          if (mine === seq.current) setFound(page.items.map((u) => ({ value: u.id, label: u.name })));
        })
        .catch(() => {
          if (mine === seq.current) setFound([]);
        })
        .finally(() => {
          if (mine === seq.current) setLoading(false);
        });
    }, 250);
  };

  // First options without typing: the first page of the list.
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once per kind
  useEffect(() => {
    if (!disabled) search('');
    return () => clearTimeout(timer.current);
  }, [kind, disabled]);

  const options = useMemo(() => {
    const merged = new Map<string, Option>();
    for (const u of initialOptions) merged.set(u.id, { value: u.id, label: u.name });
    for (const o of found) merged.set(o.value, o);
    for (const excluded of excludeIds) merged.delete(excluded);
    return [...merged.values()];
  }, [found, initialOptions, excludeIds]);

  return (
    <Select<string | string[]>
      id={id}
      mode={multiple ? 'multiple' : undefined}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? undefined)}
      options={options}
      showSearch={{ filterOption: false, onSearch: search }}
      notFoundContent={loading ? <Spin size="small" /> : '没有匹配的单位'}
      placeholder={placeholder}
      allowClear
      disabled={disabled}
    />
  );
}
