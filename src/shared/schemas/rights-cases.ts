/**
 * Request bodies and queries of administrative case handling (routes/rights-cases.ts): steps, documents, the close
 * clock's extension, closing, appraisals, supervision, joint handling, consultations, typical cases, statistics.
 */
import { z } from 'zod';
import { AppraisalSubject, CaseOutcome, CaseStepKind, PartnerDepartment } from '../enums-rights-cases';
import { AttachmentRefSchema } from './ledger';
import { RecordVersion } from './version';

const IsoDay = z.iso.date('日期格式应为 YYYY-MM-DD');
const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`);
const optionalText = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过${max}个字`).nullish();

export const CaseStepInputSchema = z
  .object({
    step: CaseStepKind.schema,
    completedOn: IsoDay,
    note: optionalText('说明', 2000),
  })
  .strict();
export type CaseStepInput = z.infer<typeof CaseStepInputSchema>;

export const CaseDocumentInputSchema = z
  .object({
    step: CaseStepKind.schema,
    documentKey: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, '文书标识格式不正确'),
    attachment: AttachmentRefSchema,
  })
  .strict();
export type CaseDocumentInput = z.infer<typeof CaseDocumentInputSchema>;

export const CaseExtensionRequestSchema = z
  .object({ reason: text('延期理由', 2000), caseVersion: RecordVersion })
  .strict();
export const CaseVersionSchema = z.object({ caseVersion: RecordVersion }).strict();

export const CloseCaseInputSchema = z
  .object({
    outcome: CaseOutcome.schema,
    summary: text('结案情况', 5000),
    version: RecordVersion,
  })
  .strict();
export type CloseCaseInput = z.infer<typeof CloseCaseInputSchema>;

const Cost = z
  .number({ error: '鉴定费用应为数字（元）' })
  .min(0, '鉴定费用不能为负数')
  .max(100_000_000, '鉴定费用过大')
  .multipleOf(0.01, '鉴定费用最多两位小数');

export const AppraisalInputSchema = z
  .object({
    institution: text('鉴定机构', 120),
    subject: AppraisalSubject.schema,
    matters: text('委托事项', 2000),
    requestedOn: IsoDay,
    cost: Cost,
  })
  .strict();
export type AppraisalInput = z.infer<typeof AppraisalInputSchema>;

export const AppraisalUpdateSchema = z
  .object({
    status: z.enum(['completed', 'withdrawn'], { error: '请选择登记鉴定意见或撤回委托' }),
    result: text('鉴定意见', 5000),
    completedOn: IsoDay,
    cost: Cost.optional(),
    version: RecordVersion,
  })
  .strict();
export type AppraisalUpdate = z.infer<typeof AppraisalUpdateSchema>;

export const SupervisionInputSchema = z.object({ instructions: text('督办要求', 2000), dueOn: IsoDay }).strict();
export type SupervisionInput = z.infer<typeof SupervisionInputSchema>;

export const SupervisionUpdateSchema = z
  .object({
    action: z.enum(['report', 'close'], { error: '请选择报告办理情况或办结督办' }),
    text: text('办理情况', 5000),
    version: RecordVersion,
  })
  .strict();
export type SupervisionUpdate = z.infer<typeof SupervisionUpdateSchema>;

export const JointBureauInputSchema = z
  .object({
    jurisdictionCode: z.string().regex(/^\d{6}$/, '请选择协办部门'),
    task: text('协办任务', 1000),
  })
  .strict();
export type JointBureauInput = z.infer<typeof JointBureauInputSchema>;

export const ConsultationInputSchema = z
  .object({
    heldOn: IsoDay,
    departments: z.array(PartnerDepartment.schema).min(1, '请选择参加会商的部门').max(7),
    participants: text('参加人员', 1000),
    topic: text('会商事项', 1000),
    conclusions: text('会商结论', 5000),
  })
  .strict();
export type ConsultationInput = z.infer<typeof ConsultationInputSchema>;

export const TypicalCaseInputSchema = z
  .object({
    clueId: z.uuid('案件编号格式不正确'),
    title: text('标题', 100),
    summary: text('摘要', 300),
    body: text('案情与处理', 10_000),
    significance: optionalText('典型意义', 3000),
    secretCategory: optionalText('商业秘密类型', 30),
    industry: optionalText('所属行业', 30),
  })
  .strict();
export type TypicalCaseInput = z.infer<typeof TypicalCaseInputSchema>;

export const TypicalCasePatchSchema = TypicalCaseInputSchema.omit({ clueId: true })
  .partial()
  .extend({ version: RecordVersion })
  .strict();
export type TypicalCasePatch = z.infer<typeof TypicalCasePatchSchema>;

export const TypicalCaseReturnSchema = z.object({ reason: text('退回理由', 1000), version: RecordVersion }).strict();

export const TypicalCaseVersionSchema = z.object({ version: RecordVersion }).strict();

export const PublicTypicalCaseQuerySchema = z
  .object({
    q: z.string().trim().max(50, '关键词不能超过50个字').optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(50).default(10),
  })
  .strict();

export const RightsStatisticsQuerySchema = z
  .object({
    from: IsoDay.optional(),
    to: IsoDay.optional(),
  })
  .strict();
export type RightsStatisticsQuery = z.infer<typeof RightsStatisticsQuerySchema>;
