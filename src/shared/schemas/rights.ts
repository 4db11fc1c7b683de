/**
 * Request bodies and queries of the rights module (routes/rights.ts): intake from the four sources, triage, the
 * criminal-transfer steps, extensions, messages, notes, duplicates, centres and the rules.
 */
import { z } from 'zod';
import { checkCreditCode, creditCodeMessage } from '../../core/credit-code';
import {
  RightsCivilGuidance,
  RightsLeakChannel,
  RightsPartyKind,
  RightsPoliceDecision,
  RightsProtectionMeasure,
  RightsReferralOrigin,
  RightsRequestedRoute,
  RightsSecretKind,
  RightsStatus,
  RightsTriageDecision,
  RightsUrgency,
} from '../enums-rights';
import { AttachmentRefSchema } from './ledger';
import { RecordVersion } from './version';

const IsoDay = z.iso.date('日期格式应为 YYYY-MM-DD');
const Uuid = (what: string) => z.uuid(`${what}格式不正确`);
const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`);
const optionalText = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过${max}个字`).nullish();
const Yuan = (label: string) =>
  z
    .number({ error: `${label}应为数字（元）` })
    .int(`${label}请填写整数（元）`)
    .min(0, `${label}不能为负数`)
    .max(1_000_000_000_000, `${label}过大`)
    .nullish();
/** An optional GB 32100 credit code (empty = none). */
const OptionalCreditCode = z
  .string()
  .trim()
  .toUpperCase()
  .max(18, '统一社会信用代码应为18位')
  .superRefine((value, ctx) => {
    if (value === '') return;
    const message = creditCodeMessage(checkCreditCode(value));
    if (message) ctx.addIssue({ code: 'custom', message });
  })
  .nullish();
const unique = <T>(items: T[]) => new Set(items).size === items.length;

export const RightsPartySchema = z
  .object({
    kind: RightsPartyKind.schema,
    name: text('被举报方名称', 100),
    creditCode: OptionalCreditCode,
    relation: optionalText('与权利人的关系', 100),
  })
  .strict();
export type RightsPartyInput = z.infer<typeof RightsPartySchema>;

/** What every intake records (the four sources add their own fields). */
const ClueContent = {
  holder: z
    .object({
      /** A registered unit (then name and credit code come from the registry). */
      unitId: Uuid('权利人单位编号').nullish(),
      name: text('权利人名称', 100),
      creditCode: OptionalCreditCode,
    })
    .strict(),
  infringers: z.array(RightsPartySchema).min(1, '请至少填写一个被举报方').max(20, '被举报方最多20个'),
  secretKinds: z.array(RightsSecretKind.schema).min(1, '请选择商业秘密的类型').max(9).refine(unique, '类型不能重复'),
  secretDescription: text('商业秘密内容概述', 5000),
  leakChannels: z.array(RightsLeakChannel.schema).min(1, '请选择泄密途径').max(6).refine(unique, '途径不能重复'),
  leakDescription: optionalText('泄密经过', 5000),
  protectionMeasures: z.array(RightsProtectionMeasure.schema).max(8).refine(unique, '措施不能重复').default([]),
  protectionDescription: optionalText('保密措施说明', 5000),
  facts: text('侵权事实', 10_000),
  estimatedLossYuan: Yuan('估计损失'),
  illicitGainYuan: Yuan('违法所得'),
  urgency: RightsUrgency.schema.default('normal'),
  requestedRoute: RightsRequestedRoute.schema.default('undecided'),
  attachments: z.array(AttachmentRefSchema).max(20, '附件最多20个').default([]),
  contact: optionalText('联系方式', 100),
};

/**
 * A logged-in intake. Applicants report for their own unit (source unit); officers record an inspection clue, a
 * referral in, or — officers of a rights centre — a firm's request on its behalf (source unit with reporterUnitId).
 */
