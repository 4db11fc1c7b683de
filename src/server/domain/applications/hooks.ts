/** Every action's hooks in one table (see ./action-hooks.ts). */
import type { ApplicationAction } from '../../../core/applications/workflow';
import type { ActionHook } from './action-hooks';
import { notRecommendHook, recommendHook, resubmitHook, returnHook, submitHook } from './review-hooks';

export const ACTION_HOOKS: Partial<Record<ApplicationAction, readonly ActionHook[]>> = {
  submit: [submitHook],
  resubmit: [resubmitHook],
  return: [returnHook],
  recommend: [recommendHook],
  not_recommend: [notRecommendHook],
};
