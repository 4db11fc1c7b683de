/**
 * Request bodies of the people module (issue 13): the register's new fields (used by the expert schemas in
 * ./acceptance.ts), records of use, contact firms and their log, standard adopters.
 */
import { z } from 'zod';
import { bureauIndustry } from '../data/bureau-industries';
import { ExpertField } from '../enums';
import { Availability, ContactWay, PersonLevel, PersonRecordKind, PersonRole, Profession } from '../enums-people';
import { AttachmentRefSchema } from './ledger';
import { RecordVersion } from './version';

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`);
const optionalText = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过${max}个字`).nullish();
const IsoDay = z.iso.date('日期格式应为 YYYY-MM-DD');
const unique = <T>(items: readonly T[]) => new Set(items).size === items.length;

export const PersonRolesSchema = z
  .array(PersonRole.schema, { error: '请选择人员类别' })
  .min(1, '请至少选择一个人员类别')
  .max(4)
  .refine(unique, '人员类别不能重复');

export const ExpertFieldsSchema = z
  .array(ExpertField.schema, { error: '专业领域应为列表' })
  .max(5)
  .refine(unique, '专业领域不能重复');

export const LocalIndustriesSchema = z
  .array(
    z.string().refine((c) => bureauIndustry(c) !== undefined, '本地产业应从所属监管部门的产业目录中选择'),
    { error: '本地产业应为列表' },
  )
  .max(20, '本地产业最多20个')
  .refine(unique, '本地产业不能重复');

/** The register's fields beside the registry's (name, affiliation = organisation, field, industries …). */
export const personFields = {
  roles: PersonRolesSchema,
  profession: Profession.schema.nullish(),
  fields: ExpertFieldsSchema,
  localIndustries: LocalIndustriesSchema,
  level: PersonLevel.schema.nullish(),
  availability: Availability.schema,
  availabilityNote: optionalText('可邀请情况说明', 500),
};

export const PersonRecordInputSchema = z
  .object({
    kind: PersonRecordKind.schema,
    occurredOn: IsoDay,
    title: text('事项', 200),
    description: optionalText('情况说明', 5000),
    /** A case outside the platform: its number or another reference (free text). */
    caseRef: optionalText('案件编号或关联记录', 200),
    /** A rights clue or case on the platform, one the recording officer may see (checked by the server). */
    rightsClueId: z.uuid('维权线索编号格式不正确').nullish(),
  })
  .strict();
export type PersonRecordInput = z.infer<typeof PersonRecordInputSchema>;

export const PersonRecordQuerySchema = z.object({ kind: PersonRecordKind.schema.optional() }).strict();

const phone = z
  .string()
  .trim()
  .regex(/^[0-9()+\-\s转]{5,30}$/, '电话号码格式不正确')
  .nullish();

const contactFirmFields = {
  liaisonOfficerId: z.uuid('联络员编号格式不正确'),
  contactName: text('企业联系人', 50),
  contactPosition: optionalText('联系人职务', 50),
  contactPhone: phone,
  /** Days between contacts; absent: the bureau's default. */
  intervalDays: z.number().int('联系周期应为整数天').min(7, '联系周期至少7天').max(366, '联系周期不超过366天'),
  note: optionalText('备注', 1000),
};

export const ContactFirmInputSchema = z
  .object({
    unitId: z.uuid('单位编号格式不正确'),
    ...contactFirmFields,
    intervalDays: contactFirmFields.intervalDays.optional(),
  })
  .strict();
export type ContactFirmInput = z.infer<typeof ContactFirmInputSchema>;

export const ContactFirmPatchSchema = z
  .object({ ...contactFirmFields, active: z.boolean() })
  .partial()
  .extend({ version: RecordVersion })
  .strict();
export type ContactFirmPatch = z.infer<typeof ContactFirmPatchSchema>;

export const ContactFirmQuerySchema = z
  .object({
    jurisdictionCode: z
      .string()
      .regex(/^\d{6}$/, '辖区代码应为6位数字')
      .optional(),
    /** Only those whose next contact is due on or before the business date. */
    due: z.enum(['true', 'false']).optional(),
  })
  .strict();
export type ContactFirmQuery = z.infer<typeof ContactFirmQuerySchema>;

export const ContactLogInputSchema = z
  .object({
    contactedOn: IsoDay,
    way: ContactWay.schema,
    content: text('联系内容', 5000),
    /** Meant for the firm: shown on its own page and notified to its accounts. */
    sharedWithFirm: z.boolean().default(false),
  })
  .strict();
export type ContactLogInput = z.infer<typeof ContactLogInputSchema>;

export const AdoptionInputSchema = z
  .object({
    /** Since when the unit implements the standard. */
    adoptedOn: IsoDay,
    statement: text('贯标情况说明', 5000),
    attachments: z.array(AttachmentRefSchema).min(1, '请上传贯标证明材料').max(20, '附件最多20个'),
  })
  .strict();
export type AdoptionInput = z.infer<typeof AdoptionInputSchema>;

export const AdoptionDecisionSchema = z
  .object({
    status: z.enum(['confirmed', 'rejected'], { error: '处理结果应为 confirmed（确认）或 rejected（不予确认）' }),
    note: optionalText('审核意见', 2000),
    version: RecordVersion,
  })
  .strict()
  .refine((d) => d.status === 'confirmed' || (d.note ?? '').trim().length > 0, {
    path: ['note'],
    message: '不予确认时请填写理由',
  });
export type AdoptionDecision = z.infer<typeof AdoptionDecisionSchema>;

export const AdoptionQuerySchema = z
  .object({
    status: z.enum(['declared', 'confirmed', 'rejected']).optional(),
  })
  .strict();
export type AdoptionQuery = z.infer<typeof AdoptionQuerySchema>;
