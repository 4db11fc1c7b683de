/** A maintenance condition's status as a tag: 符合 / 不符合 / 待判断, and whether the platform decided it. */
import { Tag } from 'antd';
import { ConditionStatus } from '../../../shared/enums-oversight';
import type { ReviewedCondition } from './oversight-types';

const COLORS = { met: 'success', not_met: 'error', unknown: 'default' } as const;

export function ConditionTag({ condition }: { condition: Pick<ReviewedCondition, 'status' | 'computed'> }) {
  const label = condition.status === 'unknown' ? '待判断' : ConditionStatus.labels[condition.status];
  return (
    <Tag color={COLORS[condition.status]}>
      {label}
      {condition.computed ? '（平台核验）' : ''}
    </Tag>
  );
}
