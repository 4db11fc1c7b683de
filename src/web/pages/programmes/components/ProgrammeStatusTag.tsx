import { Tag } from 'antd';
import { ProgrammeStatus } from '../../../../shared/enums';

export function ProgrammeStatusTag({ status }: { status: ProgrammeStatus }) {
  return <Tag color={status === 'published' ? 'success' : 'default'}>{ProgrammeStatus.labels[status]}</Tag>;
}
