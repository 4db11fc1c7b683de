/**
 * An expert on the panel saves its scoring sheet while the application is under acceptance: answers checked
 * against the kind's rubric (score or met per node, each item's comment in its `note`) and an overall comment.
 * The sheet may be saved incomplete — an item without its score or its comment — and completed later (it counts as
 * complete only with both on every item, see src/core/applications/panel-scores.ts); optimistic when the version
 * read is given.
 */

import { and, eq, isNull, sql } from 'drizzle-orm';
import { rubricForKind } from '../../../core/programs/queries';
import type { PanelSheet } from '../../../shared/schemas/acceptance';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db } from '../../db/client';
import { experts, panelAssignments } from '../../db/schema';
import { AppError, forbidden, unauthenticated } from '../../errors';
import { applicationFiles, requireAnswers } from '../applications/application-answers';
import { evidenceFiles, requireCitable, uploadHolder } from '../attachments/attachment-holders';
import { getPanel } from './get-panel';
import { loadForAcceptance, requireUnderAcceptance } from './panel-access';

export async function savePanelSheet(db: Db, ctx: RequestContext, applicationId: string, input: PanelSheet) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  return db.transaction(async (tx) => {
    const { found, onPanel } = await loadForAcceptance(tx, actor, applicationId, { forUpdate: true });
    if (!onPanel) throw forbidden('只有验收组中的专家可以评分');
    requireUnderAcceptance(found, '评分');
    const [row] = await tx
      .select({ expertId: panelAssignments.expertId, version: panelAssignments.version })
      .from(panelAssignments)
      .innerJoin(experts, eq(experts.id, panelAssignments.expertId))
      .where(
        and(
          eq(panelAssignments.applicationId, applicationId),
          eq(experts.userId, actor.id),
          isNull(panelAssignments.recusedAt),
        ),
      );
    if (!row) throw forbidden('只有验收组中的专家可以评分');
    if (input.version !== undefined && input.version !== row.version) {
      throw new AppError('conflict', '评分表已在别处修改，请刷新后重试');
    }
    const answers = requireAnswers(rubricForKind(found.programme, found.application.kindId)!, input.answers, 'answers');
    // An expert cites the application's own files, or what it uploads itself.
    await requireCitable(tx, evidenceFiles(answers), {
      holder: uploadHolder(actor),
      onRecord: applicationFiles(found.application),
    });
    const updated = await tx
      .update(panelAssignments)
      .set({
        answers,
        comment: input.comment ?? null,
        scoredAt: new Date(),
        version: sql`${panelAssignments.version} + 1`,
      })
      .where(
        and(
          eq(panelAssignments.applicationId, applicationId),
          eq(panelAssignments.expertId, row.expertId),
          eq(panelAssignments.version, row.version),
          isNull(panelAssignments.recusedAt),
        ),
      )
      .returning({ version: panelAssignments.version });
    if (updated.length === 0) throw new AppError('conflict', '评分表已在别处修改，请刷新后重试');
    await recordAudit(tx, ctx, {
      action: 'panel.score',
      entityType: 'application',
      entityId: applicationId,
      unitId: found.application.unitId,
      jurisdictionPath: found.unitPath,
      after: { expertId: row.expertId, answered: Object.keys(answers).length, version: updated[0]!.version },
    });
    // The answer is read in this transaction: the row as this request committed it, not a later edit.
    return getPanel(tx, ctx, applicationId);
  });
}
