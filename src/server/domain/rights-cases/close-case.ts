import { and, eq } from 'drizzle-orm';
import { CaseOutcome } from '../../../shared/enums-rights-cases';
import type { CloseCaseInput } from '../../../shared/schemas/rights-cases';
import type { RequestContext } from '../../context';
import type { Db } from '../../db/client';
import { rightsCaseFiles, rightsCaseSteps, rightsClues } from '../../db/schema';
import { AppError } from '../../errors';
import { loadClue, requireHandler } from '../rights/rights-access';
import { appendEvent } from '../rights/rights-events';
import { loadCase, requireOpenCase, requireVersion } from './case-access';
import { auditCase } from './case-audit';
import { ensureCaseFile } from './case-file';
import { getCase } from './get-case';
import { findGuide } from './guide-queries';

/**
 * A handler closes an administrative case (结案): every mandatory step of its guide must be done; the clue becomes
 * `closed` on the business date, the 结案 step is recorded and the reporter sees that the case was closed.
 */
export async function closeCase(db: Db, ctx: RequestContext, clueId: string, input: CloseCaseInput) {
  const loaded = await loadCase(db, ctx, clueId);
  const actor = requireHandler(ctx, loaded);
  requireOpenCase(loaded);
  requireVersion(loaded.clue.version, input.version);
  await db.transaction(async (tx) => {
    const file = await ensureCaseFile(tx, loaded.clue);
    const guide = (await findGuide(tx, file.guideId))!;
    const done = new Set(
      (
        await tx.select({ step: rightsCaseSteps.step }).from(rightsCaseSteps).where(eq(rightsCaseSteps.clueId, clueId))
      ).map((r) => r.step),
    );
    const missing = guide.definition.steps.filter((s) => !s.optional && s.kind !== 'close' && !done.has(s.kind));
    if (missing.length > 0)
      throw new AppError('conflict', `以下办案步骤尚未完成，不能结案：${missing.map((s) => s.name).join('、')}`);
    const [row] = await tx
      .update(rightsClues)
      .set({ status: 'closed', closedOn: ctx.today, version: loaded.clue.version + 1, updatedAt: new Date() })
      .where(
        and(eq(rightsClues.id, clueId), eq(rightsClues.version, input.version), eq(rightsClues.status, 'accepted')),
      )
      .returning({ id: rightsClues.id });
    if (!row) throw new AppError('conflict', '案件已被他人修改，请刷新后重试');
    await tx
      .update(rightsCaseFiles)
      .set({
        outcome: input.outcome,
        closingSummary: input.summary,
        closedOn: ctx.today,
        closedById: actor.id,
        version: file.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(rightsCaseFiles.clueId, clueId));
    await tx
      .insert(rightsCaseSteps)
      .values({ clueId, step: 'close', completedOn: ctx.today, note: input.summary, completedById: actor.id })
      .onConflictDoNothing();
    await appendEvent(tx, ctx, clueId, {
      kind: 'closed',
      fromStatus: 'accepted',
      toStatus: 'closed',
      comment: `案件已结案（${CaseOutcome.labels[input.outcome]}）`,
      reporterVisible: true,
    });
    await auditCase(tx, ctx, loaded.clue, 'rights_case.close', { outcome: input.outcome, closedOn: ctx.today });
  });
  return getCase(db, ctx, clueId);
}

/**
 * A handler closes a clue transferred to the police once the police's receipt is recorded (the criminal route ends
 * with the police; 310 号令 第八条): the clue becomes `closed` and the reporter sees it.
 */
export async function closeTransferredClue(
  db: Db,
  ctx: RequestContext,
  clueId: string,
  input: { summary: string; version: number },
) {
  const loaded = await loadClue(db, ctx, clueId);
  requireHandler(ctx, loaded);
  const { clue } = loaded;
  if (clue.status !== 'transferred_police') throw new AppError('conflict', '只有已移送公安机关的线索可以在此结案');
  if (!clue.policeReceivedOn) throw new AppError('conflict', '请先登记公安机关的接收回执');
  requireVersion(clue.version, input.version, '线索');
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(rightsClues)
      .set({ status: 'closed', closedOn: ctx.today, version: clue.version + 1, updatedAt: new Date() })
      .where(
        and(
          eq(rightsClues.id, clueId),
          eq(rightsClues.version, input.version),
          eq(rightsClues.status, 'transferred_police'),
        ),
      )
      .returning({ id: rightsClues.id });
    if (!row) throw new AppError('conflict', '线索已被他人修改，请刷新后重试');
    await appendEvent(tx, ctx, clueId, {
      kind: 'closed',
      fromStatus: 'transferred_police',
      toStatus: 'closed',
      comment: '已移送公安机关，案件办结',
      reporterVisible: true,
    });
    await auditCase(tx, ctx, clue, 'rights_case.close', {
      route: 'criminal',
      summary: input.summary,
      closedOn: ctx.today,
    });
  });
  return { id: clueId, status: 'closed' as const, closedOn: ctx.today, version: clue.version + 1 };
}
