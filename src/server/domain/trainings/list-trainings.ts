import { and, eq, like, or, type SQL, sql } from 'drizzle-orm';
import type { TrainingListQuery } from '../../../shared/schemas/trainings';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { jurisdictions, trainingEvents } from '../../db/schema';
import { actorUnitPath, requireActorOf } from './training-access';
import { queryTrainings } from './training-queries';

const NOTHING = eq(trainingEvents.id, '00000000-0000-0000-0000-000000000000');

/** Events the caller may read (policies/trainings.ts canReadTraining, as SQL). */
export async function listTrainings(db: Executor, ctx: RequestContext, filter: TrainingListQuery) {
  const actor = requireActorOf(ctx);
  let visible: SQL | undefined;
  switch (actor.role) {
    case 'admin':
      visible = undefined;
      break;
    case 'officer': {
      const path = actor.jurisdictionPath;
      visible = path
        ? or(like(jurisdictions.path, `${path}%`), sql`${path} LIKE ${jurisdictions.path} || '%'`)
        : NOTHING;
      break;
    }
    case 'applicant': {
      const path = await actorUnitPath(db, actor);
      visible = path
        ? or(
            eq(trainingEvents.audience, 'open'),
            and(eq(trainingEvents.audience, 'registered_units'), sql`${path} LIKE ${jurisdictions.path} || '%'`),
          )
        : NOTHING;
      break;
    }
    case 'expert':
      visible = NOTHING;
  }
  return queryTrainings(db, visible, filter);
}
