import { and, eq, sql } from 'drizzle-orm';
import type { AttackReport } from '../../../shared/schemas/services';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { serviceAttackAssessments, serviceAttackFindings } from '../../db/schema';
import { AppError, forbidden, unauthenticated } from '../../errors';
import { canReportAttack } from '../../policies/services';
import { filesAt, requireCitable, uploadHolder } from '../attachments/attachment-holders';
import { notifyAttackParties } from './attack-notifications';
import { findVisibleAttack, loadAttackForActor, partiesOf } from './attack-queries';

/**
 * The provider (its accounts, or the responsible officer for a provider without one) delivers the confidential report
 * with its findings; each finding then waits for the firm's follow-up.
 */
export async function reportAttackAssessment(db: Executor, ctx: RequestContext, id: string, input: AttackReport) {
  if (!ctx.actor) throw unauthenticated();
  const row = await findVisibleAttack(db, ctx.actor, id);
  if (!canReportAttack(ctx.actor, partiesOf(row))) throw forbidden('只有评估机构或责任监管人员可以提交评估报告');
  if (row.status !== 'scheduled')
    throw new AppError('conflict', row.status === 'requested' ? '评估尚未安排' : '评估报告已提交');
  await requireCitable(db, filesAt([input.report], 'report'), { holder: uploadHolder(ctx.actor) });
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(serviceAttackAssessments)
      .set({
        status: input.findings.length === 0 ? 'closed' : 'reported',
        reportSha256: input.report.sha256,
        reportFileName: input.report.fileName,
        reportSummary: input.summary,
        reportedOn: ctx.today,
        closedOn: input.findings.length === 0 ? ctx.today : null,
        version: sql`${serviceAttackAssessments.version} + 1`,
      })
      .where(
        and(
          eq(serviceAttackAssessments.id, id),
          eq(serviceAttackAssessments.version, input.version),
          eq(serviceAttackAssessments.status, 'scheduled'),
        ),
      )
      .returning({ id: serviceAttackAssessments.id });
    if (updated.length === 0) throw new AppError('conflict', '该评估已被他人处理，请刷新后重试');
    if (input.findings.length > 0)
      await tx
        .insert(serviceAttackFindings)
        .values(input.findings.map((f, position) => ({ ...f, assessmentId: id, position })));
    await recordAudit(tx, ctx, {
      action: 'attack.report',
      entityType: 'attack_assessment',
      entityId: id,
      unitId: row.unitId,
      jurisdictionPath: row.unitPath,
      // The audit trail is read by the bureaus: it keeps that a report came, not what it says.
      after: { status: 'reported', findings: input.findings.length, report: input.report.sha256 },
    });
    await notifyAttackParties(tx, ctx.actor!.id, row, { kind: 'reported', findings: input.findings.length });
    return loadAttackForActor(tx, ctx.actor!, id);
  });
}
