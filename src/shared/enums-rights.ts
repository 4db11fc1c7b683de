/**
 * Enumerations of the rights-protection module (维权受理、线索与案件), defined once with their Chinese labels.
 * Shared by the schema (pgEnum), the zod inputs and the web pages.
 */
import type { z } from 'zod';
import { enumOf } from './enums';
import {
  RIGHTS_LEAK_CHANNEL_LABELS,
  RIGHTS_PARTY_KIND_LABELS,
  RIGHTS_PROTECTION_MEASURE_LABELS,
  RIGHTS_REQUESTED_ROUTE_LABELS,
  RIGHTS_ROUTE_LABELS,
  RIGHTS_SECRET_CATEGORY_LABELS,
  RIGHTS_SECRET_KIND_LABELS,
  RIGHTS_STATUS_LABELS,
  RIGHTS_URGENCY_LABELS,
} from './rights-labels';

export { RIGHTS_SECRET_CATEGORY } from './rights-labels';

/** Who brought the clue in (one door, four sources). */
export const RightsSource = enumOf({
  unit: '单位申请',
  public: '群众匿名举报',
  inspection: '执法检查发现',
  referral: '部门移送',
});
export type RightsSource = z.infer<typeof RightsSource.schema>;

/** Where a referral in came from. */
export const RightsReferralOrigin = enumOf({
  police: '公安机关',
  procuratorate: '检察机关',
  court: '人民法院',
  ip_office: '知识产权部门',
  bureau: '其他市场监管部门',
});
export type RightsReferralOrigin = z.infer<typeof RightsReferralOrigin.schema>;

/**
 * Status of a clue from intake to close; after 立案 (accepted) the same record is the administrative case.
 * received → accepted | transferred_police | civil_guided | not_accepted | transferred_bureau; accepted → closed;
 * transferred_police → closed (after the police's decision); merged clues end as merged.
 */
export const RightsStatus = enumOf(RIGHTS_STATUS_LABELS);
export type RightsStatus = z.infer<typeof RightsStatus.schema>;

/** Statuses in which a clue is still open (duplicates are looked for among these). */
export const RIGHTS_OPEN_STATUSES: readonly RightsStatus[] = ['received', 'accepted', 'transferred_police'];

/** The three routes (行、刑、民) a reporter may ask for and a triage may decide. */
export const RightsRoute = enumOf(RIGHTS_ROUTE_LABELS);
export type RightsRoute = z.infer<typeof RightsRoute.schema>;

/** The route a reporter asks for: one of the three, or "let the bureau decide". */
export const RightsRequestedRoute = enumOf(RIGHTS_REQUESTED_ROUTE_LABELS);
export type RightsRequestedRoute = z.infer<typeof RightsRequestedRoute.schema>;

/** A triage decision (研判结论). */
export const RightsTriageDecision = enumOf({
  administrative: '行政立案',
  criminal: '涉嫌犯罪，移送公安',
  civil: '引导民事维权（诉讼或调解）',
  not_accepted: '不予立案',
  transfer_bureau: '移交其他市场监管部门',
});
export type RightsTriageDecision = z.infer<typeof RightsTriageDecision.schema>;

/** Where a civil route guides the holder. */
export const RightsCivilGuidance = enumOf({
  court: '引导向人民法院起诉',
  mediation: '引导人民调解/行业调解',
});
export type RightsCivilGuidance = z.infer<typeof RightsCivilGuidance.schema>;

/** Kinds of secret (002 (四) and the Anti-Unfair Competition Law's categories), grouped by category. */
export const RightsSecretKind = enumOf(RIGHTS_SECRET_KIND_LABELS);
export type RightsSecretKind = z.infer<typeof RightsSecretKind.schema>;

export const RightsSecretCategory = enumOf(RIGHTS_SECRET_CATEGORY_LABELS);
export type RightsSecretCategory = z.infer<typeof RightsSecretCategory.schema>;

/** How the secret leaked. */
export const RightsLeakChannel = enumOf(RIGHTS_LEAK_CHANNEL_LABELS);
export type RightsLeakChannel = z.infer<typeof RightsLeakChannel.schema>;

/** Protection measures the holder had (a trade secret needs them). */
export const RightsProtectionMeasure = enumOf(RIGHTS_PROTECTION_MEASURE_LABELS);
export type RightsProtectionMeasure = z.infer<typeof RightsProtectionMeasure.schema>;

export const RightsUrgency = enumOf(RIGHTS_URGENCY_LABELS);
export type RightsUrgency = z.infer<typeof RightsUrgency.schema>;

/** A suspected infringer is a person or a unit. */
export const RightsPartyKind = enumOf(RIGHTS_PARTY_KIND_LABELS);
export type RightsPartyKind = z.infer<typeof RightsPartyKind.schema>;

/** The police's decision on a transferred case (Decree 310 art. 8). */
export const RightsPoliceDecision = enumOf({
  filed: '立案侦查',
  not_filed: '不予立案',
  returned: '退回移送',
});
export type RightsPoliceDecision = z.infer<typeof RightsPoliceDecision.schema>;

/** Why two clues were flagged as possible duplicates. */
export const RightsDuplicateMatch = enumOf({
  infringer_credit_code: '被举报方统一社会信用代码相同',
  infringer_name: '被举报方名称相同',
  holder_credit_code: '权利人统一社会信用代码相同',
  holder_name: '权利人名称相同',
});
export type RightsDuplicateMatch = z.infer<typeof RightsDuplicateMatch.schema>;

export const RightsDuplicateStatus = enumOf({
  open: '待处理',
  linked: '已关联',
  merged: '已并案',
  dismissed: '非重复',
});
export type RightsDuplicateStatus = z.infer<typeof RightsDuplicateStatus.schema>;

/** Kinds of history event on a clue (rights_clue_events). `reporter` events are shown to the reporter. */
export const RightsEventKind = enumOf({
  received: '登记受理',
  handler_assigned: '指定承办人',
  extension_requested: '申请延长研判期限',
  extension_approved: '批准延长研判期限',
  triaged: '研判决定',
  transfer_approved: '批准移送',
  transfer_sent: '移送公安机关',
  police_received: '公安机关接收',
  police_decided: '公安机关作出决定',
  duplicate_flagged: '发现疑似重复线索',
  duplicate_linked: '关联线索',
  duplicate_merged: '并案',
  duplicate_dismissed: '排除重复',
  evidence_linked: '关联存证证书',
  overdue_notified: '超期提醒',
  status_changed: '状态变更',
  closed: '结案',
});
export type RightsEventKind = z.infer<typeof RightsEventKind.schema>;

/** Who wrote a message between the reporter and the handlers. */
export const RightsMessageAuthor = enumOf({
  reporter: '举报/申请人',
  handler: '承办人',
});
export type RightsMessageAuthor = z.infer<typeof RightsMessageAuthor.schema>;

/** How a clock counts its period. */
export const RightsClockUnit = enumOf({
  working_days: '工作日',
  calendar_days: '自然日',
  hours: '小时',
});
export type RightsClockUnit = z.infer<typeof RightsClockUnit.schema>;
