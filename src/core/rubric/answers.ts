/**
 * Answers to a rubric (a self-assessment or an expert's scoring sheet): one entry per answered node id. Scored items
 * take a `score`; requirements take `met`; any answerable node takes evidence (attachments or ledger entries) and a
 * note. `answersSchemaFor(rubric)` refuses what cannot be: unknown ids, a score on a requirement, a score above the
 * item's points or below zero.
 */
import { z } from 'zod';
import { CHINESE, formatPath, issuesToProblems, type Problem, typeError } from './problems';
import { type Rubric, RubricId, type RubricNode, rubricNodes } from './schema';

export const EvidenceRefSchema = z.discriminatedUnion(
  'type',
  [
    z
      .object({
        type: z.literal('attachment'),
        sha256: z.string().regex(/^[0-9a-f]{64}$/, '附件标识应为64位十六进制 SHA-256'),
        fileName: z.string().trim().min(1).max(200, '文件名不能超过200个字').optional(),
      })
      .strict(),
    z.object({ type: z.literal('ledger'), entryId: z.uuid('台账记录编号格式不正确') }).strict(),
  ],
  { error: '佐证材料的 type 应为 attachment（附件）或 ledger（台账记录）' },
);
export type EvidenceRef = z.infer<typeof EvidenceRefSchema>;

/** The longest note on an answer, in characters: the server refuses more, the answer sheet's inputs stop there. */
export const NOTE_MAX_LENGTH = 2000;

export const NodeAnswerSchema = z
  .object({
    score: z
      .number({ error: typeError('得分应为数字') })
      .min(0, '得分不能为负')
      .multipleOf(0.5, '得分最小单位为0.5分')
      .optional(),
    met: z.boolean({ error: typeError('是否符合应为 true 或 false') }).optional(),
    evidence: z.array(EvidenceRefSchema).max(50, '佐证材料最多50项').optional(),
    note: z.string().trim().max(NOTE_MAX_LENGTH, `说明不能超过${NOTE_MAX_LENGTH}个字`).optional(),
  })
  .strict();
export type NodeAnswer = z.infer<typeof NodeAnswerSchema>;

/** Shape only; use `answersSchemaFor(rubric)` to check the answers against a rubric. */
export const AnswerSetSchema = z.record(RubricId, NodeAnswerSchema);
export type AnswerSet = z.infer<typeof AnswerSetSchema>;

function answerProblems(rubric: Rubric, answers: AnswerSet): { path: PropertyKey[]; message: string }[] {
  const nodes = new Map<string, RubricNode>(rubricNodes(rubric).map((n) => [n.node.id, n]));
  const out: { path: PropertyKey[]; message: string }[] = [];
  for (const [id, answer] of Object.entries(answers)) {
    const found = nodes.get(id);
    if (!found || found.type === 'indicator' || found.type === 'bonus_group') {
      out.push({
        path: [id],
        message: found ? '评价指标、加分组本身不能作答，请对其下的评价项作答' : '评价标准中没有这一项',
      });
      continue;
    }
    if (answer.score !== undefined) {
      if (found.type !== 'item') {
        out.push({ path: [id, 'score'], message: '此项为条件要求，只能填写是否符合（met），不能打分' });
      } else if (answer.score > found.node.points) {
        out.push({ path: [id, 'score'], message: `得分不能超过该项分值 ${found.node.points} 分` });
      }
    }
    if (answer.met !== undefined && found.type !== 'requirement') {
      out.push({
        path: [id, 'met'],
        message:
          found.type === 'item' ? '评分项应填写得分（score）' : '条件是否满足由其各项具体要求决定，请对具体要求作答',
      });
    }
  }
  return out;
}

export function answersSchemaFor(rubric: Rubric) {
  return AnswerSetSchema.superRefine((answers, ctx) => {
    for (const p of answerProblems(rubric, answers)) {
      ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
    }
  });
}

export type ParseAnswersResult = { ok: true; answers: AnswerSet } | { ok: false; problems: Problem[] };

/** Validates answers against a rubric, returning every problem (path and Chinese reason). */
export function parseAnswers(rubric: Rubric, input: unknown): ParseAnswersResult {
  const shape = AnswerSetSchema.safeParse(input ?? {}, CHINESE);
  if (!shape.success) return { ok: false, problems: issuesToProblems(shape.error.issues) };
  const problems = answerProblems(rubric, shape.data).map((p) => ({ path: formatPath(p.path), message: p.message }));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers: shape.data };
}

export class InvalidAnswersError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`invalid answers: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    this.name = 'InvalidAnswersError';
  }
}
