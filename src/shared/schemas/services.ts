/**
 * Request bodies and queries of services and campaigns and of the simulated attack service (issue 13,
 * src/server/routes/services.ts, attack-assessments.ts).
 */
import { z } from 'zod';
import {
  AttackStatus,
  CampaignKind,
  FindingSeverity,
  FindingStatus,
  PartnerKind,
  ServiceKind,
  ServiceProvider,
} from '../enums-services';
import { AttachmentRefSchema } from './ledger';
import { RecordVersion } from './version';

export const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`);
export const optionalText = (label: string, max: number) =>
  z.string().trim().max(max, `${label}不能超过${max}个字`).nullish();
export const IsoDay = z.iso.date('日期格式应为 YYYY-MM-DD');
const JurisdictionCode = z.string().regex(/^\d{6}$/, '请选择辖区');
const UnitId = z.uuid('请选择单位');

export const PartnerInputSchema = z
  .object({
    name: text('机构名称', 100),
    kind: PartnerKind.schema,
    jurisdictionCode: JurisdictionCode,
    unitId: UnitId.nullish(),
    attackAccredited: z.boolean().default(false),
    contactName: optionalText('联系人', 50),
    contactPhone: optionalText('联系电话', 30),
  })
  .strict();
export type PartnerInput = z.infer<typeof PartnerInputSchema>;

/** Who may render which service: checked on input and again on an edit, over the record as it would become. */
export function serviceProviderProblems(value: {
  kind: ServiceKind;
  provider: ServiceProvider;
  partnerId?: string | null;
}): { path: 'partnerId' | 'provider'; message: string }[] {
  const problems: { path: 'partnerId' | 'provider'; message: string }[] = [];
  if (value.provider === 'partner' && !value.partnerId)
    problems.push({ path: 'partnerId', message: '合作机构提供的服务请选择合作机构' });
  if (value.provider === 'bureau' && value.partnerId)
    problems.push({ path: 'partnerId', message: '监管部门提供的服务不填合作机构' });
  if (value.kind === 'administrative_guidance' && value.provider !== 'bureau')
    problems.push({ path: 'provider', message: '行政指导只能由监管部门开展' });
  return problems;
}

/** What a service record says besides its kind and unit: recorded once, corrected later. */
const serviceRecordFields = {
  provider: ServiceProvider.schema,
  partnerId: z.uuid('请选择合作机构').nullish(),
  occurredOn: IsoDay,
  title: text('服务主题', 200),
  description: optionalText('服务内容', 5000),
  /** Administrative guidance: the unit's assigned guide who gave it (defaults to the recording officer). */
  guideId: z.uuid().nullish(),
};

export const ServiceRecordInputSchema = z
  .object({ kind: ServiceKind.schema, unitId: UnitId, ...serviceRecordFields })
  .strict()
  .superRefine((value, ctx) => {
    for (const problem of serviceProviderProblems(value))
      ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
  });
export type ServiceRecordInput = z.infer<typeof ServiceRecordInputSchema>;

/**
 * Editing a service record with the version it was read at. The kind and the unit stay: they decide the kind and the
 * owner of the ledger entry the record left, so a record with a wrong one is voided and recorded anew.
 */
export const ServiceRecordPatchSchema = z
  .object(serviceRecordFields)
  .partial()
  .extend({ version: RecordVersion })
  .strict();
export type ServiceRecordPatch = z.infer<typeof ServiceRecordPatchSchema>;

/** Voiding (作废) a service record: the reason is kept with it. */
export const ServiceRecordVoidSchema = z.object({ reason: text('作废原因', 500), version: RecordVersion }).strict();
export type ServiceRecordVoid = z.infer<typeof ServiceRecordVoidSchema>;

export const CampaignVisitInputSchema = z
  .object({
    kind: CampaignKind.schema,
    jurisdictionCode: JurisdictionCode,
    unitId: UnitId.nullish(),
    placeName: text('走访地点', 100),
    occurredOn: IsoDay,
    firmsReached: z.number().int('企业数应为整数').min(0, '企业数不能为负').max(100_000),
    participants: z.number().int('人数应为整数').min(0, '人数不能为负').max(1_000_000).nullish(),
    summary: optionalText('活动内容', 5000),
  })
  .strict();
export type CampaignVisitInput = z.infer<typeof CampaignVisitInputSchema>;

export const ConventionInputSchema = z
  .object({
    associationId: z.uuid('请选择行业协会'),
    title: text('公约名称', 200),
    signedOn: IsoDay,
    content: optionalText('公约内容', 20_000),
    signatoryIds: z
      .array(z.uuid('签约单位编号格式不正确'))
      .min(1, '请选择签约会员单位')
      .max(2000)
      .refine((ids) => new Set(ids).size === ids.length, '签约单位不能重复'),
  })
  .strict();
export type ConventionInput = z.infer<typeof ConventionInputSchema>;

const Paging = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

export const ServiceRecordQuerySchema = z
  .object({
    kind: ServiceKind.schema.optional(),
    unitId: z.uuid().optional(),
    jurisdictionCode: JurisdictionCode.optional(),
    from: IsoDay.optional(),
    to: IsoDay.optional(),
    ...Paging,
  })
  .strict();
export type ServiceRecordQuery = z.infer<typeof ServiceRecordQuerySchema>;

export const CampaignVisitQuerySchema = z
  .object({ kind: CampaignKind.schema.optional(), from: IsoDay.optional(), to: IsoDay.optional(), ...Paging })
  .strict();
export type CampaignVisitQuery = z.infer<typeof CampaignVisitQuerySchema>;

export const StatisticsQuerySchema = z
  .object({ from: Month.optional(), to: Month.optional(), jurisdictionCode: JurisdictionCode.optional() })
  .strict();
export type StatisticsQuery = z.infer<typeof StatisticsQuerySchema>;

export const AttackRequestSchema = z
  .object({
    unitId: UnitId,
    partnerId: z.uuid('请选择评估机构'),
    scope: text('评估范围', 2000),
  })
  .strict();
export type AttackRequest = z.infer<typeof AttackRequestSchema>;

export const AttackScheduleSchema = z.object({ scheduledOn: IsoDay, version: RecordVersion }).strict();
export type AttackSchedule = z.infer<typeof AttackScheduleSchema>;

export const AttackReportSchema = z
  .object({
    report: AttachmentRefSchema,
    summary: text('报告摘要', 5000),
    findings: z
      .array(
        z
          .object({
            title: text('问题', 200),
            severity: FindingSeverity.schema,
            recommendation: optionalText('整改建议', 2000),
          })
          .strict(),
      )
      .max(200, '问题最多200项'),
    version: RecordVersion,
  })
  .strict();
export type AttackReport = z.infer<typeof AttackReportSchema>;

export const FindingPatchSchema = z
  .object({ status: FindingStatus.schema, followUp: optionalText('整改情况', 2000), version: RecordVersion })
  .strict();
export type FindingPatch = z.infer<typeof FindingPatchSchema>;

export const AttackQuerySchema = z.object({ status: AttackStatus.schema.optional(), ...Paging }).strict();
export type AttackQuery = z.infer<typeof AttackQuerySchema>;