export const RightsClueCreateSchema = z
  .object({
    source: z.enum(['unit', 'inspection', 'referral'], { error: '请选择线索来源' }),
    /** The competent bureau (officers; applicants: their unit's bureau or the centre's). */
    jurisdictionCode: z
      .string()
      .trim()
      .regex(/^\d{6}$/, '请选择管辖部门')
      .nullish(),
    /** Centre intake on behalf of a registered unit. */
    reporterUnitId: Uuid('申请单位编号').nullish(),
    referralOrigin: RightsReferralOrigin.schema.nullish(),
    referralOrgan: optionalText('移送单位', 100),
    referralDocument: optionalText('移送函号', 100),
    /** The reporting unit's own evidence-log certificates (存证编号), verified when linked. */
    evidenceIds: z.array(Uuid('存证编号')).max(20, '存证最多20个').refine(unique, '存证不能重复').default([]),
    ...ClueContent,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.source === 'referral' && !v.referralOrigin)
      ctx.addIssue({ code: 'custom', path: ['referralOrigin'], message: '请选择移送部门类别' });
    if (v.source === 'referral' && !v.referralOrgan)
      ctx.addIssue({ code: 'custom', path: ['referralOrgan'], message: '请填写移送单位' });
  });
export type RightsClueCreateInput = z.infer<typeof RightsClueCreateSchema>;

/**
 * The key a public report's uploads are held under: drawn at random by the reporter's page for one report, sent with
 * each upload and with the report, so only that report can cite those files (not another visitor behind the same
 * address).
 */
export const RightsUploadKey = z.string().regex(/^[A-Za-z0-9_-]{32,64}$/, '附件上传凭据无效，请刷新页面后重新上传');
export const RightsPublicUploadQuerySchema = z.object({ uploadKey: RightsUploadKey }).strict();

/** An anonymous report from the public page: the competent bureau and a secret (≥ 8 characters) to follow it. */
export const RightsPublicReportSchema = z
  .object({
    uploadKey: RightsUploadKey.nullish(),
    jurisdictionCode: z
      .string()
      .trim()
      .regex(/^\d{6}$/, '请选择向哪个市场监管部门举报'),
    secret: z.string().min(8, '查询密码至少8位').max(64, '查询密码不能超过64位'),
    ...ClueContent,
  })
  .strict();
export type RightsPublicReportInput = z.infer<typeof RightsPublicReportSchema>;

/** Following a public report: the receipt code and the secret. */
export const RightsFollowSchema = z
  .object({
    code: z.string().trim().min(1, '请填写查询码').max(40, '查询码格式不正确'),
    secret: z.string().min(1, '请填写查询密码').max(64, '查询密码不正确'),
  })
  .strict();
export type RightsFollowInput = z.infer<typeof RightsFollowSchema>;

export const RightsFollowMessageSchema = RightsFollowSchema.extend({
  body: text('留言内容', 2000),
}).strict();

export const RightsClueQuerySchema = z
  .object({
    status: RightsStatus.schema.optional(),
    overdue: z.enum(['1']).optional(),
    q: z.string().trim().max(100).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type RightsClueQuery = z.infer<typeof RightsClueQuerySchema>;

export const RightsAssignSchema = z
  .object({
    handlerIds: z.array(Uuid('承办人编号')).min(1, '请至少指定一名承办人').max(5, '承办人最多5名').refine(unique),
    version: RecordVersion,
  })
  .strict();
export type RightsAssignInput = z.infer<typeof RightsAssignSchema>;

export const RightsTriageSchema = z
  .object({
    decision: RightsTriageDecision.schema,
    /** Shown to the reporter (required when not accepted or transferred). */
    reason: optionalText('决定理由', 2000),
    civilGuidance: RightsCivilGuidance.schema.nullish(),
    /** Transfer to another bureau: the bureau and, where jurisdictions conflict, the city's designation. */
    transferToCode: z
      .string()
      .trim()
      .regex(/^\d{6}$/, '请选择移交的管辖部门')
      .nullish(),
    designationDocument: optionalText('指定管辖文书', 100),
    policeAgency: optionalText('接收移送的公安机关', 100),
    version: RecordVersion,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.decision === 'not_accepted' && !v.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '不予立案须说明理由（将告知举报/申请人）' });
    if (v.decision === 'civil' && !v.civilGuidance)
      ctx.addIssue({ code: 'custom', path: ['civilGuidance'], message: '请选择引导诉讼或调解' });
    if (v.decision === 'transfer_bureau' && !v.transferToCode)
      ctx.addIssue({ code: 'custom', path: ['transferToCode'], message: '请选择移交的管辖部门' });
    if (v.decision === 'criminal' && !v.policeAgency)
      ctx.addIssue({ code: 'custom', path: ['policeAgency'], message: '请填写接收移送的公安机关' });
  });
