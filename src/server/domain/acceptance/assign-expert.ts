/**
 * The programme's owning bureau (or an administrator) puts an expert on the panel of an application under
 * acceptance. The expert must be in a registry the officer sees, active and able to log in to score; refused when
 * it already sits (or has recused) on this panel, or when a conflict of interest with the applicant — declared and
 * not dismissed, or evident from its affiliation — stands in the way. One transaction with the application locked,
 * so it cannot race the decision on the acceptance.
 */
import { and, eq } from 'drizzle-orm';
import type { PanelAssign } from '../../../shared/schemas/acceptance';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db } from '../../db/client';
import { panelAssignments } from '../../db/schema';
import { AppError, unauthenticated } from '../../errors';
import { blockingConflicts, describeConflict } from '../experts/conflict-check';
import { findExpert, registryVisible } from '../experts/expert-queries';
import { notifyUsers } from '../notifications/notify';
import { loadForAcceptance, requireManager, requireUnderAcceptance } from './panel-access';

const invalidExpert = (message: string) =>
  new AppError('validation_failed', message, { fields: [{ path: 'expertId', message }] });

export async function assignExpert(db: Db, ctx: RequestContext, applicationId: string, input: PanelAssign) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  await db.transaction(async (tx) => {
    const panel = await loadForAcceptance(tx, actor, applicationId, { forUpdate: true });
    requireManager(panel, '指派验收专家');
    const { found } = panel;
    requireUnderAcceptance(found, '指派验收专家');
    const expert = await findExpert(tx, input.expertId);
    if (!expert || !registryVisible(actor, expert.jurisdictionPath)) {
      throw invalidExpert('专家不存在或不在本部门可选用的专家库中');
    }
    if (!expert.expert.active) throw invalidExpert(`专家${expert.expert.name}已停用，不能指派`);
    if (!expert.expert.userId) {
      throw invalidExpert(`专家${expert.expert.name}尚未关联专家账号，无法在线评分，请先为其关联账号`);
    }
    const [existing] = await tx
      .select({ recusedAt: panelAssignments.recusedAt })
      .from(panelAssignments)
      .where(and(eq(panelAssignments.applicationId, applicationId), eq(panelAssignments.expertId, input.expertId)));
    if (existing) {
      throw new AppError(
        'duplicate',
        existing.recusedAt
          ? `专家${expert.expert.name}已回避本申报的验收，不能再次指派`
          : `专家${expert.expert.name}已在本申报的验收组中`,
      );
    }
    const conflicts = await blockingConflicts(tx, expert.expert, found.application.unitId);
    if (conflicts.length > 0) {
      throw new AppError(
        'conflict',
        `专家${expert.expert.name}与申报单位存在利益冲突：${conflicts.map(describeConflict).join('；')}，不能指派`,
        { details: { reason: 'conflict_of_interest', conflicts: conflicts.map((c) => c.kind) } },
      );
    }
    await tx.insert(panelAssignments).values({ applicationId, expertId: input.expertId, assignedById: actor.id });
    await recordAudit(tx, ctx, {
      action: 'panel.assign',
      entityType: 'application',
      entityId: applicationId,
      unitId: found.application.unitId,
      jurisdictionPath: found.unitPath,
      after: { expertId: input.expertId, expertName: expert.expert.name },
    });
    await notifyUsers(tx, [expert.expert.userId], {
      title: '验收评审任务',
      body: `您已被指派为“${found.unitName}”申报（${found.programmeTitle}）的验收专家，请按验收评价标准评分。`,
      link: `/applications/${applicationId}`,
    });
  });
}
