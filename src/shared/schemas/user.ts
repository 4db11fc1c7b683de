import { z } from 'zod';
import { Role } from '../enums';
import { UnitInputSchema } from './unit';
import { RecordVersion } from './version';

export const UsernameSchema = z
  .string({ error: '请填写用户名' })
  .trim()
  .regex(/^[a-z0-9_.-]{3,32}$/, '用户名为3–32位小写字母、数字、下划线、点或连字符');
export const PasswordSchema = z.string({ error: '请填写密码' }).min(8, '密码至少8位').max(128, '密码不能超过128位');

const roleBinding = <T extends { role?: string; unitId?: string | null; jurisdictionCode?: string | null }>(
  value: T,
  ctx: z.RefinementCtx,
) => {
  if (value.role === 'applicant' && !value.unitId) {
    ctx.addIssue({ code: 'custom', path: ['unitId'], message: '申报单位账号必须绑定一个单位' });
  }
  if (value.role === 'officer' && !value.jurisdictionCode) {
    ctx.addIssue({ code: 'custom', path: ['jurisdictionCode'], message: '监管部门账号必须绑定一个辖区' });
  }
};

export const UserCreateSchema = z
  .object({
    username: UsernameSchema,
    displayName: z.string().trim().min(1, '请填写姓名/名称').max(50),
    password: PasswordSchema,
    role: Role.schema,
    unitId: z.uuid().nullish(),
    jurisdictionCode: z
      .string()
      .regex(/^\d{6}$/, '辖区代码应为6位数字')
      .nullish(),
    phone: z.string().trim().max(30).nullish(),
    /** Notifications are e-mailed here when SMTP is configured. */
    email: z.email('电子邮箱格式不正确').max(200).nullish(),
  })
  .strict()
  .superRefine(roleBinding);
export type UserCreate = z.infer<typeof UserCreateSchema>;

export const UserPatchSchema = z
  .object({
    displayName: z.string().trim().min(1).max(50).optional(),
    role: Role.schema.optional(),
    unitId: z.uuid().nullish(),
    jurisdictionCode: z
      .string()
      .regex(/^\d{6}$/)
      .nullish(),
    phone: z.string().trim().max(30).nullish(),
    email: z.email('电子邮箱格式不正确').max(200).nullish(),
    disabled: z.boolean().optional(),
    /** Admin password reset. */
    password: PasswordSchema.optional(),
    version: RecordVersion,
  })
  .strict();
export type UserPatch = z.infer<typeof UserPatchSchema>;

/** Public self-registration: a unit and its first applicant account together. */
/** The name a registering unit chooses; the platform appends "-" and 4 characters, so it leaves room for them. */
export const ChosenUsernameSchema = z
  .string({ error: '请填写用户名' })
  .trim()
  .regex(/^[a-z0-9_.-]{3,27}$/, '用户名为3–27位小写字母、数字、下划线、点或连字符');

export const SelfRegistrationSchema = z
  .object({
    username: ChosenUsernameSchema,
    password: PasswordSchema,
    displayName: z.string().trim().min(1, '请填写联系人姓名').max(50),
    phone: z.string().trim().max(30).nullish(),
    unit: UnitInputSchema.omit({ memberIds: true }),
  })
  .strict();
export type SelfRegistration = z.infer<typeof SelfRegistrationSchema>;

export const LoginSchema = z
  .object({
    username: z.string({ error: '请填写用户名' }).trim().min(1, '请填写用户名').max(64),
    password: z.string({ error: '请填写密码' }).min(1, '请填写密码').max(128),
  })
  .strict();
