import { and, eq, notInArray, sql } from 'drizzle-orm';
import { FINDING_DONE } from '../../../shared/enums-services';
import type { FindingPatch } from '../../../shared/schemas/services';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { serviceAttackAssessments, serviceAttackFindings } from '../../db/schema';
import { AppError, notFound, unauthenticated } from '../../errors';
import { isAttackParty } from '../../policies/services';
import { notifyAttackParties } from './attack-notifications';
import { findVisibleAttack, loadAttackForActor, partiesOf } from './attack-queries';

/**
 * Follow-up of one finding by a party of the assessment. When the last finding is resolved or its risk accepted the
 * assessment closes; reopening a finding reopens it.
 */
export async function updateAttackFinding(db: Executor, ctx: RequestContext, findingId: string, patch: FindingPatch) {
  if (!ctx.actor) throw unauthenticated();
  const [finding] = await db.select().from(serviceAttackFindings).where(eq(serviceAttackFindings.id, findingId));
  if (!finding) throw notFound('问题');
  const row = await findVisibleAttack(db, ctx.actor, finding.assessmentId).catch(() => {
    throw notFound('问题');
  });
  // The findings are part of the confidential report: outside the three parties they do not exist.
  if (!isAttackParty(ctx.actor, partiesOf(row))) throw notFound('问题');
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(serviceAttackFindings)
      .set({
        status: patch.status,
        followUp: patch.followUp ?? finding.followUp,
        version: sql`${serviceAttackFindings.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(serviceAttackFindings.id, findingId), eq(serviceAttackFindings.version, patch.version)))
      .returning({ id: serviceAttackFindings.id });
    if (updated.length === 0) throw new AppError('conflict', '该问题已被他人更新，请刷新后重试');
    const open = await tx
      .select({ id: serviceAttackFindings.id })
      .from(serviceAttackFindings)
      .where(
        and(
          eq(serviceAttackFindings.assessmentId, row.id),
          notInArray(serviceAttackFindings.status, [...FINDING_DONE]),
        ),
      );
    const status = open.length === 0 ? 'closed' : 'reported';
    await tx
      .update(serviceAttackAssessments)
      .set({
        status,
        closedOn: status === 'closed' ? ctx.today : null,
        version: sql`${serviceAttackAssessments.version} + 1`,
      })
      .where(eq(serviceAttackAssessments.id, row.id));
    await recordAudit(tx, ctx, {
      action: 'attack.finding_update',
      entityType: 'attack_finding',
      entityId: findingId,
      unitId: row.unitId,
      jurisdictionPath: row.unitPath,
      before: { status: finding.status },
      after: { status: patch.status, assessmentStatus: status },
    });
    await notifyAttackParties(tx, ctx.actor!.id, row, {
      kind: 'finding',
      status: patch.status,
      closed: status === 'closed' && row.status !== 'closed',
    });
    return loadAttackForActor(tx, ctx.actor!, row.id);
  });
}
