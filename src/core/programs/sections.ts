/**
 * The parts of a programme document (forms, kinds, stages, targets, management), each a zod schema. Assembled into
 * the whole programme in schema.ts.
 */
import { z } from 'zod';
import { ContactRole, JurisdictionLevel, UnitKind } from '../../shared/enums';
import { MetricIdSchema } from '../rubric/metrics';
import { typeError } from '../rubric/problems';
import { CheckSchema, RubricId } from '../rubric/schema';
import {
  AcceptanceMethod,
  BaseKind,
  BaseLevel,
  CertificationOutcome,
  FieldType,
  ProfileSource,
  StageKind,
  TargetSubject,
} from './enums';

export const FORMAT_VERSION = 1 as const;

export const Text = (max = 500) =>
  z
    .string({ error: typeError('应为文本') })
    .trim()
    .min(1, '不能为空')
    .max(max, `不能超过${max}个字`);
const Id = RubricId;
export const IsoDate = z.iso.date({ error: typeError('日期格式应为 YYYY-MM-DD（加引号）') });
export const JurisdictionCode = z
  .string({ error: typeError('辖区代码应为6位数字文本（YAML 中请加引号，如 "310107"）') })
  .regex(/^\d{6}$/, '辖区代码应为6位数字（GB/T 2260，功能区用本地代码）');

/** A bureau or office acting in a stage. */
export const BodySchema = z
  .object({
    level: JurisdictionLevel.schema,
    /** As published: "区市场监管局", "市局价监竞争处", "县局" … */
    name: Text(100),
  })
  .strict();
export type Body = z.infer<typeof BodySchema>;

// --- Application forms ------------------------------------------------------------------------------------------

export const FormFieldSchema = z
  .object({
    key: z
      .string({ error: typeError('字段键应为文本') })
      .regex(/^[a-z][A-Za-z0-9]{0,63}$/, '字段键应为小写字母开头的驼峰式英文（如 parkFirmCount）'),
    /** The published label, e.g. "入园企业数量". */
    label: Text(100),
    type: FieldType.schema,
    /** Unit shown after the value: 万元, 人, 个, 家, %. */
    unit: Text(10).optional(),
    required: z.boolean().default(true),
    help: Text(500).optional(),
    /** For `select`. */
    options: z.array(Text(100)).min(2, '单选至少应有两个选项').max(100).optional(),
    /** Pre-fill from the unit's profile. */
    source: ProfileSource.schema.optional(),
    /** Pre-fill from a metric the platform computes (e.g. affiliated firms → 入园企业数量). */
    metric: MetricIdSchema.optional(),
    /** The applicant may attach files (the forms say "可附件", "可另附页"). */
    allowAttachments: z.boolean().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    maxLength: z.number().int().positive().max(20_000).optional(),
  })
  .strict();
export type FormField = z.infer<typeof FormFieldSchema>;

export const ApplicationFormSchema = z
  .object({
    id: Id,
    /** The published title, e.g. "普陀区商业秘密保护示范站（点）申报表". */
    title: Text(200),
    /** Where it is published, e.g. "附件1", "附表3". */
    source: Text(100).optional(),
    fields: z.array(FormFieldSchema).min(1, '申报表至少应有一个字段').max(100),
    /** The applicant's own signed opinion block, e.g. "申报企业意见", "园区管委会申报意见". */
    applicantOpinion: Text(100).optional(),
    /** A contact table to attach (004 附件6 工作联络人信息表), filled from the unit's contacts of that role. */
    contacts: z
      .object({ title: Text(100), role: ContactRole.schema, source: Text(100).optional() })
      .strict()
      .optional(),
    note: Text(1000).optional(),
  })
  .strict();
export type ApplicationForm = z.infer<typeof ApplicationFormSchema>;

// --- Kinds of base offered --------------------------------------------------------------------------------------

