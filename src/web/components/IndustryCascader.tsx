/**
 * GB/T 4754-2017 industry picker: section (门类) → division (大类). The form value is the two-digit division code;
 * the cascader's path is derived from it.
 */
import { Cascader } from 'antd';
import { INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS, industryLabel } from '../../shared/data/industries';

interface IndustryOption {
  value: string;
  label: string;
  children?: IndustryOption[];
}

const OPTIONS: IndustryOption[] = INDUSTRY_SECTIONS.map((section) => ({
  value: section.code,
  label: `${section.code} ${section.name}`,
  children: INDUSTRY_DIVISIONS.filter((d) => d.section === section.code).map((d) => ({
    value: d.code,
    label: industryLabel(d.code) ?? d.code,
  })),
}));

const SECTION_OF = new Map(INDUSTRY_DIVISIONS.map((d) => [d.code, d.section]));

export interface IndustryCascaderProps {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  id?: string;
  disabled?: boolean;
}

export function IndustryCascader({ value, onChange, id, disabled }: IndustryCascaderProps) {
  const section = value ? SECTION_OF.get(value) : undefined;
  return (
    <Cascader<IndustryOption>
      id={id}
      options={OPTIONS}
      value={section && value ? [section, value] : undefined}
      onChange={(path) => onChange?.(path ? (path[path.length - 1] as string | undefined) : undefined)}
      placeholder="请选择门类和大类，可输入名称搜索"
      showSearch
      disabled={disabled}
      expandTrigger="hover"
    />
  );
}
