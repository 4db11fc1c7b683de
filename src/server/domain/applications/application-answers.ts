import { type AnswerSet, parseAnswers } from '../../../core/rubric/answers';
import type { Rubric } from '../../../core/rubric/schema';
import type { applications } from '../../db/schema';
import { AppError } from '../../errors';
import { type CitedFile, evidenceFiles, filesAt } from '../attachments/attachment-holders';

/** Rubric answers checked against the rubric, or a 400 listing every problem under `prefix`. */
export function requireAnswers(rubric: Rubric, answers: unknown, prefix: string): AnswerSet {
  const parsed = parseAnswers(rubric, answers);
  if (parsed.ok) return parsed.answers;
  const fields = parsed.problems.map((p) => ({ path: `${prefix}.${p.path}`, message: p.message }));
  throw new AppError('validation_failed', `评分有误：${fields[0]?.message}`, { fields });
}

/**
 * Every file an application already cites: its attachments and the evidence of the applicant's and the district's
 * answers. Reviewers may cite these in their own answers; an edit may keep them.
 */
export function applicationFiles(
  application: Pick<typeof applications.$inferSelect, 'attachments' | 'answers' | 'districtAnswers'>,
): CitedFile[] {
  return [
    ...filesAt(application.attachments, 'attachments'),
    ...evidenceFiles(application.answers as AnswerSet),
    ...evidenceFiles(application.districtAnswers as AnswerSet | null),
  ];
}
