import { and, count, eq, isNull, sql } from 'drizzle-orm';
import type { TrainingEventPatch } from '../../../shared/schemas/trainings';
import { diffSummary, recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import {
  trainingEvents,
  trainingMaterials,
  trainingRegistrations,
  trainingSessions,
  trainingVenues,
} from '../../db/schema';
import { AppError, forbidden } from '../../errors';
import { canManageTraining } from '../../policies/trainings';
import { notifyUsers, unitAccountIds } from '../notifications/notify';
import { syncSpeakerRecords } from './speaker-records';
import { readableTraining } from './training-access';
import { checkMaterials, checkSessions, checkVenues, distinctMaterials } from './training-guards';
import { loadTrainingDetail } from './training-queries';

const stale = () => new AppError('conflict', '该活动已被他人修改，请刷新后重试');

/**
 * Edits an event with the version it was read at; agenda and materials are replaced when given. Venues can be
 * replaced only while nobody is registered (registrations hold their venue); `cancelled` cancels or reopens it.
 */
export async function updateTraining(db: Executor, ctx: RequestContext, id: string, patch: TrainingEventPatch) {
  const { event: before, ownerPath, subject, actor } = await readableTraining(db, ctx, id);
  if (!canManageTraining(actor, subject)) throw forbidden('只有主办单位可以修改活动');
  if (patch.version !== before.version) throw stale();
  const endsOn = patch.endsOn ?? before.endsOn;
  const startsOn = patch.startsOn ?? before.startsOn;
  if (endsOn < startsOn) {
    throw new AppError('validation_failed', '结束日期不能早于开始日期', {
      fields: [{ path: 'endsOn', message: '结束日期不能早于开始日期' }],
    });
  }
  if (patch.venues) await checkVenues(db, ownerPath, patch.venues);
  if (patch.sessions) await checkSessions(db, actor, patch.sessions);
  await checkMaterials(db, actor, patch.materials, id);
  const { version, sessions, venues, materials, cancelled, ...fields } = patch;
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(trainingEvents)
      .set({
        ...fields,
        ...(cancelled === undefined ? {} : { cancelledAt: cancelled ? (before.cancelledAt ?? new Date()) : null }),
        version: sql`${trainingEvents.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(trainingEvents.id, id), eq(trainingEvents.version, version)))
      .returning();
    if (updated.length === 0) throw stale();
    if (sessions) {
      await tx.delete(trainingSessions).where(eq(trainingSessions.eventId, id));
      if (sessions.length > 0)
        await tx.insert(trainingSessions).values(sessions.map((s, position) => ({ ...s, eventId: id, position })));
    }
    if (venues) {
      const [held] = await tx
        .select({ n: count() })
        .from(trainingRegistrations)
        .where(eq(trainingRegistrations.eventId, id));
      if (Number(held?.n ?? 0) > 0) throw new AppError('conflict', '已有单位报名，不能再调整会场');
      await tx.delete(trainingVenues).where(eq(trainingVenues.eventId, id));
      await tx.insert(trainingVenues).values(venues.map((v, position) => ({ ...v, eventId: id, position })));
    }
    if (materials) {
      await tx.delete(trainingMaterials).where(eq(trainingMaterials.eventId, id));
      const files = distinctMaterials(materials);
      if (files.length > 0) await tx.insert(trainingMaterials).values(files.map((m) => ({ ...m, eventId: id })));
    }
    const pick = (e: typeof before) => ({
      kind: e.kind,
      title: e.title,
      description: e.description,
      audience: e.audience,
      startsOn: e.startsOn,
      endsOn: e.endsOn,
      cancelled: e.cancelledAt !== null,
    });
    const summary = diffSummary(pick(before), pick(updated[0]!));
    await recordAudit(tx, ctx, {
      action: 'training.update',
      entityType: 'training',
      entityId: id,
      jurisdictionPath: ownerPath,
      before: summary.before,
      after: {
        ...summary.after,
        ...(sessions ? { sessions: sessions.length } : {}),
        ...(venues ? { venues: venues.length } : {}),
        ...(materials ? { materials: materials.length } : {}),
      },
    });
    await syncSpeakerRecords(tx, updated[0]!, actor.id);
    if (before.cancelledAt === null && updated[0]!.cancelledAt !== null)
      await notifyRegistered(tx, updated[0]!, 'cancelled');
    if (before.cancelledAt !== null && updated[0]!.cancelledAt === null)
      await notifyRegistered(tx, updated[0]!, 'reopened');
    return (await loadTrainingDetail(tx, id))!;
  });
}

/**
 * Tells every unit with a live registration that the event is off (or on again), in the same transaction.
 * Registrations are kept through a cancellation, so a reopened event still holds them.
 */
async function notifyRegistered(
  tx: Executor,
  event: { id: string; title: string; startsOn: string },
  change: 'cancelled' | 'reopened',
) {
  const registered = await tx
    .selectDistinct({ unitId: trainingRegistrations.unitId })
    .from(trainingRegistrations)
    .where(and(eq(trainingRegistrations.eventId, event.id), isNull(trainingRegistrations.cancelledAt)));
  await notifyUsers(
    tx,
    await unitAccountIds(
      tx,
      registered.map((r) => r.unitId),
    ),
    change === 'cancelled'
      ? {
          title: '培训活动已取消',
          body: `贵单位已报名的“${event.title}”（${event.startsOn}）已由主办单位取消。`,
          link: `/trainings/${event.id}`,
        }
      : {
          title: '培训活动已恢复',
          body: `贵单位已报名的“${event.title}”（${event.startsOn}）已由主办单位恢复举办，原报名继续有效。`,
          link: `/trainings/${event.id}`,
        },
  );
}