export const BaseKindOfferSchema = z
  .object({
    /** Stable id within the programme, used by quotas, self-assessments and applications ("point", "zone" …). */
    id: Id,
    category: BaseKind.schema,
    /** The programme's own short name: 示范点, 示范指导站, 示范企业, 政府服务示范站点 … */
    name: Text(50),
    /** Full name, e.g. "区级商业秘密保护示范点". */
    fullName: Text(100).optional(),
    level: BaseLevel.schema,
    applicantUnitKinds: z.array(UnitKind.schema).min(1, '至少应允许一种单位类型申报'),
    /** Who may apply, verbatim (培育建设对象 / 申报对象). */
    eligibility: Text(2000).optional(),
    form: Id,
    rubric: Id,
    /** The kind in certificate numbers ("{kind}"): a Chinese abbreviation or digits; default 1 点, 2 站, 3 区. */
    certificateCode: Text(6).optional(),
  })
  .strict();
export type BaseKindOffer = z.infer<typeof BaseKindOfferSchema>;

// --- Stages -----------------------------------------------------------------------------------------------------

export const ScheduleSchema = z
  .object({
    /** As published: "2022年3月", "2023 年 7 月-8 月中旬". */
    label: Text(100).optional(),
    opens: IsoDate.optional(),
    closes: IsoDate.optional(),
    /**
     * The dates bind: an officer's action of this stage outside them is refused. Otherwise it goes ahead with a
     * warning to the officer, recorded in the audit trail. (The application stage's window always binds.)
     */
    enforced: z.boolean().optional(),
  })
  .strict();
export type Schedule = z.infer<typeof ScheduleSchema>;

const stageHead = {
  id: Id,
  /** Our short Chinese name of the stage, shown in the UI. */
  name: Text(50),
  /** The published step, verbatim. */
  description: Text(2000).optional(),
  schedule: ScheduleSchema.optional(),
  /** The signed opinion block this stage fills in on the form, e.g. "县市场监管局推荐意见". */
  opinion: Text(100).optional(),
};

export const CultivationStageSchema = z
  .object({ ...stageHead, kind: z.literal('cultivation'), by: BodySchema.optional() })
  .strict();

export const ApplicationStageSchema = z
  .object({
    ...stageHead,
    kind: z.literal('application'),
    schedule: ScheduleSchema.extend({ closes: IsoDate }).strict(),
    submitTo: BodySchema,
    contact: z
      .object({ name: Text(50).optional(), phone: Text(50).optional(), address: Text(200).optional() })
      .strict()
      .optional(),
  })
  .strict();

export const QuotaSchema = z
  .object({ kind: Id, count: z.number().int('名额应为整数').positive('名额应大于0') })
  .strict();
export type Quota = z.infer<typeof QuotaSchema>;

export const DistrictReviewStageSchema = z
  .object({
    ...stageHead,
    kind: z.literal('district_review'),
    by: BodySchema,
    /** The reviewer scores applicants against the kind's rubric. */
    scoring: z.boolean().default(false),
    methods: z.array(AcceptanceMethod.schema).optional(),
    /** Recommend at most this many per kind, the best first (004: 3 points and 1 zone). */
    quota: z.array(QuotaSchema).optional(),
    recommendTo: BodySchema.optional(),
  })
  .strict();

export const AcceptanceStageSchema = z
  .object({
    ...stageHead,
    kind: z.literal('acceptance'),
    by: BodySchema,
    methods: z.array(AcceptanceMethod.schema).min(1, '至少应有一种验收方式'),
    /**
     * Methods of `methods` that must each have a recorded activity (date, people, findings) before an application
     * may pass, e.g. written pre-review and site visit. Absent: none is required.
     */
    requiredMethods: z.array(AcceptanceMethod.schema).optional(),
    /** At least this many sitting experts must have handed in a complete sheet before an application may pass. */
    minPanelSize: z.number().int('验收组人数应为整数').min(1, '验收组人数应大于0').max(50).optional(),
    scoring: z.boolean().default(false),
    /** "验收组", "专家". */
    panel: Text(100).optional(),
  })
  .strict();

export const PublicityStageSchema = z
  .object({
    ...stageHead,
    kind: z.literal('publicity'),
    by: BodySchema.optional(),
    /** Length in working days; absent when the programme does not say. */
    workingDays: z.number().int('公示天数应为整数').positive('公示天数应大于0').max(60).optional(),
    channel: Text(100).optional(),
    objections: z.boolean().default(true),
  })
  .strict();

