/**
 * An officer over the unit (an administrator: any) confirms a declared conflict — the expert cannot sit on the
 * unit's panels — or dismisses it. Decided once: a guarded update from "declared", so two racing decisions
 * cannot both win.
 */
import { and, eq } from 'drizzle-orm';
import { ConflictStatus } from '../../../shared/enums';
import type { ConflictDecision } from '../../../shared/schemas/acceptance';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db } from '../../db/client';
import { expertConflicts } from '../../db/schema';
import { AppError, forbidden, notFound, unauthenticated } from '../../errors';
import { conflictsWhere, findConflict, officerOverUnit } from './conflict-queries';
import { findExpert, registryVisible } from './expert-queries';

export async function decideConflict(db: Db, ctx: RequestContext, id: string, input: ConflictDecision) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const found = await findConflict(db, id);
  if (!found) throw notFound('利益冲突记录');
  const expert = await findExpert(db, found.conflict.expertId);
  const visible =
    actor.role === 'admin' ||
    (actor.role === 'officer' &&
      officerOverUnit(actor, found.unitPath) &&
      registryVisible(actor, expert!.jurisdictionPath));
  if (!visible) {
    if (actor.role === 'officer' || actor.role === 'admin') throw notFound('利益冲突记录');
    throw forbidden('只有监管部门可以确认利益冲突');
  }
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(expertConflicts)
      .set({ status: input.status, decidedById: actor.id, decidedAt: new Date() })
      .where(and(eq(expertConflicts.id, id), eq(expertConflicts.status, 'declared')))
      .returning({ id: expertConflicts.id });
    if (updated.length === 0) {
      throw new AppError(
        'conflict',
        `该利益冲突已处理（${ConflictStatus.labels[found.conflict.status]}），不能再次处理`,
      );
    }
    await recordAudit(tx, ctx, {
      action: 'conflict.decide',
      entityType: 'expert',
      entityId: found.conflict.expertId,
      unitId: found.conflict.unitId,
      jurisdictionPath: found.unitPath,
      before: { conflictId: id, status: found.conflict.status },
      after: { conflictId: id, status: input.status },
    });
  });
  const [view] = await conflictsWhere(db, eq(expertConflicts.id, id));
  return view!;
}
