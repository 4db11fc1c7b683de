/**
 * A flagged pair of clues is decided by a handler of either clue or a supervising bureau of both (the city):
 * linked (kept apart, cross-referenced), merged (the newer clue ends as `merged` into the other, if it was not yet
 * triaged) or dismissed (not the same matter). Version-guarded on the flag.
 */
import { and, eq, sql } from 'drizzle-orm';
import { duplicateDecisions } from '../../../core/rights/duplicates';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db } from '../../db/client';
import { rightsClues, rightsDuplicates } from '../../db/schema';
import { AppError, forbidden, notFound, unauthenticated } from '../../errors';
import { updateClue } from './clue-update';
import { clueAccess, handlerIdsOf } from './rights-access';
import { appendEvent } from './rights-events';

export async function decideDuplicate(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { status: 'linked' | 'merged' | 'dismissed'; version: number },
) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const [dup] = await db.select().from(rightsDuplicates).where(eq(rightsDuplicates.id, id));
  if (!dup) throw notFound('疑似重复记录');
  const [a] = await db.select().from(rightsClues).where(eq(rightsClues.id, dup.clueId));
  const [b] = await db.select().from(rightsClues).where(eq(rightsClues.id, dup.otherClueId));
  if (!a || !b) throw notFound('疑似重复记录');
  const accessA = clueAccess(actor, a, await handlerIdsOf(db, a.id));
  const accessB = clueAccess(actor, b, await handlerIdsOf(db, b.id));
  if (accessA === 'none' && accessB === 'none') throw notFound('疑似重复记录');
  if (actor.role !== 'officer' || (accessA !== 'content' && accessB !== 'content'))
    throw forbidden('只有相关线索的承办人或上级监管部门可以处理');
  if (input.status === 'merged' && !(accessA === 'content' && accessB === 'content'))
    throw forbidden('并案须由两条线索共同的上级监管部门或同时承办两条线索的人员决定');
  if (dup.status !== 'open') throw new AppError('invalid_transition', '该疑似重复已处理');
  const allowed = duplicateDecisions(a.status, b.status);
  if (allowed.length === 0) throw new AppError('invalid_transition', '两条线索均已办结，无需再处理疑似重复');
  if (!allowed.includes(input.status)) throw new AppError('invalid_transition', '已研判的线索不能并入其他线索');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(rightsDuplicates)
      .set({
        status: input.status,
        decidedById: actor.id,
        decidedAt: new Date(),
        version: sql`${rightsDuplicates.version} + 1`,
      })
      .where(and(eq(rightsDuplicates.id, id), eq(rightsDuplicates.version, input.version)))
      .returning();
    if (!row) throw new AppError('conflict', '该疑似重复已被他人处理，请刷新后重试');
    if (input.status === 'merged') {
      await updateClue(tx, a.id, a.version, { status: 'merged', mergedIntoId: b.id, closedOn: ctx.today });
      await appendEvent(tx, ctx, a.id, {
        kind: 'duplicate_merged',
        fromStatus: a.status,
        toStatus: 'merged',
        comment: `并入线索 ${b.clueNo} 一并办理`,
        reporterVisible: true,
      });
    }
    const kind =
      input.status === 'linked'
        ? 'duplicate_linked'
        : input.status === 'merged'
          ? 'duplicate_merged'
          : 'duplicate_dismissed';
    await appendEvent(tx, ctx, b.id, {
      kind,
      comment: `与线索 ${a.clueNo}：${{ linked: '已关联', merged: '已并入本线索', dismissed: '排除重复' }[input.status]}`,
    });
    if (input.status !== 'merged')
      await appendEvent(tx, ctx, a.id, {
        kind,
        comment: `与线索 ${b.clueNo}：${{ linked: '已关联', dismissed: '排除重复' }[input.status]}`,
      });
    await recordAudit(tx, ctx, {
      action: 'rights.duplicate_decide',
      entityType: 'rights_clue',
      entityId: a.id,
      jurisdictionPath: a.jurisdictionPath,
      after: { duplicateId: id, otherClueId: b.id, status: input.status },
    });
    return { id, status: input.status, version: row.version };
  });
}
