import { Tag } from 'antd';
import { ApplicationStatus } from '../../../../core/applications/workflow';

const COLORS: Record<ApplicationStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  district_recommended: 'cyan',
  district_not_recommended: 'error',
  under_acceptance: 'processing',
  acceptance_passed: 'cyan',
  acceptance_failed: 'error',
  in_publicity: 'purple',
  approved: 'geekblue',
  not_approved: 'error',
  certified: 'success',
  withdrawn: 'default',
  revoked: 'error',
};

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  return <Tag color={COLORS[status]}>{ApplicationStatus.labels[status]}</Tag>;
}
