/**
 * The competent bureau (or a bureau above it) names the handlers (承办人) of a clue: officers of the competent
 * bureau. Replaces the list; version-guarded; audited; the new handlers are notified.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { RightsAssignInput } from '../../../shared/schemas/rights';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db, Executor } from '../../db/client';
import { rightsClueHandlers, users } from '../../db/schema';
import { AppError } from '../../errors';
import { notifyUsers } from '../notifications/notify';
import { bumpVersion } from './clue-update';
import { loadClue, requireAssigner } from './rights-access';
import { appendEvent } from './rights-events';

/** The officers who may be named handlers: the competent bureau's active officers (the only ones accepted below). */
function activeOfficersOf(db: Executor, jurisdictionCode: string, ids?: readonly string[]) {
  return db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(
      and(
        ids ? inArray(users.id, [...ids]) : undefined,
        eq(users.role, 'officer'),
        eq(users.jurisdictionCode, jurisdictionCode),
        eq(users.disabled, false),
      ),
    )
    .orderBy(asc(users.displayName));
}

/** The choice the assigning officer is offered: who the server will accept as handlers of this clue. */
export async function listHandlerCandidates(db: Db, ctx: RequestContext, id: string) {
  const loaded = await loadClue(db, ctx, id);
  requireAssigner(ctx, loaded);
  const officers = await activeOfficersOf(db, loaded.clue.jurisdictionCode);
  return officers.map((o) => ({ ...o, assigned: loaded.handlerIds.includes(o.id) }));
}

export async function assignHandlers(db: Db, ctx: RequestContext, id: string, input: RightsAssignInput) {
  const loaded = await loadClue(db, ctx, id);
  const actor = requireAssigner(ctx, loaded);
  const { clue } = loaded;
  const officers = await activeOfficersOf(db, clue.jurisdictionCode, input.handlerIds);
  if (officers.length !== input.handlerIds.length) {
    const message = '承办人须为管辖部门的在职执法人员';
    throw new AppError('validation_failed', message, { fields: [{ path: 'handlerIds', message }] });
  }
  return db.transaction(async (tx) => {
    await bumpVersion(tx, id, input.version);
    await tx.delete(rightsClueHandlers).where(eq(rightsClueHandlers.clueId, id));
    await tx
      .insert(rightsClueHandlers)
      .values(officers.map((o) => ({ clueId: id, userId: o.id, assignedById: actor.id })));
    await appendEvent(tx, ctx, id, {
      kind: 'handler_assigned',
      comment: `承办人：${officers.map((o) => o.name).join('、')}`,
    });
    await recordAudit(tx, ctx, {
      action: 'rights.assign',
      entityType: 'rights_clue',
      entityId: id,
      jurisdictionPath: clue.jurisdictionPath,
      before: { handlerIds: loaded.handlerIds },
      after: { handlerIds: input.handlerIds },
    });
    await notifyUsers(tx, input.handlerIds, {
      title: `您被指定为维权线索 ${clue.clueNo} 的承办人`,
      body: `请于 ${clue.decisionDeadline} 前作出是否立案的决定。`,
      link: `/rights/clues/${id}`,
    });
    return { id, version: input.version + 1 };
  });
}
