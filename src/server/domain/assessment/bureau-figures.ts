/**
 * The figures of an assessed bureau (src/core/assessment/metrics.ts), computed over its jurisdiction's subtree and
 * the scheme's period from the records the platform keeps, each with the records behind it (the drill-down). Pure
 * reads: the same data gives the same figures, so re-running an assessment gives the same scores.
 */
import { and, count, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { BureauMetricId } from '../../../core/assessment/metrics';
import type { Programme } from '../../../core/programs/schema';
import type { Executor } from '../../db/client';
import {
  annualReviews,
  bases,
  evidenceSubmissions,
  jurisdictions,
  ledgerEntries,
  programmes,
  units,
} from '../../db/schema';
import { listAllJurisdictions } from '../jurisdictions/jurisdiction-queries';
import { type BuiltBase, planTargetRows, targetProgress } from '../targets/target-rollup';

export interface Subject {
  code: string;
  name: string;
  path: string;
}

export interface FigureContext {
  period: { from: string; to: string };
  year: number;
  programme?: string;
}

/** One record behind a figure, as the drill-down lists it. */
export interface DrillRecord {
  label: string;
  detail: string;
  /** Where the record opens in the app (registry page, unit). */
  link?: string;
}

/** The figure (null: not applicable — nothing to measure, e.g. no bases yet) and the records behind it. */
export interface Figure {
  value: number | null;
  records: DrillRecord[];
  /** Why the figure is null, in Chinese. */
  note?: string;
}

const MAX_RECORDS = 200;
const pct = (part: number, whole: number) => Math.round((part / whole) * 10_000) / 100;
const under = (subject: Subject) => sql`${jurisdictions.path} LIKE ${`${subject.path}%`}`;

/** Bases of the subtree in force on `to`: certified by then and not revoked by then. */
async function activeBases(db: Executor, subject: Subject, to: string) {
  return db
    .select({
      id: bases.id,
      unitId: bases.unitId,
      certificateNo: bases.certificateNo,
      unitName: units.name,
      title: bases.title,
      decidedOn: bases.decidedOn,
    })
    .from(bases)
    .innerJoin(units, eq(units.id, bases.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, bases.jurisdictionCode))
    .where(and(under(subject), lte(bases.decidedOn, to), or(isNull(bases.revokedOn), sql`${bases.revokedOn} > ${to}`)))
    .orderBy(bases.certificateNo);
}

const baseRecord = (b: { certificateNo: string; unitName: string; title: string }, detail: string): DrillRecord => ({
  label: b.unitName,
  detail: `${b.title}（${b.certificateNo}）${detail ? `：${detail}` : ''}`,
  link: `/registry/${encodeURIComponent(b.certificateNo)}`,
});

type Compute = (db: Executor, subject: Subject, ctx: FigureContext) => Promise<Figure>;

const FIGURES: Record<BureauMetricId, Compute> = {
  async 'bases.target_completion_pct'(db, subject, { period, programme: code }) {
    const [programme] = await db
      .select({ definition: programmes.definition, ownerCode: programmes.ownerJurisdictionCode })
      .from(programmes)
      .where(and(eq(programmes.code, code!), eq(programmes.status, 'published')))
      .orderBy(desc(programmes.version))
      .limit(1);
    if (!programme) return { value: null, records: [], note: `工作方案“${code}”尚未发布` };
    const nodes = new Map((await listAllJurisdictions(db)).map((j) => [j.code, j]));
    const planned = planTargetRows((programme.definition as Programme).targets, nodes.get(programme.ownerCode)!, nodes);
    const built: BuiltBase[] = await db
      .select({
        path: jurisdictions.path,
        category: bases.category,
        level: bases.level,
        decidedOn: bases.decidedOn,
        revokedOn: bases.revokedOn,
      })
      .from(bases)
      .innerJoin(jurisdictions, eq(jurisdictions.code, bases.jurisdictionCode))
      .where(under(subject));
    const rows = targetProgress(planned, nodes, built, [], period.to).filter(
      (r) => r.jurisdictionCode === subject.code && r.subject === 'base' && r.certified !== null,
    );
    const plannedTotal = rows.reduce((sum, r) => sum + r.atLeast, 0);
    if (plannedTotal === 0) return { value: null, records: [], note: '该工作方案未向本辖区下达建设任务' };
    const done = rows.reduce((sum, r) => sum + Math.min(r.certified!, r.atLeast), 0);
    return {
      value: pct(done, plannedTotal),
      records: rows.map((r) => ({
        label: `${r.levelLabel}${r.kindLabel}（${r.due} 前）`,
        detail: `任务 ${r.atLeast} 家，已认定 ${r.certified} 家：${r.stateLabel}`,
      })),
    };
  },

  async 'bases.certified'(db, subject, { period }) {
    const rows = await db
      .select({
        certificateNo: bases.certificateNo,
        unitName: units.name,
        title: bases.title,
        decidedOn: bases.decidedOn,
      })
      .from(bases)
      .innerJoin(units, eq(units.id, bases.unitId))
      .innerJoin(jurisdictions, eq(jurisdictions.code, bases.jurisdictionCode))
      .where(and(under(subject), gte(bases.decidedOn, period.from), lte(bases.decidedOn, period.to)))
      .orderBy(bases.decidedOn, bases.certificateNo);
    return { value: rows.length, records: rows.slice(0, MAX_RECORDS).map((b) => baseRecord(b, `${b.decidedOn} 认定`)) };
  },

  async 'bases.reviewed_pct'(db, subject, { period, year }) {
    const active = await activeBases(db, subject, period.to);
    if (active.length === 0) return { value: null, records: [], note: '考核期末本辖区没有有效的示范基地' };
    const reviewed = new Set(
      (
        await db
          .select({ baseId: annualReviews.baseId })
          .from(annualReviews)
          .where(
            and(
              inArray(
                annualReviews.baseId,
                active.map((b) => b.id),
              ),
              eq(annualReviews.year, year),
            ),
          )
      ).map((r) => r.baseId),
    );
    return {
      value: pct(reviewed.size, active.length),
      records: active
        .slice(0, MAX_RECORDS)
        .map((b) => baseRecord(b, reviewed.has(b.id) ? `${year}年度已复核` : `${year}年度未复核`)),
    };
  },

  async 'ledger.active_bases_pct'(db, subject, { period }) {
    const active = await activeBases(db, subject, period.to);
    if (active.length === 0) return { value: null, records: [], note: '考核期末本辖区没有有效的示范基地' };
    const counts = new Map(
      (
        await db
          .select({ unitId: ledgerEntries.unitId, n: count() })
          .from(ledgerEntries)
          .where(
            and(
              inArray(
                ledgerEntries.unitId,
                active.map((b) => b.unitId),
              ),
              gte(ledgerEntries.occurredOn, period.from),
              lte(ledgerEntries.occurredOn, period.to),
            ),
          )
          .groupBy(ledgerEntries.unitId)
      ).map((r) => [r.unitId, r.n]),
    );
    const withLedger = active.filter((b) => (counts.get(b.unitId) ?? 0) > 0).length;
    return {
      value: pct(withLedger, active.length),
      records: active.slice(0, MAX_RECORDS).map((b) => baseRecord(b, `考核期内台账 ${counts.get(b.unitId) ?? 0} 条`)),
    };
  },

  async 'guidance.visits'(db, subject, { period }) {
    const rows = await db
      .select({
        unitName: units.name,
        unitId: units.id,
        occurredOn: ledgerEntries.occurredOn,
        title: ledgerEntries.title,
      })
      .from(ledgerEntries)
      .innerJoin(units, eq(units.id, ledgerEntries.unitId))
      .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
      .where(
        and(
          under(subject),
          eq(ledgerEntries.kind, 'guidance_visit'),
          gte(ledgerEntries.occurredOn, period.from),
          lte(ledgerEntries.occurredOn, period.to),
        ),
      )
      .orderBy(ledgerEntries.occurredOn);
    return {
      value: rows.length,
      records: rows
        .slice(0, MAX_RECORDS)
        .map((r) => ({ label: r.unitName, detail: `${r.occurredOn} ${r.title}`, link: `/units/${r.unitId}` })),
    };
  },

  async 'evidence.firms'(db, subject, { period }) {
    const day = sql`(${evidenceSubmissions.createdAt} AT TIME ZONE 'Asia/Shanghai')::date`;
    const rows = await db
      .select({ unitId: units.id, unitName: units.name, n: count() })
      .from(evidenceSubmissions)
      .innerJoin(units, eq(units.id, evidenceSubmissions.unitId))
      .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
      .where(and(under(subject), sql`${day} >= ${period.from}`, sql`${day} <= ${period.to}`))
      .groupBy(units.id, units.name)
      .orderBy(units.name);
    return {
      value: rows.length,
      records: rows
        .slice(0, MAX_RECORDS)
        .map((r) => ({ label: r.unitName, detail: `存证 ${r.n} 件`, link: `/units/${r.unitId}` })),
    };
  },
};

export function bureauFigure(db: Executor, metric: BureauMetricId, subject: Subject, ctx: FigureContext) {
  return FIGURES[metric](db, subject, ctx);
}
