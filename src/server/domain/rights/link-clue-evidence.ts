/**
 * Evidence certificates linked to a clue after intake: the reporting unit (from its own evidence list) or a handler
 * (by the certificate numbers the firm hands over) links further certificates of the right holder's unit. Each is
 * verified when linked (sealed in the log, the unit's own), exactly as at intake; one transaction writes the links,
 * a reporter-visible event and the audit entry.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { RightsEvidenceLinkInput } from '../../../shared/schemas/rights';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db } from '../../db/client';
import { rightsClueEvidence } from '../../db/schema';
import { AppError, type FieldError, forbidden } from '../../errors';
import { findByCertificateNumber } from '../evidence/prove-evidence';
import { verifyEvidence } from './report-clue';
import { loadClue } from './rights-access';
import { appendEvent } from './rights-events';

const invalid = (fields: FieldError[]) => new AppError('validation_failed', fields[0]!.message, { fields });

export async function linkClueEvidence(db: Db, ctx: RequestContext, id: string, input: RightsEvidenceLinkInput) {
  const loaded = await loadClue(db, ctx, id);
  const actor = ctx.actor!;
  const { clue } = loaded;
  const isReporter = loaded.access === 'reporter';
  const isHandler = actor.role === 'officer' && loaded.handlerIds.includes(actor.id);
  if (!isReporter && !isHandler) throw forbidden('只有举报/申请单位和承办人可以关联存证证书');
  if (isReporter && input.certificateNos.length > 0)
    throw invalid([{ path: 'certificateNos', message: '请从本单位的存证中选择' }]);
  if (clue.status === 'closed' || clue.status === 'merged')
    throw new AppError('conflict', '线索已办结，不能再关联存证证书');
  // The certificates belong to the right holder's unit: the reporting unit, else the registered holder.
  const ownerUnitId = clue.reporterUnitId ?? clue.holderUnitId;
  if (!ownerUnitId)
    throw invalid([{ path: 'certificateNos', message: '权利人不是本平台的注册单位，无法关联其存证证书' }]);
  const byNumber: string[] = [];
  const fields: FieldError[] = [];
  for (const [i, no] of input.certificateNos.entries()) {
    try {
      byNumber.push((await findByCertificateNumber(db, no)).id);
    } catch {
      fields.push({ path: `certificateNos.${i}`, message: `存证证书 ${no} 不存在` });
    }
  }
  if (fields.length > 0) throw invalid(fields);
  const ids = [...new Set([...input.evidenceIds, ...byNumber])];
  const links = await verifyEvidence(db, ownerUnitId, ids);
  const already = await db
    .select({ submissionId: rightsClueEvidence.submissionId })
    .from(rightsClueEvidence)
    .where(and(eq(rightsClueEvidence.clueId, id), inArray(rightsClueEvidence.submissionId, ids)));
  if (already.length > 0) {
    const path = input.evidenceIds.length > 0 ? 'evidenceIds' : 'certificateNos';
    throw invalid([{ path, message: '所选存证证书已关联到本线索' }]);
  }
  return db.transaction(async (tx) => {
    await tx.insert(rightsClueEvidence).values(links.map((l) => ({ clueId: id, ...l, linkedById: actor.id })));
    const numbers = links.map((l) => String(l.verification.certificateNo));
    await appendEvent(tx, ctx, id, {
      kind: 'evidence_linked',
      comment: `补充关联存证证书（已核验）：${numbers.join('、')}`,
      reporterVisible: true,
    });
    await recordAudit(tx, ctx, {
      action: 'rights.evidence_link',
      entityType: 'rights_clue',
      entityId: id,
      jurisdictionPath: clue.jurisdictionPath,
      unitId: clue.reporterUnitId,
      after: { clueNo: clue.clueNo, certificates: numbers },
    });
    return { id, linked: numbers };
  });
}