export const ApprovalStageSchema = z
  .object({
    ...stageHead,
    kind: z.literal('approval'),
    by: BodySchema,
    /** Who decides: "局长办公会议". */
    approvalBody: Text(100),
  })
  .strict();

export const CertificationStageSchema = z
  .object({
    ...stageHead,
    kind: z.literal('certification'),
    by: BodySchema,
    outcomes: z.array(CertificationOutcome.schema).min(1, '至少应有一种认定结果'),
    reportTo: BodySchema.optional(),
  })
  .strict();

export const StageSchema = z.discriminatedUnion(
  'kind',
  [
    CultivationStageSchema,
    ApplicationStageSchema,
    DistrictReviewStageSchema,
    AcceptanceStageSchema,
    PublicityStageSchema,
    ApprovalStageSchema,
    CertificationStageSchema,
  ],
  { error: `阶段类型 kind 应为以下之一：${StageKind.values.join('、')}` },
);
export type Stage = z.infer<typeof StageSchema>;
export type CultivationStage = z.infer<typeof CultivationStageSchema>;
export type ApplicationStage = z.infer<typeof ApplicationStageSchema>;
export type DistrictReviewStage = z.infer<typeof DistrictReviewStageSchema>;
export type AcceptanceStage = z.infer<typeof AcceptanceStageSchema>;
export type PublicityStage = z.infer<typeof PublicityStageSchema>;
export type ApprovalStage = z.infer<typeof ApprovalStageSchema>;
export type CertificationStage = z.infer<typeof CertificationStageSchema>;

// --- Targets ----------------------------------------------------------------------------------------------------

/** Each listed jurisdiction must reach `atLeast` on its own (003's district groups share one row). */
export const TargetSchema = z
  .object({
    jurisdictions: z.array(JurisdictionCode).min(1, '至少应有一个辖区'),
    /** The published name of the group, e.g. "青山、江夏、黄陂、蔡甸、新洲区". */
    label: Text(200).optional(),
    subject: TargetSubject.schema.default('base'),
    /** Absent: bases of any kind ("基地（含区、站、点）"). */
    kind: BaseKind.schema.optional(),
    /** Absent: any level ("市、区两级"). */
    level: BaseLevel.schema.optional(),
    atLeast: z.number().int('目标数应为整数').min(1, '目标数应大于0'),
    from: IsoDate.optional(),
    due: IsoDate,
    note: Text(500).optional(),
  })
  .strict();
export type Target = z.infer<typeof TargetSchema>;

// --- Ongoing management -----------------------------------------------------------------------------------------

/**
 * A condition a certified base must keep meeting (动态管理), checked at each annual review. With `checks` (the rubric
 * engine's metric checks) the platform decides it from its own data when the data is there; without, the reviewing
 * officer judges it. `kinds` limits it to some base kinds (all when absent).
 */
export const MaintenanceConditionSchema = z
  .object({
    id: Id,
    text: Text(500),
    kinds: z.array(Id).min(1).optional(),
    checks: z.array(CheckSchema).min(1).max(10).optional(),
  })
  .strict();
export type MaintenanceCondition = z.infer<typeof MaintenanceConditionSchema>;

export const ManagementSchema = z
  .object({
    /** Verbatim, e.g. 002 art. 14. */
    publicListing: Text(1000).optional(),
    /** What the annual review checks; see MaintenanceConditionSchema. */
    maintenance: z.array(MaintenanceConditionSchema).max(30).optional(),
    /** Days a base found wanting is given to rectify (整改) by default; the officer may set another deadline. */
    rectificationDays: z.number().int().min(1).max(365).optional(),
    revocation: z
      .object({
        by: BodySchema,
        /** A revoked base may not reapply for this many years (002 art. 15: 2). */
        reapplyBanYears: z.number().int().min(0).max(10),
        grounds: z.array(Text(500)).min(1),
      })
      .strict()
      .optional(),
  })
  .strict();
export type Management = z.infer<typeof ManagementSchema>;
