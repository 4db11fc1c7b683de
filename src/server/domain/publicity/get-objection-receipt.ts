/**
 * What whoever holds an objection's receipt code may see, without logging in: the notice and the unit objected to
 * (both public on the notice), when it was filed, where it stands — received while the notice is open, being
 * checked by the bureau once the period is over, decided once answered — and the bureau's written answer. Nothing
 * of the objector (name, contact, reasons, files) and nothing of any other objection.
 */
import { eq } from 'drizzle-orm';
import { normalizeReceiptCode } from '../../../core/applications/receipt-code';
import type { Executor } from '../../db/client';
import { applications, objections, publicityNotices, units } from '../../db/schema';
import { AppError } from '../../errors';
import { noticeState } from './publicity-queries';

export type ObjectionProgress = 'received' | 'handling' | 'decided';

export const OBJECTION_PROGRESS_LABELS: Record<ObjectionProgress, string> = {
  received: '已收到',
  handling: '核查处理中',
  decided: '已处理',
};

const notFound = () => new AppError('not_found', '没有与该回执码对应的异议，请核对回执码后重试');

export async function getObjectionReceipt(db: Executor, input: string, today: string) {
  const code = normalizeReceiptCode(input);
  if (!code) throw notFound();
  const [row] = await db
    .select({
      receiptCode: objections.receiptCode,
      createdAt: objections.createdAt,
      resolvedAt: objections.resolvedAt,
      resolution: objections.resolution,
      upheld: objections.upheld,
      noticeId: publicityNotices.id,
      noticeTitle: publicityNotices.title,
      startsOn: publicityNotices.startsOn,
      endsOn: publicityNotices.endsOn,
      unitName: units.name,
    })
    .from(objections)
    .innerJoin(publicityNotices, eq(publicityNotices.id, objections.noticeId))
    .innerJoin(applications, eq(applications.id, objections.applicationId))
    .innerJoin(units, eq(units.id, applications.unitId))
    .where(eq(objections.receiptCode, code))
    .limit(1);
  if (!row) throw notFound();
  const progress: ObjectionProgress = row.resolvedAt
    ? 'decided'
    : noticeState(row, today) === 'closed'
      ? 'handling'
      : 'received';
  return {
    receiptCode: row.receiptCode,
    noticeId: row.noticeId,
    noticeTitle: row.noticeTitle,
    unitName: row.unitName,
    filedAt: row.createdAt,
    progress,
    progressLabel: OBJECTION_PROGRESS_LABELS[progress],
    upheld: row.resolvedAt ? row.upheld : null,
    resolution: row.resolvedAt ? row.resolution : null,
    resolvedAt: row.resolvedAt,
  };
}
