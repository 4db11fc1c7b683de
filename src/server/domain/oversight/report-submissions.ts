/**
 * Reports upward (报送, issue 14): a bureau submits its quarterly or annual figures — the jurisdiction picture
 * (./jurisdiction-picture.ts), frozen as submitted — to the bureau above, which sees who has and has not reported.
 *
 * Rules: only an officer of the bureau itself submits its report; a period is submitted from its last day on (the
 * business date); a period already submitted may be submitted again only with a reason — the earlier submission is
 * kept, marked superseded, and the new one is the bureau's report for that period. Submissions are read by the
 * bureau and the bureaus above it (404 for others).
 */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { type Quarter, reportPeriod } from '../../../core/reports/periods';
import type { ReportKind } from '../../../shared/enums-oversight';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import { type Executor, isUniqueViolation } from '../../db/client';
import { reportSubmissions, users } from '../../db/schema';
import { AppError, forbidden, notFound, unauthenticated } from '../../errors';
import { inSubtree } from '../../policies';
import { type JurisdictionPicture, jurisdictionPicture, readableJurisdiction } from './jurisdiction-picture';

export interface SubmitReportInput {
  year: number;
  /** A quarter for the quarterly report; absent for the annual one. */
  quarter?: Quarter;
  /** The programme whose targets the report sets its figures against. */
  programmeId?: string;
  /** Required when the period was submitted before: why it is submitted again. */
  reason?: string;
}

const kindOf = (quarter: number | null | undefined): ReportKind => (quarter ? 'quarterly' : 'annual');

/** The current submission of a bureau for a period, if any. */
function currentSubmission(db: Executor, jurisdictionCode: string, year: number, quarter: number | null) {
  return db
    .select()
    .from(reportSubmissions)
    .where(
      and(
        eq(reportSubmissions.jurisdictionCode, jurisdictionCode),
        eq(reportSubmissions.kind, kindOf(quarter)),
        eq(reportSubmissions.year, year),
        quarter === null ? isNull(reportSubmissions.quarter) : eq(reportSubmissions.quarter, quarter),
        isNull(reportSubmissions.supersededAt),
      ),
    );
}

export async function submitReport(db: Executor, ctx: RequestContext, input: SubmitReportInput) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  if (actor.role !== 'officer' || !actor.jurisdictionCode) throw forbidden('统计报表由本级监管部门报送');
  const period = reportPeriod(input.year, input.quarter ?? null);
  if (ctx.today < period.to) {
    throw new AppError('conflict', `${period.label}尚未结束（${period.to}），不能报送`, {
      fields: [{ path: input.quarter ? 'quarter' : 'year', message: '报告期尚未结束' }],
    });
  }
  const picture = await jurisdictionPicture(db, ctx, {
    jurisdictionCode: actor.jurisdictionCode,
    year: input.year,
    quarter: input.quarter,
    programmeId: input.programmeId,
  });
  const { node } = await readableJurisdiction(db, ctx, actor.jurisdictionCode);
  try {
    return await db.transaction(async (tx) => {
      const [previous] = await currentSubmission(tx, node.code, period.year, period.quarter).for('update');
      if (previous && !input.reason) {
        throw new AppError('conflict', `${period.label}的报表已报送；如需更正，请填写重新报送的原因`, {
          fields: [{ path: 'reason', message: '请填写重新报送的原因' }],
        });
      }
      if (previous) {
        await tx
          .update(reportSubmissions)
          .set({ supersededAt: new Date() })
          .where(eq(reportSubmissions.id, previous.id));
      }
      const [row] = await tx
        .insert(reportSubmissions)
        .values({
          jurisdictionCode: node.code,
          jurisdictionPath: node.path,
          kind: kindOf(period.quarter),
          year: period.year,
          quarter: period.quarter,
          figures: picture,
          reason: previous ? input.reason : null,
          submittedById: actor.id,
        })
        .returning();
      await recordAudit(tx, ctx, {
        action: previous ? 'report.resubmit' : 'report.submit',
        entityType: 'report_submission',
        entityId: row!.id,
        jurisdictionPath: node.path,
        before: previous ? { id: previous.id } : undefined,
        after: { period: period.label, reason: row!.reason },
      });
      return row!;
    });
  } catch (error) {
    // Two submissions of the same period at once: the index keeps one current; the other is told to resubmit.
    if (isUniqueViolation(error, 'report_submissions_current_idx')) {
      throw new AppError('conflict', `${period.label}的报表已由他人报送，请刷新后查看`);
    }
    throw error;
  }
}

/** A submission (its frozen figures), for the bureau that submitted it and the bureaus above. */
export async function readSubmission(db: Executor, ctx: RequestContext, id: string) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  if (actor.role !== 'officer' && actor.role !== 'admin') throw forbidden('只有监管部门可以查看统计报表');
  const [row] = await db
    .select({ submission: reportSubmissions, submittedByName: users.displayName })
    .from(reportSubmissions)
    .innerJoin(users, eq(users.id, reportSubmissions.submittedById))
    .where(eq(reportSubmissions.id, id));
  if (!row || (actor.role === 'officer' && !inSubtree(actor, row.submission.jurisdictionPath))) {
    throw notFound('报表');
  }
  return { ...summary(row.submission, row.submittedByName), figures: row.submission.figures as JurisdictionPicture };
}

function summary(s: typeof reportSubmissions.$inferSelect, submittedByName: string) {
  return {
    id: s.id,
    jurisdictionCode: s.jurisdictionCode,
    kind: s.kind,
    year: s.year,
    quarter: s.quarter,
    periodLabel: reportPeriod(s.year, s.quarter as Quarter | null).label,
    reason: s.reason,
    submittedByName,
    submittedAt: s.submittedAt.toISOString(),
    superseded: s.supersededAt !== null,
  };
}

/**
 * Who has reported for a period: the bureau itself and each bureau directly below it, with its current submission
 * and its earlier (superseded) ones. For an officer of the jurisdiction or above.
 */
export async function reportStatus(
  db: Executor,
  ctx: RequestContext,
  query: { jurisdictionCode?: string; year: number; quarter?: Quarter },
) {
  const { node, children } = await readableJurisdiction(db, ctx, query.jurisdictionCode);
  const period = reportPeriod(query.year, query.quarter ?? null);
  const rows = await db
    .select({ submission: reportSubmissions, submittedByName: users.displayName })
    .from(reportSubmissions)
    .innerJoin(users, eq(users.id, reportSubmissions.submittedById))
    .where(
      and(
        sql`${reportSubmissions.jurisdictionPath} LIKE ${`${node.path}%`}`,
        eq(reportSubmissions.kind, kindOf(period.quarter)),
        eq(reportSubmissions.year, period.year),
        period.quarter === null ? isNull(reportSubmissions.quarter) : eq(reportSubmissions.quarter, period.quarter),
      ),
    )
    .orderBy(desc(reportSubmissions.submittedAt));
  const bureau = (j: { code: string; name: string }) => {
    const mine = rows.filter((r) => r.submission.jurisdictionCode === j.code);
    const current = mine.find((r) => r.submission.supersededAt === null);
    return {
      jurisdictionCode: j.code,
      jurisdictionName: j.name,
      submitted: current !== undefined,
      current: current ? summary(current.submission, current.submittedByName) : null,
      history: mine.filter((r) => r !== current).map((r) => summary(r.submission, r.submittedByName)),
    };
  };
  const below = children.map(bureau);
  return {
    period,
    own: bureau(node),
    subordinates: below,
    missing: below.filter((b) => !b.submitted).map((b) => b.jurisdictionName),
  };
}
