/**
 * A unit's side of the contact-firm designation: whether it is a contact firm, who designated it, its liaison officer
 * (name, bureau, phone) and the contact log entries meant for it. Read by the unit's own accounts and the bureaus over
 * it; anybody else gets a 404. Also the liaison officers a bureau may choose for a unit (the same rule the designation
 * checks).
 */
import { eq } from 'drizzle-orm';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { contactFirms, users } from '../../db/schema';
import { notFound, unauthenticated } from '../../errors';
import { findUnitWithPath } from '../units/unit-queries';
import { findFirm, liaisonCandidates, logsOf, mayManageFirm, requireOfficer } from './contact-firm-queries';

async function unitFor(db: Executor, ctx: RequestContext, unitId: string, firmMayRead: boolean) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const unit = await findUnitWithPath(db, unitId);
  const own = firmMayRead && actor.role === 'applicant' && actor.unitId === unitId;
  if (!unit || !(own || mayManageFirm(actor, unit.jurisdictionPath))) throw notFound('单位');
  return { unit, actor };
}

export async function getUnitContactFirm(db: Executor, ctx: RequestContext, unitId: string) {
  await unitFor(db, ctx, unitId, true);
  const [designation] = await db
    .select({ id: contactFirms.id, liaisonPhone: users.phone })
    .from(contactFirms)
    .innerJoin(users, eq(users.id, contactFirms.liaisonOfficerId))
    .where(eq(contactFirms.unitId, unitId));
  if (!designation) return { contactFirm: null };
  const row = (await findFirm(db, designation.id))!;
  const contacts = await logsOf(db, designation.id, true);
  return {
    contactFirm: {
      active: row.firm.active,
      designatedOn: row.firm.designatedOn,
      designatedByName: row.designatorName,
      liaisonName: row.liaisonName,
      liaisonPhone: designation.liaisonPhone,
      contactName: row.firm.contactName,
      lastContactOn: row.lastContactOn,
      contacts: contacts.map(({ id, contactedOn, way, content, recordedByName }) => ({
        id,
        contactedOn,
        way,
        content,
        recordedByName,
      })),
    },
  };
}

export async function listLiaisonCandidates(db: Executor, ctx: RequestContext, unitId: string) {
  if (ctx.actor) requireOfficer(ctx.actor);
  const { unit, actor } = await unitFor(db, ctx, unitId, false);
  return { items: await liaisonCandidates(db, actor, unit.jurisdictionPath) };
}