export type RightsTriageInput = z.infer<typeof RightsTriageSchema>;

export const RightsExtensionRequestSchema = z
  .object({ reason: text('延期理由', 2000), version: RecordVersion })
  .strict();
export const RightsVersionSchema = z.object({ version: RecordVersion }).strict();

/** The steps of a criminal transfer after the written report (the triage): approve, send, police receipt/decision. */
export const RightsTransferStepSchema = z
  .object({
    step: z.enum(['approve', 'send', 'police_received', 'police_decided'], { error: '请选择移送环节' }),
    /** Police steps: the date the police received / decided. */
    on: IsoDay.nullish(),
    policeDecision: RightsPoliceDecision.schema.nullish(),
    note: optionalText('说明', 2000),
    version: RecordVersion,
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.step === 'police_received' || v.step === 'police_decided') && !v.on)
      ctx.addIssue({ code: 'custom', path: ['on'], message: '请填写日期' });
    if (v.step === 'police_decided' && !v.policeDecision)
      ctx.addIssue({ code: 'custom', path: ['policeDecision'], message: '请选择公安机关的决定' });
  });
export type RightsTransferStepInput = z.infer<typeof RightsTransferStepSchema>;

export const RightsMessageSchema = z
  .object({ body: text('留言内容', 2000), attachments: z.array(AttachmentRefSchema).max(10).default([]) })
  .strict();
/** Certificates linked after intake: the reporter picks its own entries, a handler types the certificate numbers. */
export const RightsEvidenceLinkSchema = z
  .object({
    evidenceIds: z.array(Uuid('存证编号')).max(20, '存证最多20个').refine(unique, '存证不能重复').default([]),
    certificateNos: z
      .array(z.string().trim().min(1, '请填写存证证书编号').max(40, '存证证书编号格式不正确'))
      .max(20, '存证最多20个')
      .refine(unique, '存证证书编号不能重复')
      .default([]),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.evidenceIds.length + v.certificateNos.length === 0)
      ctx.addIssue({ code: 'custom', path: ['evidenceIds'], message: '请选择要关联的存证证书' });
  });
export type RightsEvidenceLinkInput = z.infer<typeof RightsEvidenceLinkSchema>;

export const RightsNoteSchema = z.object({ body: text('备注内容', 5000) }).strict();

export const RightsDuplicateDecisionSchema = z
  .object({ status: z.enum(['linked', 'merged', 'dismissed'], { error: '请选择处理方式' }), version: RecordVersion })
  .strict();

export const RightsCentreCreateSchema = z
  .object({
    jurisdictionCode: z
      .string()
      .trim()
      .regex(/^\d{6}$/, '请选择设立维权中心的区域'),
    name: text('维权中心名称', 100),
    routesToCode: z
      .string()
      .trim()
      .regex(/^\d{6}$/, '请选择线索移交的管辖部门'),
  })
  .strict();
export type RightsCentreCreateInput = z.infer<typeof RightsCentreCreateSchema>;

export const RightsRuleUpdateSchema = z
  .object({
    period: z.number().int().min(1, '期限至少为1').max(3650).optional(),
    extensionPeriod: z.number().int().min(0).max(3650).optional(),
    amountYuan: z.number().int().min(1, '金额至少为1元').max(1_000_000_000_000).optional(),
    source: optionalText('依据', 2000),
    version: RecordVersion,
  })
  .strict();
export type RightsRuleUpdateInput = z.infer<typeof RightsRuleUpdateSchema>;
