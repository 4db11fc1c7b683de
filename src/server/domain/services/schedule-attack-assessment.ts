import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AttackSchedule } from '../../../shared/schemas/services';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { serviceAttackAssessments } from '../../db/schema';
import { AppError, forbidden, unauthenticated } from '../../errors';
import { canScheduleAttack } from '../../policies/services';
import { notifyAttackParties } from './attack-notifications';
import { findVisibleAttack, loadAttackForActor, partiesOf } from './attack-queries';
import { fieldError } from './service-support';

const CONFLICT = '该评估已被他人处理，请刷新后重试';

/** A bureau over the firm schedules the assessment and becomes its responsible officer (later: reschedules it). */
export async function scheduleAttackAssessment(db: Executor, ctx: RequestContext, id: string, input: AttackSchedule) {
  if (!ctx.actor) throw unauthenticated();
  const row = await findVisibleAttack(db, ctx.actor, id);
  if (!canScheduleAttack(ctx.actor, partiesOf(row)))
    throw forbidden('只有企业所在辖区的监管部门（责任人）可以安排评估');
  if (row.status !== 'requested' && row.status !== 'scheduled')
    throw new AppError('conflict', '评估报告已出具，不能再调整安排');
  if (input.scheduledOn < ctx.today) throw fieldError('scheduledOn', '评估日期不能早于今天');
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(serviceAttackAssessments)
      .set({
        status: 'scheduled',
        scheduledOn: input.scheduledOn,
        responsibleOfficerId: ctx.actor!.id,
        version: sql`${serviceAttackAssessments.version} + 1`,
      })
      .where(
        and(
          eq(serviceAttackAssessments.id, id),
          eq(serviceAttackAssessments.version, input.version),
          inArray(serviceAttackAssessments.status, ['requested', 'scheduled']),
        ),
      )
      .returning({ id: serviceAttackAssessments.id });
    if (updated.length === 0) throw new AppError('conflict', CONFLICT);
    await recordAudit(tx, ctx, {
      action: 'attack.schedule',
      entityType: 'attack_assessment',
      entityId: id,
      unitId: row.unitId,
      jurisdictionPath: row.unitPath,
      before: { status: row.status, scheduledOn: row.scheduledOn, responsibleOfficerId: row.responsibleOfficerId },
      after: { status: 'scheduled', scheduledOn: input.scheduledOn, responsibleOfficerId: ctx.actor!.id },
    });
    await notifyAttackParties(
      tx,
      ctx.actor!.id,
      { ...row, responsibleOfficerId: ctx.actor!.id },
      { kind: 'scheduled', scheduledOn: input.scheduledOn },
    );
    return loadAttackForActor(tx, ctx.actor!, id);
  });
}
