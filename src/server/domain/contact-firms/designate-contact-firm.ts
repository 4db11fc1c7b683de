/**
 * A bureau designates a unit of its jurisdiction (or below) as a contact firm (联系企业), with a liaison officer of
 * its own or a lower bureau over the unit and the firm's contact person; the contact interval defaults to the
 * bureau's (src/shared/data/contact-intervals.ts). One designation per unit.
 */
import { contactIntervalFor } from '../../../shared/data/contact-intervals';
import type { ContactFirmInput } from '../../../shared/schemas/people';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import { type Db, isUniqueViolation } from '../../db/client';
import { contactFirms } from '../../db/schema';
import { AppError, notFound, unauthenticated } from '../../errors';
import { findUnitWithPath } from '../units/unit-queries';
import { checkLiaison, findFirm, firmView, mayManageFirm, requireOfficer } from './contact-firm-queries';

export async function designateContactFirm(db: Db, ctx: RequestContext, input: ContactFirmInput) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  requireOfficer(actor);
  const unit = await findUnitWithPath(db, input.unitId);
  if (!unit || !mayManageFirm(actor, unit.jurisdictionPath)) throw notFound('单位');
  await checkLiaison(db, actor, input.liaisonOfficerId, unit.jurisdictionPath);
  const designator = actor.role === 'admin' ? unit.unit.jurisdictionCode : actor.jurisdictionCode!;
  const intervalDays = input.intervalDays ?? contactIntervalFor(actor.jurisdictionPath ?? unit.jurisdictionPath);
  try {
    const id = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(contactFirms)
        .values({
          unitId: input.unitId,
          jurisdictionCode: designator,
          liaisonOfficerId: input.liaisonOfficerId,
          contactName: input.contactName,
          contactPosition: input.contactPosition ?? null,
          contactPhone: input.contactPhone ?? null,
          intervalDays,
          designatedOn: ctx.today,
          note: input.note ?? null,
          createdById: actor.id,
        })
        .returning({ id: contactFirms.id });
      await recordAudit(tx, ctx, {
        action: 'contact_firm.create',
        entityType: 'contact_firm',
        entityId: row!.id,
        unitId: input.unitId,
        jurisdictionPath: unit.jurisdictionPath,
        after: { ...input, intervalDays, designatedOn: ctx.today, jurisdictionCode: designator },
      });
      return row!.id;
    });
    return firmView((await findFirm(db, id))!, ctx.today);
  } catch (error) {
    if (isUniqueViolation(error, 'contact_firms_unit_idx')) {
      throw new AppError('duplicate', `${unit.unit.name}已是联系企业`, {
        fields: [{ path: 'unitId', message: '该单位已是联系企业' }],
      });
    }
    throw error;
  }
}
