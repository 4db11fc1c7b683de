import { type AnswerSet, parseAnswers } from '../../../core/rubric/answers';
import type { Rubric } from '../../../core/rubric/schema';
import { AppError } from '../../errors';

/** Rubric answers checked against the rubric, or a 400 listing every problem under `prefix`. */
export function requireAnswers(rubric: Rubric, answers: unknown, prefix: string): AnswerSet {
  const parsed = parseAnswers(rubric, answers);
  if (parsed.ok) return parsed.answers;
  const fields = parsed.problems.map((p) => ({ path: `${prefix}.${p.path}`, message: p.message }));
  throw new AppError('validation_failed', `评分有误：${fields[0]?.message}`, { fields });
}
