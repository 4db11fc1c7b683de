import { eq } from 'drizzle-orm';
import { STANDARD_SURVEY } from '../../../shared/data/training-survey';
import type { TrainingEventInput } from '../../../shared/schemas/trainings';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { jurisdictions, trainingEvents, trainingMaterials, trainingSessions, trainingVenues } from '../../db/schema';
import { AppError, forbidden, notFound } from '../../errors';
import { canCreateTraining } from '../../policies/trainings';
import { syncSpeakerRecords } from './speaker-records';
import { requireActorOf } from './training-access';
import { checkMaterials, checkSessions, checkVenues, distinctMaterials } from './training-guards';
import { loadTrainingDetail } from './training-queries';

/** A bureau publishes an event (training, lecture of the series, forum, case seminar) with its venues and agenda. */
export async function createTraining(db: Executor, ctx: RequestContext, input: TrainingEventInput) {
  const actor = requireActorOf(ctx);
  if (actor.role !== 'admin' && actor.role !== 'officer') throw forbidden('只有监管部门可以发布培训活动');
  const [owner] = await db
    .select({ path: jurisdictions.path })
    .from(jurisdictions)
    .where(eq(jurisdictions.code, input.ownerJurisdictionCode));
  if (!owner) {
    throw new AppError('validation_failed', '主办单位所在辖区不存在', {
      fields: [{ path: 'ownerJurisdictionCode', message: '主办单位所在辖区不存在' }],
    });
  }
  if (!canCreateTraining(actor, owner.path)) throw notFound('辖区');
  await checkVenues(db, owner.path, input.venues);
  await checkSessions(db, actor, input.sessions);
  await checkMaterials(db, actor, input.materials);
  const { sessions, venues, materials, ...fields } = input;
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(trainingEvents)
      .values({ ...fields, survey: [...STANDARD_SURVEY], createdById: actor.id })
      .returning();
    const eventId = row!.id;
    if (sessions.length > 0)
      await tx.insert(trainingSessions).values(sessions.map((s, position) => ({ ...s, eventId, position })));
    await tx.insert(trainingVenues).values(venues.map((v, position) => ({ ...v, eventId, position })));
    const files = distinctMaterials(materials);
    if (files.length > 0) await tx.insert(trainingMaterials).values(files.map((m) => ({ ...m, eventId })));
    await syncSpeakerRecords(tx, row!, actor.id);
    await recordAudit(tx, ctx, {
      action: 'training.create',
      entityType: 'training',
      entityId: eventId,
      jurisdictionPath: owner.path,
      after: { ...fields, sessions: sessions.length, venues: venues.length, materials: files.length },
    });
    return eventId;
  });
  return (await loadTrainingDetail(db, id))!;
}
