/**
 * The owning bureau writes the comprehensive acceptance opinion (综合验收意见, 002 art. 11(4); "区局验收意见" in 000)
 * while the application is under acceptance. Guarded by the application's version, which it bumps.
 */

import { and, eq, sql } from 'drizzle-orm';
import type { AcceptanceOpinionInput } from '../../../shared/schemas/acceptance';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db } from '../../db/client';
import { applications } from '../../db/schema';
import { AppError, unauthenticated } from '../../errors';
import { getPanel } from './get-panel';
import { loadForAcceptance, requireManager, requireUnderAcceptance } from './panel-access';

export async function saveAcceptanceOpinion(
  db: Db,
  ctx: RequestContext,
  applicationId: string,
  input: AcceptanceOpinionInput,
) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  return db.transaction(async (tx) => {
    const panel = await loadForAcceptance(tx, actor, applicationId, { forUpdate: true });
    requireManager(panel, '填写综合验收意见');
    const { found } = panel;
    requireUnderAcceptance(found, '填写综合验收意见');
    const updated = await tx
      .update(applications)
      .set({ acceptanceOpinion: input.opinion, version: sql`${applications.version} + 1`, updatedAt: new Date() })
      .where(
        and(
          eq(applications.id, applicationId),
          eq(applications.version, input.version),
          eq(applications.status, 'under_acceptance'),
        ),
      )
      .returning({ id: applications.id });
    if (updated.length === 0) throw new AppError('conflict', '申报已被他人更新，请刷新后重试');
    await recordAudit(tx, ctx, {
      action: 'acceptance.opinion',
      entityType: 'application',
      entityId: applicationId,
      unitId: found.application.unitId,
      jurisdictionPath: found.unitPath,
      before: { acceptanceOpinion: found.application.acceptanceOpinion },
      after: { acceptanceOpinion: input.opinion },
    });
    // The answer is read in this transaction: the row as this request committed it, not a later edit.
    return getPanel(tx, ctx, applicationId);
  });
}
