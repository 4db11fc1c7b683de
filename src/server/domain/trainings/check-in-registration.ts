import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { trainingRegistrations } from '../../db/schema';
import { AppError, forbidden } from '../../errors';
import { recordAttendance } from './attendance-ledger';
import { readableRegistration } from './training-access';
import { loadRegistration } from './training-queries';

/** Whether attendees can be checked in on the business date: the event has begun and is not cancelled. */
export function assertStarted(event: { cancelledAt: Date | null; startsOn: string }, today: string) {
  if (event.cancelledAt) throw new AppError('conflict', '活动已取消');
  if (today < event.startsOn) throw new AppError('conflict', '活动尚未开始，不能签到');
}

/**
 * The host checks an attendee in at the door (from the QR code of the registration). One check-in per registration:
 * the update is guarded on "not yet checked in", so a second scan, also a concurrent one, is a 409. The unit's
 * training ledger entry is written in the same transaction.
 */
export async function checkInRegistration(db: Executor, ctx: RequestContext, id: string) {
  const found = await readableRegistration(db, ctx, id);
  if (!found.host) throw forbidden('只有承办会场的监管部门可以签到');
  assertStarted(found.event.event, ctx.today);
  if (found.registration.cancelledAt) throw new AppError('conflict', '该报名已取消');
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(trainingRegistrations)
      .set({ checkedInAt: new Date(), checkedInById: found.actor.id })
      .where(
        and(
          eq(trainingRegistrations.id, id),
          isNull(trainingRegistrations.checkedInAt),
          isNull(trainingRegistrations.cancelledAt),
        ),
      )
      .returning({ id: trainingRegistrations.id });
    if (updated.length === 0) throw new AppError('conflict', '该人员已签到，无需重复签到');
    await recordAudit(tx, ctx, {
      action: 'training.check_in',
      entityType: 'training_registration',
      entityId: id,
      unitId: found.registration.unitId,
      jurisdictionPath: found.hostPath,
      after: { attendeeName: found.registration.attendeeName, venueId: found.registration.venueId },
    });
    await recordAttendance(tx, ctx, found.event.event, found.event.ownerName, found.registration.unitId);
    return (await loadRegistration(tx, id))!;
  });
}
