import { eq } from 'drizzle-orm';
import type { PartnerInput } from '../../../shared/schemas/services';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { servicePartners } from '../../db/schema';
import { AppError, notFound, unauthenticated } from '../../errors';
import { canRecordServiceAt } from '../../policies/services';
import { findUnitWithPath } from '../units/unit-queries';
import { loadPartner } from './list-partners';
import { fieldError, findJurisdiction } from './service-support';

/** Registers a partner organisation (law firm, IP service body, forensic institution …) in the bureau's jurisdiction. */
export async function createPartner(db: Executor, ctx: RequestContext, input: PartnerInput) {
  if (!ctx.actor) throw unauthenticated();
  const place = await findJurisdiction(db, input.jurisdictionCode);
  if (!place || !canRecordServiceAt(ctx.actor, place.path)) throw notFound('辖区');
  if (input.unitId) {
    const unit = await findUnitWithPath(db, input.unitId);
    if (!unit || !canRecordServiceAt(ctx.actor, unit.jurisdictionPath))
      throw fieldError('unitId', '机构的注册单位不存在或不在本辖区');
  }
  const [same] = await db
    .select({ id: servicePartners.id })
    .from(servicePartners)
    .where(eq(servicePartners.name, input.name));
  if (same)
    throw new AppError('duplicate', '已登记同名合作机构', {
      fields: [{ path: 'name', message: '已登记同名合作机构' }],
    });
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(servicePartners)
      .values({ ...input, unitId: input.unitId ?? null, createdById: ctx.actor!.id })
      .onConflictDoNothing()
      .returning({ id: servicePartners.id });
    if (!row)
      throw new AppError('duplicate', '已登记同名合作机构', {
        fields: [{ path: 'name', message: '已登记同名合作机构' }],
      });
    await recordAudit(tx, ctx, {
      action: 'service_partner.create',
      entityType: 'service_partner',
      entityId: row.id,
      jurisdictionPath: place.path,
      after: input,
    });
    return row.id;
  });
  return (await loadPartner(db, id))!;
}
