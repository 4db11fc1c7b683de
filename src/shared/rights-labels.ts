/**
 * The Chinese names of the rights-protection enumerations the public report and follow pages show: the labels of
 * RightsStatus, RightsSecretKind… (enums-rights.ts builds the enumerations from them, in this order), kept in a
 * module without zod so those pages can read them without it (issue 15).
 */

export const RIGHTS_STATUS_LABELS = {
  received: '待研判',
  accepted: '已立案',
  transferred_police: '移送公安',
  civil_guided: '引导民事维权',
  not_accepted: '不予立案',
  transferred_bureau: '移交其他部门',
  closed: '已结案',
  merged: '已并案',
} as const;

export const RIGHTS_ROUTE_LABELS = {
  administrative: '行政查处',
  criminal: '刑事移送',
  civil: '民事维权',
} as const;

export const RIGHTS_REQUESTED_ROUTE_LABELS = {
  administrative: '行政查处',
  criminal: '刑事移送',
  civil: '民事维权',
  undecided: '不确定，由执法部门研判',
} as const;

export const RIGHTS_SECRET_KIND_LABELS = {
  process: '产品工艺',
  invention: '技术发明',
  formula: '原料配方',
  drawing: '设计图纸',
  source_code: '源代码',
  technical_other: '其他技术信息',
  customer: '客户信息',
  strategy: '经营策略',
  business_other: '其他经营信息',
} as const;

export const RIGHTS_SECRET_CATEGORY_LABELS = {
  technical: '技术信息',
  business: '经营信息',
} as const;

export const RIGHTS_LEAK_CHANNEL_LABELS = {
  departing_employee: '离职员工带走',
  current_employee: '在职员工泄露',
  partner: '合作方/客户违约披露',
  intrusion: '网络入侵/窃取',
  inducement: '利诱、胁迫等不正当手段',
  other: '其他',
} as const;

export const RIGHTS_PROTECTION_MEASURE_LABELS = {
  confidentiality_agreement: '签订保密协议',
  non_compete: '竞业限制协议',
  rules: '保密管理制度',
  marking: '密级标识',
  access_control: '区域/权限管控',
  encryption: '加密等技术措施',
  training: '保密培训',
  other: '其他措施',
} as const;

export const RIGHTS_URGENCY_LABELS = {
  normal: '一般',
  urgent: '紧急（证据可能灭失）',
  critical: '特急（侵权正在扩大）',
} as const;

export const RIGHTS_PARTY_KIND_LABELS = {
  person: '自然人',
  unit: '单位',
} as const;

/** Which category each kind belongs to. */
export const RIGHTS_SECRET_CATEGORY: Record<
  keyof typeof RIGHTS_SECRET_KIND_LABELS,
  keyof typeof RIGHTS_SECRET_CATEGORY_LABELS
> = {
  process: 'technical',
  invention: 'technical',
  formula: 'technical',
  drawing: 'technical',
  source_code: 'technical',
  technical_other: 'technical',
  customer: 'business',
  strategy: 'business',
  business_other: 'business',
};
