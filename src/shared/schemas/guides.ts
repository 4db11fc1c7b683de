/** Request bodies and queries of the guides and rules library (src/server/routes/guides.ts). */
import { z } from 'zod';
import { INDUSTRY_DIVISIONS } from '../data/industries';
import { GuideKind, GuideVisibility } from '../enums-services';
import { AttachmentRefSchema } from './ledger';
import { optionalText, text } from './services';

const DIVISION_CODES = new Set(INDUSTRY_DIVISIONS.map((d) => d.code));
const IndustryCode = z
  .string()
  .refine((c) => DIVISION_CODES.has(c), '行业应为国民经济行业分类（GB/T 4754-2017）的大类代码');

const versionFields = {
  title: text('标题', 200),
  summary: text('摘要', 1000),
  body: text('正文', 100_000),
  file: AttachmentRefSchema,
};

export const GuideInputSchema = z
  .object({
    kind: GuideKind.schema,
    industryCode: IndustryCode.nullish(),
    visibility: GuideVisibility.schema,
    ...versionFields,
  })
  .strict();
export type GuideInput = z.infer<typeof GuideInputSchema>;

export const GuideVersionInputSchema = z
  .object({
    ...versionFields,
    changeNote: optionalText('修订说明', 1000),
    /** The version the editor started from: a newer one published meanwhile is a 409. */
    baseVersion: z.number().int().positive().max(100_000, '版本号不正确'),
  })
  .strict();
export type GuideVersionInput = z.infer<typeof GuideVersionInputSchema>;

export const GuideQuerySchema = z
  .object({
    q: z.string().trim().max(100, '关键词不能超过100个字').optional(),
    kind: GuideKind.schema.optional(),
    industryCode: IndustryCode.optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
  })
  .strict();
export type GuideQuery = z.infer<typeof GuideQuerySchema>;
