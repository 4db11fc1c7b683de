/** Every action's hooks in one table (see ./action-hooks.ts). */
import type { ApplicationAction } from '../../../core/applications/workflow';
import { failHook, passHook } from '../acceptance/acceptance-hooks';
import { approveAfterPublicityHook, startPublicityHook } from '../publicity/publicity-hooks';
import { certifyHook, revokeHook } from '../registry/registry-hooks';
import type { ActionHook } from './action-hooks';
import { notRecommendHook, recommendHook, rejectHook, resubmitHook, returnHook, submitHook } from './review-hooks';

export const ACTION_HOOKS: Partial<Record<ApplicationAction, readonly ActionHook[]>> = {
  submit: [submitHook],
  resubmit: [resubmitHook],
  return: [returnHook],
  recommend: [recommendHook],
  not_recommend: [notRecommendHook],
  reject: [rejectHook],
  pass: [passHook],
  fail: [failHook],
  start_publicity: [startPublicityHook],
  approve: [approveAfterPublicityHook],
  certify: [certifyHook],
  revoke: [revokeHook],
};
