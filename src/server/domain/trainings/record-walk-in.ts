import { and, eq, isNull } from 'drizzle-orm';
import type { TrainingWalkInInput } from '../../../shared/schemas/trainings';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { isUniqueViolation } from '../../db/client';
import { trainingRegistrations, trainingVenues } from '../../db/schema';
import { AppError, forbidden } from '../../errors';
import { canHostVenue } from '../../policies/trainings';
import { findUnitWithPath } from '../units/unit-queries';
import { recordAttendance } from './attendance-ledger';
import { assertStarted } from './check-in-registration';
import { duplicateRegistration } from './register-attendees';
import { readableTraining } from './training-access';
import { findTrainingWithPath, loadRegistration, venuesOf } from './training-queries';

/**
 * The host records somebody who came without registering, already checked in. A walk-in is not refused for a full
 * venue (the person is in the room; refusing would lose the record); a registered unit gets its ledger entry, a unit
 * without an account is recorded by name only.
 */
export async function recordWalkIn(db: Executor, ctx: RequestContext, eventId: string, input: TrainingWalkInInput) {
  const { subject, actor } = await readableTraining(db, ctx, eventId);
  const venue = (await venuesOf(db, [eventId])).find((v) => v.id === input.venueId);
  if (!venue) {
    throw new AppError('validation_failed', '会场不属于本次活动', {
      fields: [{ path: 'venueId', message: '会场不属于本次活动' }],
    });
  }
  if (!canHostVenue(actor, subject, venue.hostPath)) throw forbidden('只有承办会场的监管部门可以现场登记');
  const event = (await findTrainingWithPath(db, eventId))!;
  assertStarted(event.event, ctx.today);
  let unitName = input.unitName;
  if (input.unitId) {
    const unit = await findUnitWithPath(db, input.unitId);
    if (!unit) {
      throw new AppError('validation_failed', '单位不存在', { fields: [{ path: 'unitId', message: '单位不存在' }] });
    }
    unitName = unit.unit.name;
  }
  const name = input.attendee.name;
  try {
    const id = await db.transaction(async (tx) => {
      await tx
        .select({ id: trainingVenues.id })
        .from(trainingVenues)
        .where(eq(trainingVenues.id, venue.id))
        .for('update');
      const existing = await tx
        .select({ id: trainingRegistrations.id })
        .from(trainingRegistrations)
        .where(
          and(
            eq(trainingRegistrations.eventId, eventId),
            eq(trainingRegistrations.unitName, unitName!),
            eq(trainingRegistrations.attendeeName, name),
            isNull(trainingRegistrations.cancelledAt),
          ),
        );
      if (existing.length > 0) throw duplicateRegistration([name]);
      const [row] = await tx
        .insert(trainingRegistrations)
        .values({
          eventId,
          venueId: venue.id,
          kind: 'walk_in',
          unitId: input.unitId,
          unitName: unitName!,
          attendeeName: name,
          position: input.attendee.position,
          mobile: input.attendee.mobile,
          checkedInAt: new Date(),
          checkedInById: actor.id,
          createdById: actor.id,
        })
        .returning({ id: trainingRegistrations.id });
      await recordAudit(tx, ctx, {
        action: 'training.walk_in',
        entityType: 'training_registration',
        entityId: row!.id,
        unitId: input.unitId,
        jurisdictionPath: venue.hostPath,
        after: { venueId: venue.id, unitName, attendeeName: name },
      });
      await recordAttendance(tx, ctx, event.event, event.ownerName, input.unitId);
      return row!.id;
    });
    return (await loadRegistration(db, id))!;
  } catch (error) {
    if (isUniqueViolation(error, 'training_registrations_attendee_idx')) throw duplicateRegistration([name]);
    throw error;
  }
}
