import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { canHostVenue, canManageTraining } from '../../policies/trainings';
import { readableTrainingDetail } from './training-access';
import { publicVenue, summary } from './training-queries';

/** An event with its agenda, venues, materials, and what the caller may do with it. */
export async function getTraining(db: Executor, ctx: RequestContext, id: string) {
  const { detail, subject, actor } = await readableTrainingDetail(db, ctx, id);
  return {
    ...summary(detail.event),
    ownerName: detail.ownerName,
    sessions: detail.sessions,
    venues: detail.venues.map((v) => ({ ...publicVenue(v), hosting: canHostVenue(actor, subject, v.hostPath) })),
    materials: detail.materials,
    survey: detail.event.survey,
    canManage: canManageTraining(actor, subject),
  };
}
