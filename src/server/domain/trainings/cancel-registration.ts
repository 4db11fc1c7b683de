import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { trainingRegistrations } from '../../db/schema';
import { AppError } from '../../errors';
import { readableRegistration } from './training-access';
import { loadRegistration } from './training-queries';

/** The unit (or the venue's host) cancels a registration that has not been checked in; its seat is freed. */
export async function cancelRegistration(db: Executor, ctx: RequestContext, id: string) {
  const found = await readableRegistration(db, ctx, id);
  if (found.registration.checkedInAt) throw new AppError('conflict', '已签到的报名不能取消');
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(trainingRegistrations)
      .set({ cancelledAt: new Date() })
      .where(
        and(
          eq(trainingRegistrations.id, id),
          isNull(trainingRegistrations.cancelledAt),
          isNull(trainingRegistrations.checkedInAt),
        ),
      )
      .returning({ id: trainingRegistrations.id });
    if (updated.length === 0) throw new AppError('conflict', '该报名已取消或已签到');
    await recordAudit(tx, ctx, {
      action: 'training.cancel_registration',
      entityType: 'training_registration',
      entityId: id,
      unitId: found.registration.unitId,
      jurisdictionPath: found.hostPath,
      before: { attendeeName: found.registration.attendeeName },
    });
    return (await loadRegistration(tx, id))!;
  });
}
