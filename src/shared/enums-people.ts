/**
 * Enums of the people module (issue 13): the register of people (人才库/智库) that grew out of the acceptance-expert
 * registry, its records of use, contact firms (联系企业) and standard adopters (贯标企业).
 */
import type { z } from 'zod';
import { enumOf } from './enums';

/** What a person in the register is used for; a person may hold several roles. */
export const PersonRole = enumOf({
  acceptance_expert: '验收专家',
  think_tank: '智库成员',
  enforcement_talent: '执法办案人才',
  guide: '行政指导员',
});
export type PersonRole = z.infer<typeof PersonRole.schema>;

/** 001 (十三): judges, scholars, lawyers, forensic examiners …; (六) front-line officers. */
export const Profession = enumOf({
  judge: '法官',
  prosecutor: '检察官',
  scholar: '学者',
  lawyer: '律师',
  forensic_examiner: '司法鉴定人员',
  industry_expert: '行业专家',
  officer: '执法人员',
});
export type Profession = z.infer<typeof Profession.schema>;

/** 001 (六): 市、区两级人才库. */
export const PersonLevel = enumOf({
  city: '市级',
  district: '区县级',
});
export type PersonLevel = z.infer<typeof PersonLevel.schema>;

export const Availability = enumOf({
  available: '可邀请',
  limited: '时间有限',
  unavailable: '暂不可邀请',
});
export type Availability = z.infer<typeof Availability.schema>;

/** Records of a person's use: consultations and research (think tank), cases (talents), trainings (either way). */
export const PersonRecordKind = enumOf({
  consultation: '咨询论证',
  research: '课题研究',
  case: '参与办案',
  training_given: '授课',
  training_attended: '参加培训',
});
export type PersonRecordKind = z.infer<typeof PersonRecordKind.schema>;

/** How a bureau kept in touch with a contact firm. */
export const ContactWay = enumOf({
  visit: '上门走访',
  phone: '电话联系',
  meeting: '座谈会议',
  online: '线上沟通',
});
export type ContactWay = z.infer<typeof ContactWay.schema>;

/** A unit's declaration of adopting the provincial standard, confirmed or rejected by its county/district bureau. */
export const AdoptionStatus = enumOf({
  declared: '待确认',
  confirmed: '已确认',
  rejected: '未通过',
});
export type AdoptionStatus = z.infer<typeof AdoptionStatus.schema>;

/** The provincial standard adopters implement (002). */
export const PROVINCIAL_STANDARD = '商业秘密保护管理与服务规范';
