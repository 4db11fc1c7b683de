/**
 * Enumerations of the administrative case handling part of rights protection (办案、鉴定、督办、会商、典型案例),
 * defined once with their Chinese labels (see enums.ts for the pattern).
 */
import type { z } from 'zod';
import { enumOf } from './enums';

/** The steps of an administrative case as the case-handling guide (办案指南) names them, in their usual order. */
export const CaseStepKind = enumOf({
  verify: '核查',
  open: '立案',
  investigate: '调查取证',
  appraise: '委托鉴定',
  notify: '告知',
  hearing: '听证',
  decide: '处罚决定',
  execute: '执行',
  close: '结案',
});
export type CaseStepKind = z.infer<typeof CaseStepKind.schema>;

/** Kinds of field on a document template of the guide. */
export const GuideFieldType = enumOf({
  text: '文本',
  textarea: '多行文本',
  date: '日期',
  amount: '金额（元）',
  signature: '签名',
});
export type GuideFieldType = z.infer<typeof GuideFieldType.schema>;

/** A professional appraisal (司法鉴定) request's life. */
export const AppraisalStatus = enumOf({
  requested: '已委托',
  completed: '已出具意见',
  withdrawn: '已撤回',
});
export type AppraisalStatus = z.infer<typeof AppraisalStatus.schema>;

/** What an appraisal is asked to establish. */
export const AppraisalSubject = enumOf({
  non_public: '非公知性鉴定',
  identity: '同一性鉴定',
  loss: '损失数额评估',
  electronic_data: '电子数据鉴定',
});
export type AppraisalSubject = z.infer<typeof AppraisalSubject.schema>;

/** Key-case supervision (督办) by a higher bureau. */
export const SupervisionStatus = enumOf({
  open: '督办中',
  answered: '已报告',
  closed: '已办结',
});
export type SupervisionStatus = z.infer<typeof SupervisionStatus.schema>;

/** Departments a consultation (会商会办) or joint handling involves. */
export const PartnerDepartment = enumOf({
  police: '公安机关',
  procuratorate: '检察院',
  court: '法院',
  ip_office: '知识产权局',
  industry: '行业主管部门',
  other_bureau: '其他市场监管部门',
  other: '其他',
});
export type PartnerDepartment = z.infer<typeof PartnerDepartment.schema>;

/** A typical case's publication: the author writes, a second officer approves. */
export const TypicalCaseStatus = enumOf({
  draft: '草稿',
  pending: '待审核',
  published: '已发布',
  withdrawn: '已撤回',
});
export type TypicalCaseStatus = z.infer<typeof TypicalCaseStatus.schema>;

/** How a closed administrative case ended. */
export const CaseOutcome = enumOf({
  penalised: '作出行政处罚',
  no_penalty: '不予行政处罚',
  transferred: '移送司法机关',
  revoked: '撤销立案',
});
export type CaseOutcome = z.infer<typeof CaseOutcome.schema>;
