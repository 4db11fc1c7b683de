import { and, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { trainingRegistrations } from '../../db/schema';
import { canHostVenue } from '../../policies/trainings';
import { readableRegistration, readableTrainingDetail } from './training-access';
import { loadRegistration, queryRegistrations } from './training-queries';

/**
 * An event's registrations as the caller may see them: the managers all, a host bureau its venues', a unit its own
 * (officers also the units of their jurisdiction who registered). Cancelled ones are left out.
 */
export async function listRegistrations(db: Executor, ctx: RequestContext, eventId: string) {
  const { detail, subject, actor } = await readableTrainingDetail(db, ctx, eventId);
  const hosted = detail.venues.filter((v) => canHostVenue(actor, subject, v.hostPath)).map((v) => v.id);
  const live = and(eq(trainingRegistrations.eventId, eventId), isNull(trainingRegistrations.cancelledAt));
  let mine: SQL | undefined;
  if (actor.role === 'applicant') {
    mine = actor.unitId ? eq(trainingRegistrations.unitId, actor.unitId) : undefined;
  }
  const none = eq(trainingRegistrations.id, '00000000-0000-0000-0000-000000000000');
  const scope =
    hosted.length === detail.venues.length
      ? undefined
      : hosted.length > 0
        ? inArray(trainingRegistrations.venueId, hosted)
        : (mine ?? none);
  const rows = await queryRegistrations(db, and(live, scope));
  return rows.map((r) => ({ ...r, hosting: hosted.includes(r.venueId) }));
}

/** One registration (the check-in page opened from its QR code), with the event and what the caller may do. */
export async function getRegistration(db: Executor, ctx: RequestContext, id: string) {
  const found = await readableRegistration(db, ctx, id);
  const row = (await loadRegistration(db, id))!;
  const e = found.event.event;
  return {
    ...row,
    event: {
      id: e.id,
      title: e.title,
      kind: e.kind,
      startsOn: e.startsOn,
      endsOn: e.endsOn,
      ownerName: found.event.ownerName,
    },
    canCheckIn: found.host && !row.checkedInAt && !row.cancelledAt,
  };
}
