/**
 * The follow-up of a rectification (整改验收): the certifying bureau judges whether the base rectified what its
 * annual review found. Accepted, the base stays; not accepted, it is revoked through the application's `revoke`
 * action in the same transaction. Judged once (version-guarded, 409 to the second officer).
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { chineseDate } from '../../../core/applications/guards';
import { RectificationOutcome } from '../../../shared/enums-oversight';
import type { RectificationInput } from '../../../shared/schemas/oversight';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db } from '../../db/client';
import { annualReviews } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { keptActiveBase, notifyUnit, revokeThroughApplication } from './record-review';

const invalid = (path: string, message: string) =>
  new AppError('validation_failed', message, { fields: [{ path, message }] });

export async function recordRectification(
  db: Db,
  ctx: RequestContext,
  certificateNo: string,
  year: number,
  input: RectificationInput,
  today: string,
): Promise<void> {
  const row = await keptActiveBase(db, ctx, certificateNo);
  const base = row.base;
  const [review] = await db
    .select()
    .from(annualReviews)
    .where(and(eq(annualReviews.baseId, base.id), eq(annualReviews.year, year)));
  if (!review) throw notFound(`${year}年度复核`);
  if (review.outcome !== 'rectify') throw new AppError('invalid_transition', `${year}年度复核未要求整改`);
  if (review.rectificationOutcome) throw new AppError('conflict', `${year}年度复核的整改已验收`);
  if (input.version !== review.version) throw new AppError('conflict', '复核记录已被他人更新，请刷新后重试');
  if (input.rectifiedOn > today) throw invalid('rectifiedOn', `验收日期不能晚于今天（${chineseDate(today)}）`);
  if (input.rectifiedOn < review.reviewedOn) {
    throw invalid('rectifiedOn', `验收日期不能早于复核日期（${chineseDate(review.reviewedOn)}）`);
  }
  if (input.outcome === 'accepted' && input.revocation) throw invalid('revocation', '整改到位无需填写撤销信息');
  if (input.outcome === 'revoke' && !input.revocation) {
    throw invalid('revocation', '请填写撤销认定的情形、日期和撤销文号');
  }
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(annualReviews)
      .set({
        rectificationOutcome: input.outcome,
        rectificationFindings: input.findings,
        rectifiedOn: input.rectifiedOn,
        version: sql`${annualReviews.version} + 1`,
      })
      .where(
        and(
          eq(annualReviews.id, review.id),
          eq(annualReviews.version, input.version),
          isNull(annualReviews.rectificationOutcome),
        ),
      )
      .returning({ id: annualReviews.id });
    if (updated.length === 0) throw new AppError('conflict', '复核记录已被他人更新，请刷新后重试');
    await recordAudit(tx, ctx, {
      action: 'base.rectification',
      entityType: 'base',
      entityId: base.id,
      unitId: base.unitId,
      jurisdictionPath: row.jurisdictionPath,
      before: { rectificationOutcome: null },
      after: {
        reviewId: review.id,
        certificateNo,
        year,
        outcome: input.outcome,
        outcomeLabel: RectificationOutcome.labels[input.outcome],
        rectifiedOn: input.rectifiedOn,
        late: review.rectifyBy !== null && input.rectifiedOn > review.rectifyBy,
      },
    });
    if (input.outcome === 'accepted') {
      await notifyUnit(tx, base.unitId, {
        title: `${year}年度复核：整改到位`,
        body: `贵单位的“${base.title}”${year}年度复核整改经验收到位。${input.findings}`,
      });
    } else {
      await revokeThroughApplication(tx, ctx, row, input.revocation!, `${year}年度整改验收：${input.findings}`, today);
    }
  });
}
