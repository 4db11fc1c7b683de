import { and, eq } from 'drizzle-orm';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { attachments, trainingMaterials } from '../../db/schema';
import { notFound } from '../../errors';
import { readableTraining } from './training-access';

/** A file the event hands out, for whoever may read the event; a hash the event does not cite is a 404. */
export async function getTrainingMaterial(db: Executor, ctx: RequestContext, eventId: string, sha256: string) {
  await readableTraining(db, ctx, eventId);
  const [row] = await db
    .select({ fileName: trainingMaterials.fileName, mimeType: attachments.mimeType, content: attachments.content })
    .from(trainingMaterials)
    .innerJoin(attachments, eq(attachments.sha256, trainingMaterials.sha256))
    .where(and(eq(trainingMaterials.eventId, eventId), eq(trainingMaterials.sha256, sha256)));
  if (!row) throw notFound('资料');
  return row;
}
