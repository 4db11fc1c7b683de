import { Tag } from 'antd';
import { UnitKind } from '../../shared/enums';

/** Colours per unit kind; the labels come from the shared enum. */
const COLORS: Record<UnitKind, string> = {
  enterprise: 'blue',
  institution: 'cyan',
  association: 'purple',
  park: 'green',
  service_body: 'orange',
  street_office: 'gold',
};

export function UnitKindTag({ kind }: { kind: UnitKind }) {
  return <Tag color={COLORS[kind]}>{UnitKind.labels[kind]}</Tag>;
}

/** Select options for unit kinds, from the shared enum. */
export const UNIT_KIND_OPTIONS = UnitKind.values.map((value) => ({ value, label: UnitKind.labels[value] }));
