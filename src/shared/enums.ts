/**
 * Every enumeration the platform knows, defined once. Labels (Chinese, shown to users), zod schemas and UI badges
 * are derived from these objects; never write the same list again elsewhere.
 */
import { z } from 'zod';
import { EVIDENCE_CHECK_LABELS } from './evidence-check-labels';

/** An enumeration from its Chinese labels: the values, the labels and a zod schema, all from one object. */
export function enumOf<const T extends Record<string, string>>(labels: T) {
  const values = Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]];
  return { labels, values, schema: z.enum(values) };
}

/** Levels of the jurisdiction tree (GB/T 2260 plus functional zones such as development zones). */
export const JurisdictionLevel = enumOf({
  national: '国家',
  provincial: '省级',
  municipal: '市级',
  district: '区县级',
  functional_zone: '功能区',
});
export type JurisdictionLevel = z.infer<typeof JurisdictionLevel.schema>;

/** Levels whose officers publish and manage programmes (a district runs the programme its city publishes). */
export function isCityOrAbove(level: JurisdictionLevel | null | undefined): boolean {
  return level === 'national' || level === 'provincial' || level === 'municipal';
}

/** Kinds of registered unit (申报单位类型). */
export const UnitKind = enumOf({
  enterprise: '企业',
  institution: '科研院所',
  association: '行业协会/商会',
  park: '园区',
  service_body: '服务机构',
  street_office: '街道/乡镇',
});
export type UnitKind = z.infer<typeof UnitKind.schema>;

/** Roles of accounts. */
export const Role = enumOf({
  applicant: '申报单位',
  officer: '监管部门',
  expert: '专家',
  admin: '系统管理员',
});
export type Role = z.infer<typeof Role.schema>;

/** Kinds of contact person kept per unit. */
export const ContactRole = enumOf({
  liaison: '联络员',
  confidentiality_officer: '保密员',
});
export type ContactRole = z.infer<typeof ContactRole.schema>;

/** What an audit entry is about. */
export const AuditEntityType = enumOf({
  unit: '单位',
  user: '账号',
  jurisdiction: '辖区',
  session: '会话',
  ledger_entry: '台账记录',
  attachment: '附件',
  programme: '工作方案',
  self_assessment: '自评',
  evidence: '存证',
  application: '申报',
  expert: '专家',
  publicity: '公示',
  objection: '异议',
  base: '示范基地',
  calendar: '工作日历',
  assessment: '评估考核',
  report_submission: '报表报送',
  // People and outreach (issue 13)
  contact_firm: '联系企业',
  standard_adoption: '贯标企业',
  // Services, campaigns, simulated attack service, guides library (issue 13)
  service_partner: '合作机构',
  service_record: '服务记录',
  campaign_visit: '三进活动',
  convention: '自律公约',
  attack_assessment: '模拟攻击评估',
  attack_finding: '评估发现问题',
  guide: '指引范本',
  // Trainings, the lecture series, forums (issue 13)
  training: '培训活动',
  training_registration: '培训报名',
  // rights (issue 12, rights-core)
  rights_clue: '维权线索',
  rights_centre: '维权中心',
  rights_rule: '维权规则',
  // rights-cases (issue 12): administrative case handling and typical cases
  rights_guide: '办案指南',
  rights_case: '行政案件',
  rights_typical_case: '典型案例',
});
export type AuditEntityType = z.infer<typeof AuditEntityType.schema>;

