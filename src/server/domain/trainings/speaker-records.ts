/**
 * A person of the register who speaks at an event has a record of use "授课" for it (one per person and event, written
 * through the register's `recordPersonUse`), kept in step with the agenda: a speaker taken off it, or an event
 * cancelled, loses it again.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { personRecords, trainingSessions } from '../../db/schema';
import { recordPersonUse } from '../experts/person-records';

export async function syncSpeakerRecords(
  tx: Executor,
  event: { id: string; title: string; startsOn: string; cancelledAt: Date | null },
  recordedById: string,
) {
  const sessions = await tx
    .select({ expertId: trainingSessions.speakerExpertId, title: trainingSessions.title })
    .from(trainingSessions)
    .where(and(eq(trainingSessions.eventId, event.id), isNotNull(trainingSessions.speakerExpertId)));
  const speakers = event.cancelledAt ? [] : [...new Set(sessions.map((s) => s.expertId!))];
  const ofEvent = and(
    eq(personRecords.kind, 'training_given'),
    eq(personRecords.sourceType, 'training'),
    eq(personRecords.sourceId, event.id),
  );
  // Derived from the agenda: rewritten whole, so a changed title or date is carried over too.
  await tx.delete(personRecords).where(ofEvent);
  for (const expertId of speakers) {
    const talks = sessions.filter((s) => s.expertId === expertId).map((s) => s.title);
    await recordPersonUse(tx, {
      expertId,
      kind: 'training_given',
      occurredOn: event.startsOn,
      title: `${event.title}：${talks.join('、')}`.slice(0, 200),
      sourceType: 'training',
      sourceId: event.id,
      recordedById,
    });
  }
}
