import { and, eq, inArray, sql } from 'drizzle-orm';
import { rubricForKind } from '../../../core/programs/queries';
import type { Programme } from '../../../core/programs/schema';
import { type AnswerSet, parseAnswers } from '../../../core/rubric/answers';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { attachments, ledgerEntries, selfAssessments } from '../../db/schema';
import { AppError, forbidden, notFound } from '../../errors';
import { can } from '../../policies';
import { findSelfAssessment, selfAssessmentDetail } from './self-assessment-queries';

/** Saves the answers of a draft (validated against the rubric: no score above an item's points). */
export async function saveSelfAssessment(
  db: Executor,
  ctx: RequestContext,
  id: string,
  input: { answers: unknown; version: number },
) {
  const found = await findSelfAssessment(db, id);
  const subject = found && { type: 'unit' as const, id: found.assessment.unitId, jurisdictionPath: found.unitPath };
  if (!found || !subject || !can(ctx.actor, 'unit.read', subject)) throw notFound('自评');
  if (!can(ctx.actor, 'self_assessment.write', subject)) throw forbidden('只有本单位可以修改自评');
  const rubric = rubricForKind(found.definition as Programme, found.assessment.baseKind)!;
  const parsed = parseAnswers(rubric, input.answers);
  if (!parsed.ok) {
    const fields = parsed.problems.map((p) => ({ path: `answers.${p.path}`, message: p.message }));
    throw new AppError('validation_failed', `自评答案有误：${fields[0]?.message}`, { fields });
  }
  await requireOwnEvidence(db, found.assessment.unitId, parsed.answers);
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(selfAssessments)
      .set({ answers: parsed.answers, version: sql`${selfAssessments.version} + 1`, updatedAt: new Date() })
      .where(and(eq(selfAssessments.id, id), eq(selfAssessments.version, input.version)))
      .returning({ id: selfAssessments.id });
    if (updated.length === 0) throw new AppError('conflict', '自评已在别处保存，请刷新后重试');
    await recordAudit(tx, ctx, {
      action: 'self_assessment.update',
      entityType: 'self_assessment',
      entityId: id,
      unitId: found.assessment.unitId,
      jurisdictionPath: found.unitPath,
      after: { answered: Object.keys(parsed.answers).length },
    });
  });
  return selfAssessmentDetail(db, (await findSelfAssessment(db, id))!, ctx.today);
}

/** Evidence must exist: uploaded attachments, and ledger entries of the assessing unit itself. */
async function requireOwnEvidence(db: Executor, unitId: string, answers: AnswerSet) {
  const refs = Object.entries(answers).flatMap(([id, a]) => (a.evidence ?? []).map((e) => ({ id, e })));
  const entryIds = [...new Set(refs.flatMap(({ e }) => (e.type === 'ledger' ? [e.entryId] : [])))];
  const hashes = [...new Set(refs.flatMap(({ e }) => (e.type === 'attachment' ? [e.sha256] : [])))];
  const ownEntries = entryIds.length
    ? await db
        .select({ id: ledgerEntries.id })
        .from(ledgerEntries)
        .where(and(inArray(ledgerEntries.id, entryIds), eq(ledgerEntries.unitId, unitId)))
    : [];
  const stored = hashes.length
    ? await db.select({ sha256: attachments.sha256 }).from(attachments).where(inArray(attachments.sha256, hashes))
    : [];
  const known = new Set([...ownEntries.map((r) => r.id), ...stored.map((r) => r.sha256)]);
  const missing = refs.filter(({ e }) => !known.has(e.type === 'ledger' ? e.entryId : e.sha256));
  if (missing.length > 0) {
    const fields = missing.map(({ id, e }) => ({
      path: `answers.${id}.evidence`,
      message: e.type === 'ledger' ? '所引用的台账记录不存在或不属于本单位' : '所引用的附件尚未上传',
    }));
    throw new AppError('validation_failed', fields[0]!.message, { fields });
  }
}
