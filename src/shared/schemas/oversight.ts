/**
 * Request bodies and queries of the ongoing management of certified bases (动态管理): annual reviews with their
 * maintenance conditions, rectification follow-ups, incentives (routes/oversight.ts, registry.ts).
 */
import { z } from 'zod';
import { IncentiveKind, RectificationOutcome, ReviewOutcome } from '../enums-oversight';
import { RevocationSchema } from './application';
import { RecordVersion } from './version';

const IsoDay = z.iso.date('日期格式应为 YYYY-MM-DD');
const Year = z.coerce.number().int('年度应为整数').min(2000, '年度不能早于2000年').max(2100, '年度不能晚于2100年');
const Findings = (what: string) => z.string().trim().min(1, `请填写${what}`).max(10_000, `${what}不能超过10000个字`);

export const AnnualReviewSchema = z
  .object({
    year: Year,
    outcome: ReviewOutcome.schema,
    findings: Findings('复核情况'),
    /** The officer's judgement of each condition the platform cannot decide from its data (by condition id). */
    judgments: z
      .array(z.object({ id: z.string().min(1).max(64), met: z.boolean() }).strict())
      .max(30)
      .default([]),
    /** rectify: the deadline of the rectification (整改期限). */
    rectifyBy: IsoDay.optional(),
    /** revoke: the revocation itself, taken through the application's revoke action in the same transaction. */
    revocation: RevocationSchema.optional(),
  })
  .strict();
export type AnnualReviewInput = z.infer<typeof AnnualReviewSchema>;

export const ReviewParams = z
  .object({
    certificateNo: z
      .string()
      .max(64)
      .regex(/^[0-9A-Za-z_.-]+$/, '证书编号格式不正确'),
    year: Year,
  })
  .strict();

export const RectificationSchema = z
  .object({
    version: RecordVersion,
    outcome: RectificationOutcome.schema,
    findings: Findings('整改验收情况'),
    rectifiedOn: IsoDay,
    revocation: RevocationSchema.optional(),
  })
  .strict();
export type RectificationInput = z.infer<typeof RectificationSchema>;

/** Which bases a review list shows: all of the programme's, those not yet reviewed this year, under rectification… */
export const ReviewListStatus = z.enum(['all', 'unreviewed', 'rectifying', 'overdue', 'revoked']);

export const BaseReviewsQuerySchema = z
  .object({
    programmeId: z.uuid('工作方案编号格式不正确'),
    year: Year,
    status: ReviewListStatus.default('all'),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type BaseReviewsQuery = z.infer<typeof BaseReviewsQuerySchema>;

export const IncentiveSchema = z
  .object({
    kind: IncentiveKind.schema,
    measure: z.string().trim().min(1, '请填写激励措施').max(500, '激励措施不能超过500个字'),
    amountYuan: z
      .number({ error: '金额应为数字' })
      .min(0, '金额不能为负数')
      .max(10_000_000_000, '金额不能超过100亿元')
      // Written out as a decimal, not multipleOf: a float such as 999999999999.9993 passes a tolerant check.
      .refine((v) => /^\d+(\.\d{1,2})?$/.test(String(v)), '金额最多保留两位小数')
      .optional(),
    grantedOn: IsoDay,
    document: z.string().trim().max(100, '文号不能超过100个字').optional(),
    note: z.string().trim().max(2000, '备注不能超过2000个字').optional(),
  })
  .strict();
export type IncentiveInput = z.infer<typeof IncentiveSchema>;

export const IncentivesQuerySchema = z
  .object({
    programmeId: z.uuid('工作方案编号格式不正确').optional(),
    year: Year.optional(),
    kind: IncentiveKind.schema.optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type IncentivesQuery = z.infer<typeof IncentivesQuerySchema>;
