/** Queries and bodies of the jurisdiction picture and the reports upward (issue 14; routes/reports.ts). */
import { z } from 'zod';

const Year = z.coerce.number().int('年度应为整数').min(2000, '年度不能早于2000年').max(2100, '年度不能晚于2100年');
const Quarter = z.coerce
  .number()
  .int('季度应为1至4')
  .min(1, '季度应为1至4')
  .max(4, '季度应为1至4')
  .transform((q) => q as 1 | 2 | 3 | 4);
const JurisdictionCode = z.string().regex(/^\d{6}$/, '辖区代码应为6位数字');

export const PictureQuerySchema = z
  .object({
    jurisdictionCode: JurisdictionCode.optional(),
    year: Year,
    quarter: Quarter.optional(),
    programmeId: z.uuid('工作方案编号格式不正确').optional(),
  })
  .strict();

export const ReportStatusQuerySchema = z
  .object({ jurisdictionCode: JurisdictionCode.optional(), year: Year, quarter: Quarter.optional() })
  .strict();

export const SubmitReportSchema = z
  .object({
    year: Year,
    quarter: Quarter.optional(),
    programmeId: z.uuid('工作方案编号格式不正确').optional(),
    reason: z.string().trim().min(1, '请填写重新报送的原因').max(500, '原因不能超过500个字').optional(),
  })
  .strict();
