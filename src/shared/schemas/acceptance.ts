/**
 * Request bodies of the expert registry and the acceptance API (src/server/routes/experts.ts, acceptance.ts):
 * experts, conflicts of interest, the panel, expert sheets, acceptance activities and the comprehensive opinion.
 */
import { z } from 'zod';
import { AcceptanceMethod } from '../../core/programs/enums';
import { bureauIndustry } from '../data/bureau-industries';
import { INDUSTRY_DIVISIONS } from '../data/industries';
import { ConflictKind, ExpertField } from '../enums';
import { Availability, PersonLevel, PersonRole, Profession } from '../enums-people';
import { personFields } from './people';
import { RecordVersion } from './version';

const DIVISION_CODES = new Set(INDUSTRY_DIVISIONS.map((d) => d.code));

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`);
const optionalText = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过${max}个字`).nullish();

export const IndustryCodesSchema = z
  .array(
    z.string().refine((c) => DIVISION_CODES.has(c), '熟悉行业应为国民经济行业分类（GB/T 4754-2017）的大类代码'),
    { error: '熟悉行业应为行业代码列表' },
  )
  .max(20, '熟悉行业最多20个')
  .refine((codes) => new Set(codes).size === codes.length, '熟悉行业不能重复');

const expertFields = {
  name: text('姓名', 50),
  affiliation: text('工作单位', 100),
  field: ExpertField.schema,
  industries: IndustryCodesSchema.default([]),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9()+\-\s转]{5,30}$/, '电话号码格式不正确')
    .nullish(),
  email: z.email('电子邮箱格式不正确').nullish(),
  /** Former employers and other ties, shown when assigning. */
  background: optionalText('履历与关联情况', 2000),
  /** The bureau whose registry holds the expert. */
  jurisdictionCode: z.string().regex(/^\d{6}$/, '请选择专家库所属辖区'),
  /** The expert's login (an account with role expert), so it can score online. */
  userId: z.uuid('专家账号编号格式不正确').nullish(),
};

/** A new person: the registry's experts were all acceptance experts, so that stays the default role. */
export const ExpertInputSchema = z
  .object({
    ...expertFields,
    ...personFields,
    roles: personFields.roles.default(['acceptance_expert']),
    fields: personFields.fields.default([]),
    localIndustries: personFields.localIndustries.default([]),
    availability: personFields.availability.default('available'),
  })
  .strict();
export type ExpertInput = z.infer<typeof ExpertInputSchema>;

export const ExpertPatchSchema = z
  .object({
    ...expertFields,
    ...personFields,
    industries: IndustryCodesSchema,
    /** Inactive experts stay in the registry and on past panels but cannot be assigned. */
    active: z.boolean(),
  })
  .partial()
  .extend({ version: RecordVersion })
  .strict();
export type ExpertPatch = z.infer<typeof ExpertPatchSchema>;

export const ExpertListQuerySchema = z
  .object({
    field: ExpertField.schema.optional(),
    industry: z
      .string()
      .refine((c) => DIVISION_CODES.has(c), '行业应为国民经济行业分类（GB/T 4754-2017）的大类代码')
      .optional(),
    q: z.string().trim().max(64).optional(),
    active: z.enum(['true', 'false']).optional(),
    role: PersonRole.schema.optional(),
    profession: Profession.schema.optional(),
    level: PersonLevel.schema.optional(),
    availability: Availability.schema.optional(),
    localIndustry: z
      .string()
      .max(64)
      .refine((c) => bureauIndustry(c) !== undefined, '本地产业不在产业目录中')
      .optional(),
  })
  .strict();
export type ExpertListQuery = z.infer<typeof ExpertListQuerySchema>;

export const ConflictDeclareSchema = z
  .object({
    unitId: z.uuid('单位编号格式不正确'),
    kind: ConflictKind.schema,
    note: optionalText('说明', 2000),
  })
  .strict();
export type ConflictDeclare = z.infer<typeof ConflictDeclareSchema>;

export const ConflictDecisionSchema = z
  .object({
    status: z.enum(['confirmed', 'dismissed'], { error: '处理结果应为 confirmed（确认）或 dismissed（不构成冲突）' }),
  })
  .strict();
export type ConflictDecision = z.infer<typeof ConflictDecisionSchema>;

export const PanelAssignSchema = z.object({ expertId: z.uuid('专家编号格式不正确') }).strict();
export type PanelAssign = z.infer<typeof PanelAssignSchema>;

export const RecusalSchema = z.object({ reason: text('回避理由', 1000) }).strict();
export type Recusal = z.infer<typeof RecusalSchema>;

export const PanelSheetSchema = z
  .object({
    /** Score or met per rubric node; each item's comment goes in its `note`. */
    answers: z.record(z.string(), z.unknown()),
    /** The expert's overall comment. */
    comment: optionalText('评审意见', 5000),
    /** The sheet's version as read; a stale one is refused (409). Absent on the first save. */
    version: RecordVersion.optional(),
  })
  .strict();
export type PanelSheet = z.infer<typeof PanelSheetSchema>;

export const AcceptanceActivityInputSchema = z
  .object({
    method: AcceptanceMethod.schema,
    occurredOn: z.iso.date('日期格式应为 YYYY-MM-DD'),
    people: text('参加人员', 1000),
    findings: text('核查情况', 10_000),
  })
  .strict();
export type AcceptanceActivityInput = z.infer<typeof AcceptanceActivityInputSchema>;

export const AcceptanceOpinionSchema = z
  .object({
    opinion: text('综合验收意见', 5000),
    version: RecordVersion,
  })
  .strict();
export type AcceptanceOpinionInput = z.infer<typeof AcceptanceOpinionSchema>;
