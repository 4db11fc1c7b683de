import { Tag } from 'antd';
import { ApplicationStatus } from '../../../../core/applications/workflow';
import { APPLICATION_STATUS_COLORS as COLORS } from './status-colors';

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  return <Tag color={COLORS[status]}>{ApplicationStatus.labels[status]}</Tag>;
}