/** Every kind of audited action; the audit page shows the label. */
export const AuditAction = enumOf({
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.register': '注册申报单位账号',
  'auth.second_factor_enable': '启用两步验证',
  'auth.second_factor_disable': '停用两步验证',
  'auth.second_factor_reset': '重置他人的两步验证',
  'unit.create': '登记单位',
  'unit.update': '修改单位信息',
  'user.create': '创建账号',
  'user.update': '修改账号',
  'jurisdiction.create': '新增辖区',
  'guide.assign': '指派指导员',
  'guide.unassign': '取消指导员',
  'ledger.create': '新增台账记录',
  'ledger.update': '修改台账记录',
  'ledger.delete': '删除台账记录',
  'attachment.upload': '上传附件',
  'programme.import': '导入工作方案',
  'programme.clone': '复制为新版本',
  'programme.update': '修改工作方案草稿',
  'programme.publish': '发布工作方案',
  'self_assessment.create': '新建自评',
  'self_assessment.update': '保存自评',
  'evidence.submit': '提交存证',
  'application.create': '新建申报',
  'application.update': '修改申报',
  'application.transition': '申报流转',
  'application.district_review': '区县审核评分',
  'expert.create': '登记专家',
  'expert.update': '修改专家信息',
  'conflict.declare': '申报利益冲突',
  'conflict.decide': '确认利益冲突',
  'panel.assign': '指派验收专家',
  'panel.recuse': '专家回避',
  'panel.score': '专家评分',
  'acceptance.record': '记录验收活动',
  'acceptance.opinion': '填写验收意见',
  'publicity.create': '发布公示',
  'objection.file': '提出异议',
  'objection.resolve': '处理异议',
  'base.certify': '认定示范基地',
  'base.review': '年度复核',
  'base.revoke': '撤销认定',
  'base.rectification': '整改验收',
  'base.incentive': '记录激励措施',
  'assessment.import': '导入评估考核方案',
  'assessment.publish': '发布评估考核方案',
  'assessment.score': '评估考核评分',
  'assessment.publish_results': '公布评估考核结果',
  'report.submit': '报送统计报表',
  'report.resubmit': '重新报送统计报表',
  'calendar.update': '调整工作日历',
  'calendar.year': '录入年度放假安排',
  'calendar.business_date': '调整业务日期（演示）',
  // People and outreach (issue 13)
  'person.record': '记录人才使用情况',
  'contact_firm.create': '确定联系企业',
  'contact_firm.update': '修改联系企业',
  'contact_firm.log': '记录企业联系',
  'adoption.declare': '申报贯标',
  'adoption.decide': '审核贯标申报',
  // Services, campaigns, simulated attack service, guides library (issue 13)
  'service_partner.create': '登记合作机构',
  'service.record': '登记服务记录',
  'service.update': '修改服务记录',
  'service.void': '作废服务记录',
  'campaign.visit': '登记三进活动',
  'convention.record': '登记自律公约',
  'attack.request': '申请模拟攻击评估',
  'attack.schedule': '安排模拟攻击评估',
  'attack.report': '提交模拟攻击评估报告',
  'attack.report_read': '查阅模拟攻击评估报告',
  'attack.finding_update': '更新问题整改情况',
  'guide.publish': '发布指引范本',
  'guide.version': '发布指引范本新版本',
  // Trainings, the lecture series, forums (issue 13)
  'training.create': '发布培训活动',
  'training.update': '修改培训活动',
  'training.register': '培训报名',
  'training.cancel_registration': '取消培训报名',
  'training.check_in': '培训签到',
  'training.walk_in': '现场登记参会',
  'training.feedback': '提交培训反馈',
  // rights (issue 12, rights-core)
  'rights.report': '登记维权线索',
  'rights.read_content': '查阅维权线索内容',
  'rights.read_file': '下载维权线索附件',
  'rights.read_denied': '无权查阅维权线索内容',
  'rights.public_follow': '凭查询码查看举报进展',
  'rights.assign': '指定承办人',
  'rights.triage': '维权线索研判',
  'rights.extend_request': '申请延长研判期限',
  'rights.extend_approve': '批准延长研判期限',
  'rights.transfer_approve': '批准移送公安',
  'rights.transfer_send': '移送公安机关',
  'rights.police_receipt': '登记公安接收',
  'rights.police_decision': '登记公安决定',
  'rights.message': '维权线索留言',
  'rights.note': '维权线索内部备注',
  'rights.duplicate_decide': '处理疑似重复线索',
  'rights.evidence_link': '关联存证证书',
  'rights.overdue_notify': '维权期限超期提醒',
  'rights.centre_designate': '设立维权中心',
  'rights.rule_update': '修改维权规则',
  // rights-cases (issue 12): administrative case handling and typical cases
  'rights_guide.save': '保存办案指南',
  'rights_case.step': '记录办案步骤',
  'rights_case.document': '登记办案文书',
  'rights_case.extend': '延长办案期限',
  'rights_case.close': '行政案件结案',
  'rights_case.appraisal': '委托鉴定',
  'rights_case.appraisal_update': '登记鉴定结果',
  'rights_case.supervise': '督办案件',
  'rights_case.supervision_update': '督办反馈',
  'rights_case.joint': '联合办案',
  'rights_case.consultation': '记录会商会办',
  'rights_case.read': '查阅案件内容',
  'rights_typical_case.save': '撰写典型案例',
  'rights_typical_case.submit': '提交典型案例审核',
  'rights_typical_case.approve': '审核发布典型案例',
  'rights_typical_case.return': '退回典型案例',
  'rights_typical_case.withdraw': '撤回典型案例',
});
export type AuditAction = z.infer<typeof AuditAction.schema>;

