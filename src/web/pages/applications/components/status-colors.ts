/**
 * Each application status's tag colour (antd's preset names; the public pages' light Tag has the same), for the
 * workbench's ApplicationStatusTag and the public help page. No antd here (issue 15).
 */
import type { APPLICATION_STATUS_LABELS } from '../../../../core/applications/transitions';

export const APPLICATION_STATUS_COLORS = {
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
} as const satisfies Record<keyof typeof APPLICATION_STATUS_LABELS, string>;
