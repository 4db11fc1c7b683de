/** A training event written straight into the database (hand-built data for the figures that count trainings). */
import type { Db } from '../../src/server/db/client';
import { trainingEvents } from '../../src/server/db/schema';

export async function insertTrainingEvent(
  db: Db,
  event: { owner: string; title: string; startsOn: string; cancelled?: boolean; kind?: 'training' | 'lecture' },
) {
  const [row] = await db
    .insert(trainingEvents)
    .values({
      kind: event.kind ?? 'training',
      title: event.title,
      ownerJurisdictionCode: event.owner,
      audience: 'open',
      startsOn: event.startsOn,
      endsOn: event.startsOn,
      survey: [],
      cancelledAt: event.cancelled ? new Date(`${event.startsOn}T02:00:00Z`) : null,
    })
    .returning();
  return row!;
}
