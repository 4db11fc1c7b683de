/**
 * Unit input schemas, shared by the API (validation, OpenAPI) and the web forms (inline checks).
 */
import { z } from 'zod';
import { checkCreditCode, creditCodeMessage } from '../../core/credit-code';
import { INDUSTRY_DIVISIONS } from '../data/industries';
import { ContactRole, UnitKind } from '../enums';
import { RecordVersion } from './version';

const DIVISION_CODES = new Set(INDUSTRY_DIVISIONS.map((d) => d.code));

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`);
const optionalText = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过${max}个字`).nullish();

export const CreditCodeSchema = z
  .string({ error: '请填写统一社会信用代码' })
  .trim()
  .superRefine((value, ctx) => {
    const message = creditCodeMessage(checkCreditCode(value));
    if (message) ctx.addIssue({ code: 'custom', message });
  });

export const PostcodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, '邮政编码应为6位数字');

const PhoneSchema = z
  .string()
  .trim()
  .regex(/^[0-9()+\-\s转]{5,30}$/, '电话号码格式不正确')
  .nullish();

export const ContactInputSchema = z
  .object({
    role: ContactRole.schema,
    name: text('姓名', 50),
    department: optionalText('部门', 100),
    position: optionalText('职务', 100),
    officePhone: PhoneSchema,
    mobile: z
      .string()
      .trim()
      .regex(/^1\d{10}$/, '手机号码应为11位数字')
      .nullish(),
    email: z.email('电子邮箱格式不正确').nullish(),
    remark: optionalText('备注', 200),
  })
  .strict();
export type ContactInput = z.infer<typeof ContactInputSchema>;

export const UnitInputSchema = z
  .object({
    kind: UnitKind.schema,
    name: text('单位名称', 100),
    creditCode: CreditCodeSchema,
    legalRepresentative: text('法定代表人/负责人', 50),
    address: text('地址', 200),
    postcode: PostcodeSchema,
    industryCode: z
      .string()
      .refine((c) => DIVISION_CODES.has(c), '所属行业应为国民经济行业分类（GB/T 4754-2017）的大类代码'),
    staffCount: z.number().int('员工数量应为整数').min(0, '员工数量不能为负').max(10_000_000).nullish(),
    annualOutput: z.number().min(0, '年产值不能为负').max(1e12).nullish(),
    jurisdictionCode: z.string().regex(/^\d{6}$/, '请选择所属辖区'),
    parkId: z.uuid('所在园区无效').nullish(),
    memberIds: z.array(z.uuid()).max(2000).optional(),
    contacts: z.array(ContactInputSchema).max(20, '联系人最多20名').optional(),
  })
  .strict();
export type UnitInput = z.infer<typeof UnitInputSchema>;

export const UnitPatchSchema = UnitInputSchema.omit({ kind: true })
  .partial()
  .extend({ version: RecordVersion })
  .strict();
export type UnitPatch = z.infer<typeof UnitPatchSchema>;
