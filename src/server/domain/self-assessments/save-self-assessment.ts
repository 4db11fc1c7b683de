import { and, eq, inArray, sql } from 'drizzle-orm';
import { rubricForKind } from '../../../core/programs/queries';
import type { Programme } from '../../../core/programs/schema';
import { type AnswerSet, parseAnswers } from '../../../core/rubric/answers';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { ledgerEntries, selfAssessments } from '../../db/schema';
import { AppError, type FieldError, forbidden, notFound } from '../../errors';
import { can } from '../../policies';
import { evidenceFiles, uncitableFields, uploadHolder } from '../attachments/attachment-holders';
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
  // Every evidence problem at once: ledger entries not the unit's own, files it may not cite.
  const evidenceProblems = [
    ...(await foreignLedgerEvidence(db, found.assessment.unitId, parsed.answers)),
    ...(await uncitableFields(db, evidenceFiles(parsed.answers), {
      holder: uploadHolder(ctx.actor!),
      onRecord: evidenceFiles(found.assessment.answers as AnswerSet),
    })),
  ].sort((a, b) => a.path.localeCompare(b.path));
  if (evidenceProblems.length > 0) {
    throw new AppError('validation_failed', evidenceProblems[0]!.message, { fields: evidenceProblems });
  }
  return db.transaction(async (tx) => {
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
    // The answer is read in this transaction: the row as this request committed it, not a later edit.
    return selfAssessmentDetail(tx, (await findSelfAssessment(tx, id))!, ctx.today);
  });
}

/** The fields citing ledger entries that are not the assessing unit's own. */
async function foreignLedgerEvidence(db: Executor, unitId: string, answers: AnswerSet): Promise<FieldError[]> {
  const refs = Object.entries(answers).flatMap(([id, a]) =>
    (a.evidence ?? []).flatMap((e) => (e.type === 'ledger' ? [{ id, entryId: e.entryId }] : [])),
  );
  const entryIds = [...new Set(refs.map((r) => r.entryId))];
  if (entryIds.length === 0) return [];
  const own = await db
    .select({ id: ledgerEntries.id })
    .from(ledgerEntries)
    .where(and(inArray(ledgerEntries.id, entryIds), eq(ledgerEntries.unitId, unitId)));
  const known = new Set(own.map((r) => r.id));
  const message = '所引用的台账记录不存在或不属于本单位';
  const paths = refs.filter((r) => !known.has(r.entryId)).map((r) => `answers.${r.id}.evidence`);
  return [...new Set(paths)].map((path) => ({ path, message }));
}
