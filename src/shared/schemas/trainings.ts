/** Input schemas of the trainings module, shared by server routes and web forms. */
import { z } from 'zod';
import { TrainingAudience, TrainingKind, TrainingVenueRole } from '../enums-trainings';
import { AttachmentRefSchema } from './ledger';
import { RecordVersion } from './version';

/** A question of a feedback survey: a rating from 1 to 5, or free text. */
export const SurveyQuestionSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, '题目编号格式不正确'),
    type: z.enum(['rating', 'text']),
    text: z.string().trim().min(1).max(200),
    optional: z.boolean().optional(),
  })
  .strict();
export type SurveyQuestion = z.infer<typeof SurveyQuestionSchema>;

const IsoDay = z.iso.date('日期格式应为 YYYY-MM-DD');
const Code = z.string().regex(/^\d{6}$/, '辖区代码应为6位数字');
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .nullish()
    .transform((v) => v || null);

export const TrainingSessionInputSchema = z
  .object({
    title: z.string().trim().min(1, '请填写议程主题').max(200, '议程主题不能超过200个字'),
    startsAt: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm')
      .nullish()
      .transform((v) => v ?? null),
    speakerExpertId: z
      .uuid('主讲人编号格式不正确')
      .nullish()
      .transform((v) => v ?? null),
    speakerName: optionalText(50, '主讲人姓名'),
    speakerTitle: optionalText(100, '主讲人职务'),
  })
  .strict();

export const TrainingVenueInputSchema = z
  .object({
    role: TrainingVenueRole.schema,
    name: z.string().trim().min(1, '请填写会场名称').max(100, '会场名称不能超过100个字'),
    hostJurisdictionCode: Code,
    capacity: z.number().int('容纳人数应为整数').min(1, '容纳人数至少为1').max(100_000, '容纳人数过大'),
    address: optionalText(200, '地址'),
    onlineUrl: z
      .url({ protocol: /^https?$/, error: '线上链接应为 http(s) 地址' })
      .max(500, '线上链接过长')
      .nullish()
      .transform((v) => v ?? null),
  })
  .strict()
  .refine((v) => v.address || v.onlineUrl, { message: '请填写会场地址或线上链接', path: ['address'] });

const eventFields = {
  kind: TrainingKind.schema,
  title: z.string().trim().min(1, '请填写活动名称').max(200, '活动名称不能超过200个字'),
  description: optionalText(5000, '活动简介'),
  audience: TrainingAudience.schema,
  startsOn: IsoDay,
  endsOn: IsoDay,
  sessions: z.array(TrainingSessionInputSchema).max(50, '议程最多50项'),
  venues: z.array(TrainingVenueInputSchema).min(1, '至少设一个会场').max(50, '会场最多50个'),
  materials: z.array(AttachmentRefSchema).max(20, '资料最多20个'),
};

const datesInOrder = (v: { startsOn?: string; endsOn?: string }) => !v.startsOn || !v.endsOn || v.endsOn >= v.startsOn;
const DATES = { message: '结束日期不能早于开始日期', path: ['endsOn'] };

export const TrainingEventInputSchema = z
  .object({ ...eventFields, ownerJurisdictionCode: Code })
  .strict()
  .refine(datesInOrder, DATES);
export type TrainingEventInput = z.infer<typeof TrainingEventInputSchema>;

export const TrainingEventPatchSchema = z
  .object({ ...eventFields, cancelled: z.boolean() })
  .partial()
  .extend({ version: RecordVersion })
  .strict()
  .refine(datesInOrder, DATES);
export type TrainingEventPatch = z.infer<typeof TrainingEventPatchSchema>;

const Attendee = z
  .object({
    name: z.string().trim().min(1, '请填写参会人员姓名').max(50, '姓名不能超过50个字'),
    position: optionalText(100, '职务'),
    mobile: z
      .string()
      .regex(/^1\d{10}$/, '手机号码应为11位数字')
      .nullish()
      .transform((v) => v ?? null),
  })
  .strict();

export const TrainingRegistrationInputSchema = z
  .object({
    venueId: z.uuid('会场编号格式不正确'),
    unitId: z.uuid('单位编号格式不正确'),
    attendees: z.array(Attendee).min(1, '至少报名1人').max(50, '一次最多报名50人'),
  })
  .strict();
export type TrainingRegistrationInput = z.infer<typeof TrainingRegistrationInputSchema>;

/** A walk-in recorded at the door: a registered unit, or the name of a unit without an account. */
export const TrainingWalkInInputSchema = z
  .object({
    venueId: z.uuid('会场编号格式不正确'),
    unitId: z
      .uuid('单位编号格式不正确')
      .nullish()
      .transform((v) => v ?? null),
    unitName: optionalText(100, '单位名称'),
    attendee: Attendee,
  })
  .strict()
  .refine((v) => v.unitId || v.unitName, { message: '请选择单位或填写单位名称', path: ['unitName'] });
export type TrainingWalkInInput = z.infer<typeof TrainingWalkInInputSchema>;

export const TrainingFeedbackInputSchema = z
  .object({
    answers: z.record(
      z.string().max(40),
      z.union([z.number().int().min(1, '评分应为1–5').max(5, '评分应为1–5'), z.string().trim().max(2000)]),
    ),
  })
  .strict();
export type TrainingFeedbackInput = z.infer<typeof TrainingFeedbackInputSchema>;

export const TrainingListQuerySchema = z
  .object({
    kind: TrainingKind.schema.optional(),
    from: IsoDay.optional(),
    to: IsoDay.optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
  })
  .strict();
export type TrainingListQuery = z.infer<typeof TrainingListQuerySchema>;

export const TrainingStatsQuerySchema = z.object({ from: IsoDay.optional(), to: IsoDay.optional() }).strict();
export type TrainingStatsQuery = z.infer<typeof TrainingStatsQuerySchema>;
