import { eq } from 'drizzle-orm';
import type { AttackRequest } from '../../../shared/schemas/services';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { serviceAttackAssessments, servicePartners } from '../../db/schema';
import { notFound, unauthenticated } from '../../errors';
import { findUnitWithPath } from '../units/unit-queries';
import { notifyAttackParties } from './attack-notifications';
import { loadAttackForActor } from './attack-queries';
import { fieldError } from './service-support';

/** A firm asks an accredited provider for a simulated network-attack assessment of itself (001 (三)). */
export async function requestAttackAssessment(db: Executor, ctx: RequestContext, input: AttackRequest) {
  if (!ctx.actor) throw unauthenticated();
  const unit = await findUnitWithPath(db, input.unitId);
  if (!unit || ctx.actor.role !== 'applicant' || ctx.actor.unitId !== input.unitId) throw notFound('单位');
  const [partner] = await db
    .select({
      id: servicePartners.id,
      name: servicePartners.name,
      accredited: servicePartners.attackAccredited,
      unitId: servicePartners.unitId,
    })
    .from(servicePartners)
    .where(eq(servicePartners.id, input.partnerId));
  if (!partner?.accredited) throw fieldError('partnerId', '请选择具备模拟攻击评估资质的合作机构');
  if (partner.unitId === input.unitId) throw fieldError('partnerId', '不能委托本单位评估自己');
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(serviceAttackAssessments)
      .values({ ...input, requestedById: ctx.actor!.id, requestedOn: ctx.today })
      .returning({ id: serviceAttackAssessments.id });
    await recordAudit(tx, ctx, {
      action: 'attack.request',
      entityType: 'attack_assessment',
      entityId: row!.id,
      unitId: input.unitId,
      jurisdictionPath: unit.jurisdictionPath,
      after: input,
    });
    await notifyAttackParties(
      tx,
      ctx.actor!.id,
      {
        unitId: input.unitId,
        unitName: unit.unit.name,
        unitPath: unit.jurisdictionPath,
        partnerName: partner.name,
        providerUnitId: partner.unitId,
        responsibleOfficerId: null,
      },
      { kind: 'requested' },
    );
    return row!.id;
  });
  return loadAttackForActor(db, ctx.actor, id);
}
