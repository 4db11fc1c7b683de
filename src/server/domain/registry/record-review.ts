/**
 * The yearly review of a base (动态管理) by the bureau that certified it (officers of the programme's owning
 * jurisdiction or above; administrators): whether it still meets the conditions, and the findings. One review per
 * base and year. A failed review does not revoke by itself: revocation is a decision with its ground and document,
 * taken through the application's `revoke` action.
 */
import { chineseDate } from '../../../core/applications/guards';
import type { AnnualReviewInput } from '../../../shared/schemas/publicity';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import { type Db, isUniqueViolation } from '../../db/client';
import { annualReviews } from '../../db/schema';
import { AppError, forbidden, notFound, unauthenticated } from '../../errors';
import { findBase, keepsBase } from './registry-queries';

export async function recordReview(
  db: Db,
  ctx: RequestContext,
  certificateNo: string,
  input: AnnualReviewInput,
  today: string,
): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const row = await findBase(db, certificateNo);
  if (!row) throw notFound('示范基地');
  if (!keepsBase(actor, row)) throw forbidden('只有认定该示范基地的监管部门可以进行年度复核');
  const base = row.base;
  if (base.revokedOn) {
    throw new AppError('invalid_transition', `该示范基地已于${chineseDate(base.revokedOn)}被撤销认定，不再复核`);
  }
  const decidedYear = Number(base.decidedOn.slice(0, 4));
  const currentYear = Number(today.slice(0, 4));
  if (input.year < decidedYear || input.year > currentYear) {
    const message = `复核年度应在${decidedYear}年至${currentYear}年之间`;
    throw new AppError('validation_failed', message, { fields: [{ path: 'year', message }] });
  }
  try {
    await db.transaction(async (tx) => {
      const [review] = await tx
        .insert(annualReviews)
        .values({
          baseId: base.id,
          year: input.year,
          passed: input.passed,
          findings: input.findings,
          recordedById: actor.id,
        })
        .returning({ id: annualReviews.id });
      await recordAudit(tx, ctx, {
        action: 'base.review',
        entityType: 'base',
        entityId: base.id,
        unitId: base.unitId,
        jurisdictionPath: row.jurisdictionPath,
        after: { reviewId: review!.id, certificateNo, year: input.year, passed: input.passed },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'annual_reviews_base_year_idx')) {
      throw new AppError('duplicate', `该示范基地${input.year}年度已复核`);
    }
    throw error;
  }
}
