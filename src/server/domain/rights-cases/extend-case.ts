/**
 * Extending the 90-day close clock (rule `close_case`): a handler asks with a reason, an officer of the competent
 * bureau or above other than the one who asked approves (负责人批准). At most the rule's number of extensions.
 */
import { and, eq } from 'drizzle-orm';
import type { RequestContext } from '../../context';
import type { Db } from '../../db/client';
import { rightsCaseFiles } from '../../db/schema';
import { AppError } from '../../errors';
import { requireApprover, requireHandler } from '../rights/rights-access';
import { appendEvent } from '../rights/rights-events';
import { loadRightsRules } from '../rights/rights-rules';
import { loadCase, requireOpenCase, requireVersion } from './case-access';
import { auditCase } from './case-audit';
import { ensureCaseFile, syncCaseDeadline } from './case-file';
import { getCase } from './get-case';

export async function requestCaseExtension(
  db: Db,
  ctx: RequestContext,
  clueId: string,
  input: { reason: string; caseVersion: number },
) {
  const loaded = await loadCase(db, ctx, clueId);
  const actor = requireHandler(ctx, loaded);
  requireOpenCase(loaded);
  const rule = (await loadRightsRules(db)).clocks.close_case;
  await db.transaction(async (tx) => {
    const file = await ensureCaseFile(tx, loaded.clue);
    requireVersion(file.version, input.caseVersion);
    if (file.extensions >= rule.maxExtensions)
      throw new AppError('conflict', `结案期限最多延长 ${rule.maxExtensions} 次，已用完`);
    if (file.extensionRequestedAt) throw new AppError('conflict', '已有待批准的延期申请');
    const [row] = await tx
      .update(rightsCaseFiles)
      .set({
        extensionRequestedById: actor.id,
        extensionRequestedAt: new Date(),
        extensionReason: input.reason,
        version: file.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(rightsCaseFiles.clueId, clueId), eq(rightsCaseFiles.version, file.version)))
      .returning({ clueId: rightsCaseFiles.clueId });
    if (!row) throw new AppError('conflict', '案件已被他人修改，请刷新后重试');
    await auditCase(tx, ctx, loaded.clue, 'rights_case.extend', { requested: true, reason: input.reason });
  });
  return getCase(db, ctx, clueId);
}

export async function approveCaseExtension(
  db: Db,
  ctx: RequestContext,
  clueId: string,
  input: { caseVersion: number },
) {
  const loaded = await loadCase(db, ctx, clueId);
  requireOpenCase(loaded);
  const rule = (await loadRightsRules(db)).clocks.close_case;
  await db.transaction(async (tx) => {
    const file = await ensureCaseFile(tx, loaded.clue);
    requireApprover(ctx, loaded, null);
    if (!file.extensionRequestedAt) throw new AppError('conflict', '没有待批准的延期申请');
    const actor = requireApprover(ctx, loaded, file.extensionRequestedById);
    requireVersion(file.version, input.caseVersion);
    const extensions = file.extensions + 1;
    const [row] = await tx
      .update(rightsCaseFiles)
      .set({
        extensions,
        extensionApprovedById: actor.id,
        extendedAt: new Date(),
        extensionRequestedAt: null,
        extensionRequestedById: null,
        version: file.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(rightsCaseFiles.clueId, clueId), eq(rightsCaseFiles.version, file.version)))
      .returning({ clueId: rightsCaseFiles.clueId });
    if (!row) throw new AppError('conflict', '案件已被他人修改，请刷新后重试');
    const deadline = await syncCaseDeadline(tx, loaded.clue, extensions);
    await appendEvent(tx, ctx, clueId, {
      kind: 'status_changed',
      comment: `结案期限经批准延长 ${rule.extensionPeriod} 天，至 ${deadline}`,
      data: { clock: 'close_case', deadline },
    });
    await auditCase(tx, ctx, loaded.clue, 'rights_case.extend', { approved: true, extensions, deadline });
  });
  return getCase(db, ctx, clueId);
}
