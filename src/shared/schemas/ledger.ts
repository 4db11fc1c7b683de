import { z } from 'zod';
import { LedgerKind } from '../enums';
import { RecordVersion } from './version';

export const AttachmentRefSchema = z
  .object({
    sha256: z.string().regex(/^[0-9a-f]{64}$/, '附件标识应为64位十六进制 SHA-256'),
    fileName: z.string().trim().min(1).max(200, '文件名不能超过200个字'),
  })
  .strict();
export type AttachmentRef = z.infer<typeof AttachmentRefSchema>;

const IsoDay = z.iso.date('日期格式应为 YYYY-MM-DD');

export const LedgerEntryInputSchema = z
  .object({
    unitId: z.uuid('单位编号格式不正确'),
    kind: LedgerKind.schema,
    occurredOn: IsoDay,
    title: z.string().trim().min(1, '请填写主题').max(200, '主题不能超过200个字'),
    description: z.string().trim().max(5000, '内容不能超过5000个字').nullish(),
    participants: z.number().int('人数应为整数').min(0).max(1_000_000).nullish(),
    reachPercent: z.number().min(0, '覆盖比例应在0–100之间').max(100, '覆盖比例应在0–100之间').nullish(),
    firmsCovered: z.number().int().min(0).max(1_000_000).nullish(),
    guideId: z.uuid().nullish(),
    details: z.record(z.string(), z.union([z.string().max(2000), z.number(), z.boolean()])).optional(),
    attachments: z.array(AttachmentRefSchema).max(20, '附件最多20个').optional(),
  })
  .strict();
export type LedgerEntryInput = z.infer<typeof LedgerEntryInputSchema>;

export const LedgerEntryPatchSchema = LedgerEntryInputSchema.omit({ unitId: true })
  .partial()
  .extend({ version: RecordVersion })
  .strict();
export type LedgerEntryPatch = z.infer<typeof LedgerEntryPatchSchema>;
