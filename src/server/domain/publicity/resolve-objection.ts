/**
 * The owning bureau records the result of checking an objection (核查处理结果) and whether it holds. Once resolved
 * an objection is not reopened (approval may already rest on it). Optimistic: the version read must be current.
 * The applicant unit is told that the objection was dealt with and the outcome, not who objected.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { ObjectionResolutionInput } from '../../../shared/schemas/publicity';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db } from '../../db/client';
import { applications, jurisdictions, objections, units, users } from '../../db/schema';
import { AppError, forbidden, notFound, unauthenticated } from '../../errors';
import { notifyUsers } from '../notifications/notify';
import { objectionsQuery, objectionView } from './list-objections';
import { managesNotice } from './publicity-queries';

export async function resolveObjection(db: Db, ctx: RequestContext, id: string, input: ObjectionResolutionInput) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  if (actor.role !== 'officer' && actor.role !== 'admin') throw forbidden('只有工作方案的主管部门可以处理异议');
  const [found] = await objectionsQuery(db).where(eq(objections.id, id));
  if (!found || !managesNotice(actor, found.ownerPath)) throw notFound('异议');
  if (found.objection.resolvedAt) throw new AppError('conflict', '该异议已处理完毕，不能再次处理');
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(objections)
      .set({
        resolution: input.resolution,
        upheld: input.upheld,
        resolvedById: actor.id,
        resolvedAt: new Date(),
        version: sql`${objections.version} + 1`,
      })
      .where(and(eq(objections.id, id), eq(objections.version, input.version), isNull(objections.resolvedAt)))
      .returning({ id: objections.id });
    if (updated.length === 0) throw new AppError('conflict', '异议已被他人处理或更新，请刷新后重试');
    const [unit] = await tx
      .select({ unitId: applications.unitId, path: jurisdictions.path })
      .from(applications)
      .innerJoin(units, eq(units.id, applications.unitId))
      .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
      .where(eq(applications.id, found.objection.applicationId));
    await recordAudit(tx, ctx, {
      action: 'objection.resolve',
      entityType: 'objection',
      entityId: id,
      unitId: unit?.unitId ?? null,
      jurisdictionPath: unit?.path ?? null,
      before: { resolved: false },
      after: { upheld: input.upheld, resolution: input.resolution },
    });
    if (unit) {
      const members = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.unitId, unit.unitId), eq(users.disabled, false)));
      await notifyUsers(
        tx,
        members.map((m) => m.id),
        {
          title: `公示异议已处理：${input.upheld ? '异议成立' : '异议不成立'}`,
          body: `“${found.noticeTitle}”中针对本单位的一件异议已处理。处理结果：${input.resolution}`,
          link: `/applications/${found.objection.applicationId}`,
        },
      );
    }
  });
  const [after] = await objectionsQuery(db).where(eq(objections.id, id));
  return objectionView(after!);
}
