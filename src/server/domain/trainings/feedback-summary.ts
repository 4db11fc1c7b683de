import { eq } from 'drizzle-orm';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { trainingFeedback } from '../../db/schema';
import { forbidden } from '../../errors';
import { canHostVenue } from '../../policies/trainings';
import { readableTrainingDetail } from './training-access';

/** The survey's results for the event's managers and hosts: average and spread per rating, the written answers. */
export async function feedbackSummary(db: Executor, ctx: RequestContext, eventId: string) {
  const { detail, subject, actor } = await readableTrainingDetail(db, ctx, eventId);
  if (!detail.venues.some((v) => canHostVenue(actor, subject, v.hostPath))) {
    throw forbidden('只有主办、承办单位可以查看反馈');
  }
  const rows = await db
    .select({ answers: trainingFeedback.answers })
    .from(trainingFeedback)
    .where(eq(trainingFeedback.eventId, eventId));
  return {
    responses: rows.length,
    questions: detail.event.survey.map((q) => {
      const values = rows.map((r) => r.answers[q.id]).filter((v) => v !== undefined);
      if (q.type === 'rating') {
        const ratings = values.filter((v): v is number => typeof v === 'number');
        const average = ratings.length
          ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 10) / 10
          : null;
        const counts = [1, 2, 3, 4, 5].map((n) => ratings.filter((r) => r === n).length);
        return { id: q.id, type: q.type, text: q.text, answered: ratings.length, average, counts, texts: [] };
      }
      const texts = values.filter((v): v is string => typeof v === 'string');
      return { id: q.id, type: q.type, text: q.text, answered: texts.length, average: null, counts: [], texts };
    }),
  };
}
