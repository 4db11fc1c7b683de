/**
 * Request bodies and queries of publicity (公示), objections (异议), the public registry of bases (示范基地名录),
 * targets (建设任务) and the working-day calendar (routes/publicity.ts, registry.ts, targets.ts,
 * calendar.ts).
 */
import { z } from 'zod';
import { BaseKind, BaseLevel } from '../../core/programs/enums';
import { AttachmentRefSchema } from './ledger';
import { RecordVersion } from './version';

const IsoDay = z.iso.date('日期格式应为 YYYY-MM-DD');
const Uuid = (what: string) => z.uuid(`${what}格式不正确`);

export const PublicityCreateSchema = z
  .object({
    programmeId: Uuid('工作方案编号'),
    title: z.string().trim().min(1, '请填写公示标题').max(200, '公示标题不能超过200个字'),
    body: z.string().trim().max(20_000, '公示正文不能超过20000个字').default(''),
    /** The day the notice is published; counting starts on the first working day on or after it. */
    startsOn: IsoDay,
    applicationIds: z
      .array(Uuid('申报编号'))
      .min(1, '请至少选择一个验收通过的申报')
      .max(500, '一次公示最多500个申报')
      .refine((ids) => new Set(ids).size === ids.length, '申报不能重复'),
  })
  .strict();
export type PublicityCreateInput = z.infer<typeof PublicityCreateSchema>;

export const PublicityQuerySchema = z
  .object({
    programmeId: Uuid('工作方案编号').optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type PublicityQuery = z.infer<typeof PublicityQuerySchema>;

/** Anyone may object while the notice is open; the name and a way to reach the objector are required. */
export const ObjectionCreateSchema = z
  .object({
    applicationId: Uuid('申报编号'),
    name: z.string({ error: '请填写异议人姓名或单位名称' }).trim().min(1, '请填写异议人姓名或单位名称').max(100),
    contact: z
      .string({ error: '请填写联系方式（电话或电子邮箱）' })
      .trim()
      .min(5, '请填写联系方式（电话或电子邮箱）')
      .max(200, '联系方式不能超过200个字'),
    reasons: z
      .string({ error: '请填写异议理由' })
      .trim()
      .min(10, '异议理由至少10个字')
      .max(10_000, '异议理由不能超过10000个字'),
    attachments: z.array(AttachmentRefSchema).max(10, '附件最多10个').optional(),
  })
  .strict();
export type ObjectionCreateInput = z.infer<typeof ObjectionCreateSchema>;

export const ObjectionQuerySchema = z
  .object({
    noticeId: Uuid('公示编号').optional(),
    applicationId: Uuid('申报编号').optional(),
    state: z.enum(['unresolved', 'resolved']).optional(),
  })
  .strict();
export type ObjectionQuery = z.infer<typeof ObjectionQuerySchema>;

export const ObjectionResolutionSchema = z
  .object({
    /** The written result of checking the objection (核查处理结果). */
    resolution: z.string().trim().min(1, '请填写异议处理结果').max(10_000, '处理结果不能超过10000个字'),
    /** True: the objection holds — the application may not be approved. */
    upheld: z.boolean({ error: '请选择异议是否成立' }),
    version: RecordVersion,
  })
  .strict();
export type ObjectionResolutionInput = z.infer<typeof ObjectionResolutionSchema>;

// --- Registry ---------------------------------------------------------------------------------------------------

export const BaseStatus = z.enum(['active', 'revoked']);
export type BaseStatus = z.infer<typeof BaseStatus>;

export const RegistryQuerySchema = z
  .object({
    /** Part of the unit's name. */
    q: z.string().trim().max(100, '关键词不能超过100个字').optional(),
    level: BaseLevel.schema.optional(),
    category: BaseKind.schema.optional(),
    /** The jurisdiction and everything below it. */
    jurisdictionCode: z
      .string()
      .regex(/^\d{6}$/, '辖区代码应为6位数字')
      .optional(),
    /** GB/T 4754 division (two digits). */
    industryCode: z
      .string()
      .regex(/^\d{2}$/, '行业代码应为2位数字')
      .optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    status: BaseStatus.optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type RegistryQuery = z.infer<typeof RegistryQuerySchema>;

export const CertificateParams = z
  .object({
    certificateNo: z
      .string()
      .max(64)
      .regex(/^[0-9A-Za-z_.-]+$/, '证书编号格式不正确'),
  })
  .strict();

// --- Targets ----------------------------------------------------------------------------------------------------

export const TargetsQuerySchema = z.object({ programmeId: Uuid('工作方案编号') }).strict();

// --- Calendar ---------------------------------------------------------------------------------------------------

export const CalendarDateParams = z.object({ date: IsoDay }).strict();

export const CalendarOverrideSchema = z
  .object({
    /** true: a working day (e.g. a make-up day announced late); false: a day off. */
    workday: z.boolean({ error: '请选择是否为工作日' }),
    note: z.string().trim().max(200, '说明不能超过200个字').optional(),
  })
  .strict();
export type CalendarOverrideInput = z.infer<typeof CalendarOverrideSchema>;

/** A year's announced arrangement (国务院办公厅关于某年部分节假日安排的通知), entered in one form. */
export const CalendarYearParams = z
  .object({ year: z.coerce.number().int('年份应为整数').min(2000, '年份不早于2000年').max(2100, '年份不晚于2100年') })
  .strict();

export const CalendarYearSchema = z
  .object({
    holidays: z
      .array(
        z
          .object({
            name: z.string().trim().min(1, '请填写节日名称').max(20, '节日名称不能超过20个字'),
            from: IsoDay,
            to: IsoDay,
          })
          .strict(),
      )
      .min(1, '请至少填写一个假期')
      .max(20, '假期不能超过20个'),
    /** Make-up working days (调休上班), usually Saturdays or Sundays. */
    workdays: z.array(IsoDay).max(30, '调休上班日不能超过30个').default([]),
  })
  .strict();
export type CalendarYearInput = z.infer<typeof CalendarYearSchema>;

export const CalendarOverrideQuerySchema = z.object({ from: IsoDay.optional(), to: IsoDay.optional() }).strict();

export const WorkingDaysQuerySchema = z
  .object({
    start: IsoDay,
    days: z.coerce.number().int('天数应为整数').min(1, '天数应大于0').max(250, '天数不能超过250'),
  })
  .strict();
