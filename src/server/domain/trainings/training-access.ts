/** Loading an event or a registration as the caller may see it: out of scope is a 404, as everywhere. */
import { eq } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { jurisdictions, units } from '../../db/schema';
import { notFound, unauthenticated } from '../../errors';
import { canHostVenue, canManageTraining, canReadTraining } from '../../policies/trainings';
import { findRegistrationWithPaths, findTrainingWithPath, loadTrainingDetail } from './training-queries';

/** The jurisdiction path of an applicant's unit (null for other roles). */
export async function actorUnitPath(db: Executor, actor: Actor): Promise<string | null> {
  if (actor.role !== 'applicant' || !actor.unitId) return null;
  const [row] = await db
    .select({ path: jurisdictions.path })
    .from(units)
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .where(eq(units.id, actor.unitId));
  return row?.path ?? null;
}

export function requireActorOf(ctx: RequestContext): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}

/** The event if the caller may read it, else 404. */
export async function readableTraining(db: Executor, ctx: RequestContext, id: string) {
  const actor = requireActorOf(ctx);
  const found = await findTrainingWithPath(db, id);
  if (!found) throw notFound('培训活动');
  const subject = { ownerPath: found.ownerPath, audience: found.event.audience };
  if (!canReadTraining(actor, subject, await actorUnitPath(db, actor))) throw notFound('培训活动');
  return { ...found, subject, actor };
}

export async function readableTrainingDetail(db: Executor, ctx: RequestContext, id: string) {
  const { subject, actor } = await readableTraining(db, ctx, id);
  const detail = (await loadTrainingDetail(db, id))!;
  return { detail, subject, actor };
}

/**
 * A registration the caller may see: the unit's own account (and officers over the unit), the venue's host and the
 * event's managers. Anything else is a 404.
 */
export async function readableRegistration(db: Executor, ctx: RequestContext, id: string) {
  const actor = requireActorOf(ctx);
  const found = await findRegistrationWithPaths(db, id);
  if (!found) throw notFound('报名记录');
  const event = (await findTrainingWithPath(db, found.registration.eventId))!;
  const subject = { ownerPath: event.ownerPath, audience: event.event.audience };
  const host = canHostVenue(actor, subject, found.hostPath);
  const unit =
    found.registration.unitId && found.unitPath ? { id: found.registration.unitId, path: found.unitPath } : null;
  const ownUnit =
    unit !== null &&
    (actor.role === 'applicant'
      ? actor.unitId === unit.id
      : actor.role === 'officer' && actor.jurisdictionPath !== null && unit.path.startsWith(actor.jurisdictionPath));
  if (!host && !ownUnit && actor.role !== 'admin') throw notFound('报名记录');
  return { ...found, event, subject, actor, host, unit, manager: canManageTraining(actor, subject) };
}
