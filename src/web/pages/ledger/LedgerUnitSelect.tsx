/**
 * Picks one unit among those the user may see (GET /units?q=…, the server's scope), for the ledger's filter and form.
 * Unlike components/UnitSelect it takes an aria-label and shows the name of a unit chosen elsewhere (from the address
 * bar) by asking GET /units/:id once.
 */
import { Select, Spin } from 'antd';
import { type CSSProperties, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../app/api';
import type { Page, UnitRef, UnitSummary } from '../../app/types';

interface Option {
  value: string;
  label: string;
}

interface LedgerUnitSelectProps {
  id?: string;
  value?: string | null;
  onChange?: (value: string | undefined, unit: UnitRef | undefined) => void;
  /** Told the name of a value set from outside once it is known. */
  onResolved?: (unit: UnitRef) => void;
  'aria-label'?: string;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
}

export function LedgerUnitSelect({
  id,
  value,
  onChange,
  onResolved,
  'aria-label': ariaLabel,
  placeholder = '输入单位名称或信用代码搜索',
  allowClear = true,
  disabled,
  style,
}: LedgerUnitSelectProps) {
  const [found, setFound] = useState<Option[]>([]);
  const [known, setKnown] = useState<Option | null>(null);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const seq = useRef(0);

  const search = (q: string, delay = 250) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const mine = ++seq.current;
      setLoading(true);
      api
        .get<Page<UnitSummary>>('/units', { q: q.trim(), sort: 'name', pageSize: 50 })
        .then((page) => {
          if (mine === seq.current) setFound(page.items.map((u) => ({ value: u.id, label: u.name })));
        })
        .catch(() => {
          if (mine === seq.current) setFound([]);
        })
        .finally(() => {
          if (mine === seq.current) setLoading(false);
        });
    }, delay);
  };

  // First options without typing: the first page of the list.
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once
  useEffect(() => {
    if (!disabled) search('', 0);
    return () => clearTimeout(timer.current);
  }, [disabled]);

  // A value not among the options (chosen before, e.g. from the address bar): fetch its name once.
  useEffect(() => {
    if (!value || known?.value === value || found.some((o) => o.value === value)) return;
    let cancelled = false;
    api
      .get<UnitRef>(`/units/${value}`)
      .then((unit) => {
        if (cancelled) return;
        setKnown({ value: unit.id, label: unit.name });
        onResolved?.({ id: unit.id, name: unit.name });
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [value, known, found, onResolved]);

  const options = useMemo(() => {
    const merged = new Map<string, Option>();
    if (known) merged.set(known.value, known);
    for (const o of found) merged.set(o.value, o);
    return [...merged.values()];
  }, [found, known]);

  return (
    <Select<string>
      id={id}
      aria-label={ariaLabel}
      value={value ?? undefined}
      onChange={(next) => {
        const option = options.find((o) => o.value === next);
        if (option) setKnown(option);
        onChange?.(next ?? undefined, option && { id: option.value, name: option.label });
      }}
      onClear={() => search('', 0)}
      options={options}
      showSearch={{ filterOption: false, onSearch: (q) => search(q) }}
      notFoundContent={loading ? <Spin size="small" /> : '没有匹配的单位'}
      placeholder={placeholder}
      allowClear={allowClear}
      disabled={disabled}
      style={style}
    />
  );
}
