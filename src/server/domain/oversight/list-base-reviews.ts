/**
 * The annual review worklist of a programme and year (动态管理): every base the programme certified by the end of
 * that year, with its review (or, while unreviewed, what the platform's data says of its maintenance conditions),
 * rectification deadlines and overdue rectifications. The certifying bureau (owner of the programme or above) sees
 * all and may review; a district bureau under it sees the bases in its district, read-only.
 */

import dayjs from 'dayjs';
import { and, eq, isNotNull, isNull, lt, lte, type SQL, sql } from 'drizzle-orm';
import { RectificationOutcome, ReviewOutcome } from '../../../shared/enums-oversight';
import type { BaseReviewsQuery } from '../../../shared/schemas/oversight';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { annualReviews, bases, jurisdictions, units } from '../../db/schema';
import { forbidden, notFound, unauthenticated } from '../../errors';
import { inSubtree } from '../../policies';
import { findProgramme } from '../programmes/programme-queries';
import { findBase } from '../registry/registry-queries';
import { checkMaintenance, reviewAsOf } from './maintenance-check';

export async function listBaseReviews(
  db: Executor,
  ctx: RequestContext,
  query: BaseReviewsQuery,
  today: string,
  /** The export leaves out the live condition check of unreviewed bases (a metric computation per base). */
  options: { checks: boolean } = { checks: true },
) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  if (actor.role !== 'officer' && actor.role !== 'admin') throw forbidden('只有监管部门可以查看年度复核');
  const programme = await findProgramme(db, query.programmeId);
  if (!programme) throw notFound('工作方案');
  const keeper = actor.role === 'admin' || inSubtree(actor, programme.ownerPath);
  const below = actor.jurisdictionPath?.startsWith(programme.ownerPath) ?? false;
  if (!keeper && !below) throw notFound('工作方案');

  const yearEnd = `${query.year}-12-31`;
  const rectifying = and(
    eq(annualReviews.outcome, 'rectify'),
    isNull(annualReviews.rectificationOutcome),
    isNull(bases.revokedOn),
  );
  const byStatus: Record<BaseReviewsQuery['status'], SQL | undefined> = {
    all: undefined,
    unreviewed: and(isNull(annualReviews.id), isNull(bases.revokedOn)),
    rectifying,
    overdue: and(rectifying, lt(annualReviews.rectifyBy, today)),
    revoked: isNotNull(bases.revokedOn),
  };
  const scope = and(
    eq(bases.programmeId, query.programmeId),
    lte(bases.decidedOn, yearEnd),
    keeper ? undefined : sql`${jurisdictions.path} LIKE ${`${actor.jurisdictionPath}%`}`,
  );
  const from = () =>
    db
      .select({
        certificateNo: bases.certificateNo,
        unitName: units.name,
        title: bases.title,
        jurisdictionName: jurisdictions.name,
        decidedOn: bases.decidedOn,
        revokedOn: bases.revokedOn,
        review: annualReviews,
      })
      .from(bases)
      .innerJoin(units, eq(units.id, bases.unitId))
      .innerJoin(jurisdictions, eq(jurisdictions.code, bases.jurisdictionCode))
      .leftJoin(annualReviews, and(eq(annualReviews.baseId, bases.id), eq(annualReviews.year, query.year)));
  const rows = await from()
    .where(and(scope, byStatus[query.status]))
    .orderBy(bases.certificateNo)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [counts] = await db
    .select({
      all: sql<number>`count(*)::int`,
      unreviewed: sql<number>`count(*) filter (where ${byStatus.unreviewed})::int`,
      rectifying: sql<number>`count(*) filter (where ${rectifying})::int`,
      overdue: sql<number>`count(*) filter (where ${byStatus.overdue})::int`,
      revoked: sql<number>`count(*) filter (where ${byStatus.revoked})::int`,
    })
    .from(bases)
    .innerJoin(jurisdictions, eq(jurisdictions.code, bases.jurisdictionCode))
    .leftJoin(annualReviews, and(eq(annualReviews.baseId, bases.id), eq(annualReviews.year, query.year)))
    .where(scope);

  const asOf = reviewAsOf(query.year, today);
  const items = [];
  for (const row of rows) {
    const r = row.review;
    // While unreviewed, what the data says now: the officer sees which bases need attention before opening each.
    let check = null;
    if (options.checks && !r && !row.revokedOn) {
      const base = await findBase(db, row.certificateNo);
      const { conditions } = await checkMaintenance(db, base!, asOf);
      check = {
        met: conditions.filter((c) => c.status === 'met').length,
        notMet: conditions.filter((c) => c.status === 'not_met').length,
        toJudge: conditions.filter((c) => c.status === 'unknown').length,
      };
    }
    items.push({
      certificateNo: row.certificateNo,
      unitName: row.unitName,
      title: row.title,
      jurisdictionName: row.jurisdictionName,
      decidedOn: row.decidedOn,
      revokedOn: row.revokedOn,
      check,
      review: r
        ? {
            year: r.year,
            outcome: r.outcome,
            outcomeLabel: ReviewOutcome.labels[r.outcome],
            findings: r.findings,
            conditions: r.conditions,
            rectifyBy: r.rectifyBy,
            daysLeft: r.rectifyBy && !r.rectificationOutcome ? dayjs(r.rectifyBy).diff(dayjs(today), 'day') : null,
            rectificationOutcome: r.rectificationOutcome,
            rectificationOutcomeLabel: r.rectificationOutcome
              ? RectificationOutcome.labels[r.rectificationOutcome]
              : null,
            rectificationFindings: r.rectificationFindings,
            rectifiedOn: r.rectifiedOn,
            version: r.version,
            recordedAt: r.createdAt.toISOString(),
          }
        : null,
    });
  }
  return {
    programme: { id: programme.programme.id, title: programme.programme.title },
    year: query.year,
    asOf,
    mayReview: keeper,
    counts: counts ?? { all: 0, unreviewed: 0, rectifying: 0, overdue: 0, revoked: 0 },
    total: counts ? counts[query.status] : 0,
    items,
  };
}
