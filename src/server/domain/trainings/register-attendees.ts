import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import type { TrainingRegistrationInput } from '../../../shared/schemas/trainings';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { isUniqueViolation } from '../../db/client';
import { trainingRegistrations, trainingVenues } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { audienceAdmits, canActForUnit } from '../../policies/trainings';
import { findUnitWithPath } from '../units/unit-queries';
import { readableTraining } from './training-access';
import { queryRegistrations } from './training-queries';

export const duplicateRegistration = (names: string[]) =>
  new AppError('duplicate', `${names.join('、')}已报名本次活动，请勿重复报名`, {
    fields: [{ path: 'attendees', message: `${names.join('、')}已报名本次活动` }],
  });

/** Whether the event still takes registrations on the business date. */
export function assertOpen(event: { cancelledAt: Date | null; endsOn: string }, today: string) {
  if (event.cancelledAt) throw new AppError('conflict', '活动已取消');
  if (today > event.endsOn) throw new AppError('conflict', '活动已结束，不能再报名或登记');
}

/**
 * A unit registers its attendees at one venue. The venue's row is locked while its seats are counted, so concurrent
 * registrations never exceed the capacity (409); an attendee already registered for the event is refused (409), by
 * a check here and by a unique index under races; either way nothing is written.
 */
export async function registerAttendees(
  db: Executor,
  ctx: RequestContext,
  eventId: string,
  input: TrainingRegistrationInput,
) {
  const { event, subject, actor, ownerPath } = await readableTraining(db, ctx, eventId);
  const unit = await findUnitWithPath(db, input.unitId);
  if (!unit || !canActForUnit(actor, { id: input.unitId, path: unit.jurisdictionPath })) throw notFound('单位');
  if (!audienceAdmits(subject, unit.jurisdictionPath)) {
    throw new AppError('validation_failed', '本次活动不面向该单位报名', {
      fields: [{ path: 'unitId', message: '本次活动不面向该单位报名' }],
    });
  }
  assertOpen(event, ctx.today);
  const names = input.attendees.map((a) => a.name);
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  if (repeated.length > 0) {
    throw new AppError('validation_failed', `参会人员${[...new Set(repeated)].join('、')}重复填写`, {
      fields: [{ path: 'attendees', message: '同一人员只需填写一次' }],
    });
  }
  try {
    const ids = await db.transaction(async (tx) => {
      const [venue] = await tx
        .select({ id: trainingVenues.id, capacity: trainingVenues.capacity, name: trainingVenues.name })
        .from(trainingVenues)
        .where(and(eq(trainingVenues.id, input.venueId), eq(trainingVenues.eventId, eventId)))
        .for('update');
      if (!venue) {
        throw new AppError('validation_failed', '会场不属于本次活动', {
          fields: [{ path: 'venueId', message: '会场不属于本次活动' }],
        });
      }
      const existing = await tx
        .select({ name: trainingRegistrations.attendeeName })
        .from(trainingRegistrations)
        .where(
          and(
            eq(trainingRegistrations.eventId, eventId),
            eq(trainingRegistrations.unitName, unit.unit.name),
            inArray(trainingRegistrations.attendeeName, names),
            isNull(trainingRegistrations.cancelledAt),
          ),
        );
      if (existing.length > 0) throw duplicateRegistration(existing.map((e) => e.name));
      const [taken] = await tx
        .select({ n: count() })
        .from(trainingRegistrations)
        .where(and(eq(trainingRegistrations.venueId, venue.id), isNull(trainingRegistrations.cancelledAt)));
      const left = venue.capacity - Number(taken?.n ?? 0);
      if (input.attendees.length > left) {
        throw new AppError('conflict', `${venue.name}名额已满（剩余 ${Math.max(left, 0)} 个名额）`, {
          details: { reason: 'capacity_full' },
        });
      }
      const rows = await tx
        .insert(trainingRegistrations)
        .values(
          input.attendees.map((a) => ({
            eventId,
            venueId: venue.id,
            kind: 'registered' as const,
            unitId: input.unitId,
            unitName: unit.unit.name,
            attendeeName: a.name,
            position: a.position,
            mobile: a.mobile,
            createdById: actor.id,
          })),
        )
        .returning({ id: trainingRegistrations.id });
      await recordAudit(tx, ctx, {
        action: 'training.register',
        entityType: 'training',
        entityId: eventId,
        unitId: input.unitId,
        jurisdictionPath: ownerPath,
        after: { venueId: venue.id, unitId: input.unitId, attendees: names },
      });
      return rows.map((r) => r.id);
    });
    return queryRegistrations(db, inArray(trainingRegistrations.id, ids));
  } catch (error) {
    if (isUniqueViolation(error, 'training_registrations_attendee_idx')) throw duplicateRegistration(names);
    throw error;
  }
}