/** Life of a programme version: drafts are edited; a published version never changes again. */
export const ProgrammeStatus = enumOf({
  draft: '草稿',
  published: '已发布',
});
export type ProgrammeStatus = z.infer<typeof ProgrammeStatus.schema>;

/** Kinds of dated ledger (台账) record a unit keeps. */
export const LedgerKind = enumOf({
  training: '培训',
  guidance_visit: '业务指导',
  publicity: '宣传活动',
  survey: '走访调研',
  risk_assessment: '风险评估',
  inspection: '监督检查',
  rights_help: '维权帮助',
});
export type LedgerKind = z.infer<typeof LedgerKind.schema>;

/** The checks of an evidence verification, in the order they are shown (web page and offline CLI). */
export const EvidenceCheck = enumOf(EVIDENCE_CHECK_LABELS);

/** Experts' fields (验收专家库). */
export const ExpertField = enumOf({
  law: '法律',
  it: '信息技术',
  industry: '行业',
  forensics: '司法鉴定',
  economics: '产业经济学',
});
export type ExpertField = z.infer<typeof ExpertField.schema>;

/** Conflicts of interest between an expert and an applicant unit. */
export const ConflictKind = enumOf({
  same_unit: '同一单位',
  same_park_or_association: '同一园区或协会',
  former_employment: '曾任职',
  declared_other: '其他申报情形',
});
export type ConflictKind = z.infer<typeof ConflictKind.schema>;

/** A declared conflict waits for an officer, who confirms it (the expert cannot be assigned) or dismisses it. */
export const ConflictStatus = enumOf({
  declared: '待确认',
  confirmed: '已确认',
  dismissed: '不构成冲突',
});
export type ConflictStatus = z.infer<typeof ConflictStatus.schema>;

/** Grounds for revoking a base, verbatim from 002 art. 15 (一)–(五). */
export const RevocationGround = enumOf({
  false_material: '伪造虚假申报材料的',
  serious_violation: '在知识产权、重大生产安全、质量安全和环境保护等方面有严重违法违规行为的',
  serious_dishonesty: '存在严重失信行为记录的',
  major_infringement: '发生重大商业秘密被侵权事件未积极维权或侵犯他人商业秘密的',
  other: '其他不符合本指南规定的情形',
});
export type RevocationGround = z.infer<typeof RevocationGround.schema>;

/** How the approval was decided. */
export const DecisionForm = enumOf({
  meeting: '会议研究',
  document: '发文认定',
});
export type DecisionForm = z.infer<typeof DecisionForm.schema>;
