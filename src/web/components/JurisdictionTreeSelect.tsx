/**
 * Picks a jurisdiction from the tree. `rootCode` limits the choice to that jurisdiction and its subtree (an
 * officer's own area); the national root is never a choice.
 */
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { JurisdictionLevel } from '../../shared/enums';
import { buildJurisdictionTree, type JurisdictionNode, useJurisdictions } from '../hooks/useJurisdictions';

interface TreeOption {
  value: string;
  title: string;
  label: string;
  disabled?: boolean;
  children?: TreeOption[];
}

function toOptions(nodes: JurisdictionNode[]): TreeOption[] {
  return nodes.map((node) => ({
    value: node.code,
    title: `${node.name}（${JurisdictionLevel.labels[node.level]} ${node.code}）`,
    label: node.name,
    disabled: node.level === 'national',
    children: node.children.length > 0 ? toOptions(node.children) : undefined,
  }));
}

export interface JurisdictionTreeSelectProps {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  rootCode?: string | null;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: React.CSSProperties;
  id?: string;
  /** The control's name where no form label names it (filter bars). */
  'aria-label'?: string;
}

export function JurisdictionTreeSelect({
  value,
  onChange,
  rootCode,
  placeholder = '请选择辖区',
  allowClear,
  disabled,
  style,
  id,
  'aria-label': ariaLabel,
}: JurisdictionTreeSelectProps) {
  const { items, loading } = useJurisdictions();
  const treeData = useMemo(() => toOptions(buildJurisdictionTree(items, rootCode)), [items, rootCode]);
  const expanded = useMemo(() => {
    // Open the first levels (nation → provinces) or the officer's own area.
    const roots = treeData.map((n) => n.value);
    return rootCode ? roots : [...roots, ...treeData.flatMap((n) => (n.children ?? []).map((c) => c.value))];
  }, [treeData, rootCode]);
  return (
    <TreeSelect<string>
      id={id}
      aria-label={ariaLabel}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? undefined)}
      treeData={treeData}
      loading={loading}
      placeholder={placeholder}
      allowClear={allowClear}
      disabled={disabled}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeNodeLabelProp="label"
      treeDefaultExpandedKeys={expanded}
      popupMatchSelectWidth={false}
      style={style}
    />
  );
}
