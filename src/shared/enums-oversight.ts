/**
 * Enumerations of the ongoing management of certified bases (动态管理): annual review outcomes and incentives.
 * Defined once with their Chinese labels (see enums.ts).
 */
import type { z } from 'zod';
import { enumOf } from './enums';

/** What an annual review (年度复核) decides. */
export const ReviewOutcome = enumOf({
  pass: '通过',
  rectify: '限期整改',
  revoke: '撤销认定',
});
export type ReviewOutcome = z.infer<typeof ReviewOutcome.schema>;

/** How a rectification (整改) ended, judged by the certifying bureau after the deadline or on the unit's report. */
export const RectificationOutcome = enumOf({
  accepted: '整改到位',
  revoke: '整改不到位，撤销认定',
});
export type RectificationOutcome = z.infer<typeof RectificationOutcome.schema>;

/** Kinds of incentive granted to a base (002's incentive measures: 经费分配、补助奖励、重点联系、优先推荐…). */
export const IncentiveKind = enumOf({
  award: '表彰奖励',
  funding: '经费补助',
  contact_service: '重点联系服务',
  recommendation: '优先推荐',
  other: '其他激励',
});
export type IncentiveKind = z.infer<typeof IncentiveKind.schema>;

/** Whether a maintenance condition holds at review: decided from data, or judged by the officer. */
export const ConditionStatus = enumOf({
  met: '符合',
  not_met: '不符合',
  unknown: '无数据，待判断',
});
export type ConditionStatus = z.infer<typeof ConditionStatus.schema>;

/** The reports upward (报送): a quarter's or a year's figures, submitted by a bureau to the bureau above. */
export const ReportKind = enumOf({
  quarterly: '季度报表',
  annual: '年度报表',
});
export type ReportKind = z.infer<typeof ReportKind.schema>;
