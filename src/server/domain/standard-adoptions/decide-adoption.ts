/**
 * The unit's county/district bureau confirms a declaration (the unit then counts as a standard adopter towards the
 * targets from the business date of the decision) or rejects it with a reason. Decided once: a guarded update from
 * "declared" at the version read, so two racing decisions cannot both win.
 */
import { and, eq, sql } from 'drizzle-orm';
import { AdoptionStatus } from '../../../shared/enums-people';
import type { AdoptionDecision } from '../../../shared/schemas/people';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db } from '../../db/client';
import { standardAdoptions, users } from '../../db/schema';
import { AppError, forbidden, unauthenticated } from '../../errors';
import { notifyUsers } from '../notifications/notify';
import { adoptionView, findAdoption, mayDecide, requireReadable } from './adoption-queries';

export async function decideAdoption(db: Db, ctx: RequestContext, id: string, input: AdoptionDecision) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const found = await requireReadable(db, actor, id);
  if (!mayDecide(actor, found)) throw forbidden('贯标申报由企业所在区、县（市）监管部门确认');
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(standardAdoptions)
      .set({
        status: input.status,
        decidedById: actor.id,
        decidedOn: ctx.today,
        decisionNote: input.note ?? null,
        version: sql`${standardAdoptions.version} + 1`,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(standardAdoptions.id, id),
          eq(standardAdoptions.status, 'declared'),
          eq(standardAdoptions.version, input.version),
        ),
      )
      .returning({ id: standardAdoptions.id });
    if (updated.length === 0) {
      throw new AppError(
        'conflict',
        found.adoption.status === 'declared'
          ? '该贯标申报已被他人修改，请刷新后重试'
          : `该贯标申报已处理（${AdoptionStatus.labels[found.adoption.status]}），不能再次处理`,
      );
    }
    await recordAudit(tx, ctx, {
      action: 'adoption.decide',
      entityType: 'standard_adoption',
      entityId: id,
      unitId: found.adoption.unitId,
      jurisdictionPath: found.unitPath,
      before: { status: found.adoption.status },
      after: { status: input.status, note: input.note ?? null, decidedOn: ctx.today },
    });
    const members = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.unitId, found.adoption.unitId), eq(users.disabled, false)));
    await notifyUsers(
      tx,
      members.map((m) => m.id),
      {
        title: input.status === 'confirmed' ? '贯标申报已确认' : '贯标申报未通过',
        body:
          input.status === 'confirmed'
            ? '贵单位实施《商业秘密保护管理与服务规范》的申报已经确认。'
            : `贵单位的贯标申报未予确认：${input.note ?? ''}`,
        link: '/standard-adoptions',
      },
    );
    return adoptionView((await findAdoption(tx, id))!, actor);
  });
}
