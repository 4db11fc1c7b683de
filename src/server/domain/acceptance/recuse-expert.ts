/**
 * An expert withdraws from a panel (回避), by itself or on the owning bureau's decision, while the application is
 * under acceptance. The assignment stays as a record; its sheet no longer counts and the expert no longer sees the
 * application.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Recusal } from '../../../shared/schemas/acceptance';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db } from '../../db/client';
import { experts, panelAssignments } from '../../db/schema';
import { AppError, forbidden, notFound, unauthenticated } from '../../errors';
import { loadForAcceptance, requireUnderAcceptance } from './panel-access';

export async function recuseExpert(
  db: Db,
  ctx: RequestContext,
  applicationId: string,
  expertId: string,
  input: Recusal,
) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  await db.transaction(async (tx) => {
    const panel = await loadForAcceptance(tx, actor, applicationId, { forUpdate: true });
    const [row] = await tx
      .select({ recusedAt: panelAssignments.recusedAt, userId: experts.userId, name: experts.name })
      .from(panelAssignments)
      .innerJoin(experts, eq(experts.id, panelAssignments.expertId))
      .where(and(eq(panelAssignments.applicationId, applicationId), eq(panelAssignments.expertId, expertId)));
    if (!row) throw notFound('验收组专家');
    const self = actor.role === 'expert' && row.userId === actor.id;
    if (!self && !panel.manages) {
      throw forbidden(actor.role === 'expert' ? '专家只能申请本人回避' : '只有工作方案主管部门或专家本人可以办理回避');
    }
    requireUnderAcceptance(panel.found, '办理专家回避');
    if (row.recusedAt) throw new AppError('conflict', `专家${row.name}已回避`);
    const updated = await tx
      .update(panelAssignments)
      .set({ recusedAt: new Date(), recusalReason: input.reason, version: sql`${panelAssignments.version} + 1` })
      .where(
        and(
          eq(panelAssignments.applicationId, applicationId),
          eq(panelAssignments.expertId, expertId),
          isNull(panelAssignments.recusedAt),
        ),
      )
      .returning({ expertId: panelAssignments.expertId });
    if (updated.length === 0) throw new AppError('conflict', `专家${row.name}已回避`);
    await recordAudit(tx, ctx, {
      action: 'panel.recuse',
      entityType: 'application',
      entityId: applicationId,
      unitId: panel.found.application.unitId,
      jurisdictionPath: panel.found.unitPath,
      after: { expertId, expertName: row.name, reason: input.reason, bySelf: self },
    });
  });
}
