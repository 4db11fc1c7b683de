/** A base's status in the registry: valid (green) or revoked (red). */
import type { BaseSummary } from '../public-types';
import { Tag } from '../ui';

export function BaseStatusTag({ base }: { base: Pick<BaseSummary, 'status' | 'statusLabel'> }) {
  return base.status === 'revoked' ? (
    <Tag color="error">{base.statusLabel || '已撤销认定'}</Tag>
  ) : (
    <Tag color="success">{base.statusLabel || '有效'}</Tag>
  );
}
