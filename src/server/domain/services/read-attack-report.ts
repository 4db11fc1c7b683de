import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { attachments, serviceAttackAssessments } from '../../db/schema';
import { forbidden, notFound, unauthenticated } from '../../errors';
import { isAttackParty } from '../../policies/services';
import { findVisibleAttack, partiesOf } from './attack-queries';

/**
 * The confidential report's file, for the firm, the provider's accounts and the responsible officer only; every read
 * is written to the audit trail in the transaction that reads it.
 */
export async function readAttackReport(db: Executor, ctx: RequestContext, id: string) {
  if (!ctx.actor) throw unauthenticated();
  const row = await findVisibleAttack(db, ctx.actor, id);
  if (!isAttackParty(ctx.actor, partiesOf(row))) throw forbidden('评估报告仅限企业、评估机构和责任监管人员查阅');
  return db.transaction(async (tx) => {
    const [file] = await tx
      .select({
        fileName: serviceAttackAssessments.reportFileName,
        mimeType: attachments.mimeType,
        content: attachments.content,
      })
      .from(serviceAttackAssessments)
      .innerJoin(attachments, eq(attachments.sha256, serviceAttackAssessments.reportSha256))
      .where(eq(serviceAttackAssessments.id, id));
    if (!file?.fileName) throw notFound('评估报告');
    await recordAudit(tx, ctx, {
      action: 'attack.report_read',
      entityType: 'attack_assessment',
      entityId: id,
      unitId: row.unitId,
      jurisdictionPath: row.unitPath,
    });
    return { fileName: file.fileName, mimeType: file.mimeType, content: file.content };
  });
}
