/** Request bodies of the application API (src/server/routes/applications.ts). */
import { z } from 'zod';
import { ApplicationAction } from '../../core/applications/workflow';
import { DecisionForm, RevocationGround } from '../enums';
import { AttachmentRefSchema } from './ledger';
import { RecordVersion } from './version';

const IsoDay = z.iso.date('日期格式应为 YYYY-MM-DD');

const FormValue = z.union([z.string().max(20_000), z.number(), z.null()]);

export const ApplicationCreateSchema = z.object({ selfAssessmentId: z.uuid('自评编号格式不正确') }).strict();

export const ApplicationPatchSchema = z
  .object({
    version: RecordVersion,
    formData: z.record(z.string(), FormValue).optional(),
    narrative: z.string().max(50_000, '工作开展情况不能超过50000个字').optional(),
    applicantOpinion: z.string().max(2000, '申报单位意见不能超过2000个字').optional(),
    attachments: z.array(AttachmentRefSchema).max(50, '附件最多50个').optional(),
    /** Rubric answers (as in a self-assessment), checked against the kind's rubric. */
    answers: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type ApplicationPatch = z.infer<typeof ApplicationPatchSchema>;

/** A revocation (撤销认定): the grounds of 002 art. 15, the date and the revoking document. */
export const RevocationSchema = z
  .object({
    ground: RevocationGround.schema,
    revokedOn: IsoDay,
    document: z.string().trim().min(1, '请填写撤销文号').max(100),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();
export type RevocationInput = z.infer<typeof RevocationSchema>;

export const TransitionSchema = z
  .object({
    action: ApplicationAction.schema,
    /** The version the actor read; a stale one is refused (409) rather than acting on changed data. */
    version: RecordVersion,
    /** Reason or opinion: required to return, not to recommend, to fail. */
    comment: z.string().trim().max(5000, '意见不能超过5000个字').optional(),
    /** certify: the approval decision; the certificate number is issued by the platform. */
    decision: z
      .object({
        form: DecisionForm.schema,
        /** 文号 in the programme's pattern, e.g. 普市监公平〔2022〕12号; required for a document decision. */
        number: z.string().trim().max(100).optional(),
        decidedOn: IsoDay,
        /** The plaque's text; default: the unit's name and the base's title. */
        plaqueText: z.string().trim().max(200).optional(),
      })
      .strict()
      .optional(),
    /** revoke: the grounds of 002 art. 15, the date and the revoking document. */
    revocation: RevocationSchema.optional(),
  })
  .strict();
export type TransitionInput = z.infer<typeof TransitionSchema>;

export const DistrictReviewSchema = z
  .object({
    version: RecordVersion,
    /** The reviewer's answers against the rubric (scores or met per node). */
    answers: z.record(z.string(), z.unknown()),
    opinion: z.string().trim().max(5000, '推荐意见不能超过5000个字').optional(),
  })
  .strict();
export type DistrictReviewInput = z.infer<typeof DistrictReviewSchema>;
