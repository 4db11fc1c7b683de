/**
 * Enumerations of the programme format, defined once with their Chinese labels (built like src/shared/enums.ts).
 * If the server or web needs them, import from here.
 */
import type { z } from 'zod';
import { enumOf } from '../../shared/enums';
import { STAGE_KIND_LABELS } from './stage-kind-labels';

/** Category of a demonstration base; each programme names its own kinds (示范企业, 政府服务示范站点 …). */
export const BaseKind = enumOf({
  point: '示范点',
  station: '示范站',
  zone: '示范区',
});
export type BaseKind = z.infer<typeof BaseKind.schema>;

/** Level at which a base is certified. */
export const BaseLevel = enumOf({
  national: '国家级',
  provincial: '省级',
  municipal: '市级',
  district: '区县级',
});
export type BaseLevel = z.infer<typeof BaseLevel.schema>;

/** Kinds of programme stage, in their natural order (see STAGE_RANK). */
export const StageKind = enumOf(STAGE_KIND_LABELS);
export type StageKind = z.infer<typeof StageKind.schema>;

/**
 * Stages must appear in non-decreasing rank. Publicity and approval share a rank: some bureaus publish the list
 * before the director's decision, others after it.
 */
export const STAGE_RANK: Record<StageKind, number> = {
  cultivation: 0,
  application: 1,
  district_review: 2,
  acceptance: 3,
  publicity: 4,
  approval: 4,
  certification: 5,
};

/** How applicants are checked (002 art. 11(4), 003 part 2(3)3, 000 step 3). */
export const AcceptanceMethod = enumOf({
  written_prereview: '书面预审',
  spot_check: '重点抽查',
  panel_meeting: '会议验收',
  site_visit: '实地考察',
  expert_evaluation: '专家综合评定',
});
export type AcceptanceMethod = z.infer<typeof AcceptanceMethod.schema>;

/** What certification produces. */
export const CertificationOutcome = enumOf({
  document: '发文认定',
  plaque: '授牌',
  public_listing: '向社会公布',
  report_upward: '向上级报备',
});
export type CertificationOutcome = z.infer<typeof CertificationOutcome.schema>;

/** Types of application-form field; the web renders and validates each. */
export const FieldType = enumOf({
  text: '单行文本',
  textarea: '多行文本',
  integer: '整数',
  decimal: '数值',
  percent: '百分比',
  date: '日期',
  select: '单选',
  phone: '电话',
  postcode: '邮政编码',
  credit_code: '统一社会信用代码',
  industry: '所属行业（GB/T 4754）',
});
export type FieldType = z.infer<typeof FieldType.schema>;

/** Unit profile data an application-form field may be pre-filled from. */
export const ProfileSource = enumOf({
  'unit.name': '单位名称',
  'unit.creditCode': '统一社会信用代码',
  'unit.legalRepresentative': '法定代表人/负责人',
  'unit.address': '地址',
  'unit.postcode': '邮政编码',
  'unit.industryCode': '所属行业',
  'unit.staffCount': '员工数量',
  'unit.annualOutput': '年产值（万元）',
  'liaison.name': '联络员姓名',
  'liaison.department': '联络员部门',
  'liaison.position': '联络员职务',
  'liaison.officePhone': '联络员办公电话',
  'liaison.mobile': '联络员手机',
});
export type ProfileSource = z.infer<typeof ProfileSource.schema>;

/** What a target counts. */
export const TargetSubject = enumOf({
  base: '示范基地',
  standard_adopter: '贯标企业',
});
export type TargetSubject = z.infer<typeof TargetSubject.schema>;
