/** Professional appraisals (委托鉴定): a handler commissions a forensic institution, with its cost, and records the
 * result; the costs feed the appraisal-funding figures of the statistics. */
import { and, eq } from 'drizzle-orm';
import type { AppraisalInput, AppraisalUpdate } from '../../../shared/schemas/rights-cases';
import type { RequestContext } from '../../context';
import type { Db } from '../../db/client';
import { rightsAppraisals } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { requireHandler } from '../rights/rights-access';
import { loadCase, requireOpenCase, requireVersion } from './case-access';
import { auditCase } from './case-audit';
import { getCase } from './get-case';

export async function requestAppraisal(db: Db, ctx: RequestContext, clueId: string, input: AppraisalInput) {
  const loaded = await loadCase(db, ctx, clueId);
  const actor = requireHandler(ctx, loaded);
  requireOpenCase(loaded);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(rightsAppraisals)
      .values({ clueId, ...input, createdById: actor.id })
      .returning({ id: rightsAppraisals.id });
    await auditCase(tx, ctx, loaded.clue, 'rights_case.appraisal', { appraisalId: row!.id, ...input });
  });
  return getCase(db, ctx, clueId);
}

export async function updateAppraisal(
  db: Db,
  ctx: RequestContext,
  clueId: string,
  appraisalId: string,
  input: AppraisalUpdate,
) {
  const loaded = await loadCase(db, ctx, clueId);
  requireHandler(ctx, loaded);
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(rightsAppraisals)
      .where(and(eq(rightsAppraisals.id, appraisalId), eq(rightsAppraisals.clueId, clueId)))
      .for('update');
    if (!current) throw notFound('鉴定委托');
    if (current.status !== 'requested') throw new AppError('conflict', '该鉴定已登记结果或已撤回');
    requireVersion(current.version, input.version, '鉴定委托');
    const { version: _v, ...fields } = input;
    await tx
      .update(rightsAppraisals)
      .set({ ...fields, version: current.version + 1, updatedAt: new Date() })
      .where(eq(rightsAppraisals.id, appraisalId));
    await auditCase(
      tx,
      ctx,
      loaded.clue,
      'rights_case.appraisal_update',
      { appraisalId, ...fields },
      { status: current.status, cost: current.cost },
    );
  });
  return getCase(db, ctx, clueId);
}
