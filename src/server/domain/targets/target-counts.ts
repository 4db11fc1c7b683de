/**
 * The counts targets are measured with (./target-rollup.ts says what counts), aggregated in SQL: one row per
 * jurisdiction, kind and level with a count per target period, instead of every base, application and declaration
 * of the subtree read into memory.
 */
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { kindById } from '../../../core/programs/queries';
import type { Executor } from '../../db/client';
import { applications, bases, jurisdictions, standardAdoptions, units } from '../../db/schema';
import { programmeDefinitions } from '../programmes/programme-definitions';
import {
  type AdopterCounts,
  type BaseCounts,
  IN_PROGRESS,
  type PipelineCount,
  type TargetPeriod,
} from './target-rollup';

/** Rows dated `day` within the period: on or before its due date, on or after its start when it has one. */
const inPeriod = (day: AnyPgColumn, p: TargetPeriod) =>
  p.from ? sql`${day} <= ${p.due} AND ${day} >= ${p.from}` : sql`${day} <= ${p.due}`;

/** One `count(*) FILTER` column per period, as c0, c1, …; read back as numbers in period order. */
function periodColumns(periods: readonly TargetPeriod[], condition: (p: TargetPeriod) => SQL) {
  return Object.fromEntries(
    periods.map((p, i) => [`c${i}`, sql<number>`count(*) FILTER (WHERE ${condition(p)})::int`]),
  ) as Record<string, SQL.Aliased<number> | SQL<number>>;
}
const periodValues = (row: Record<string, unknown>, periods: readonly TargetPeriod[]) =>
  periods.map((_, i) => Number(row[`c${i}`] ?? 0));

/** Bases in the jurisdictions `under` selects, by jurisdiction, kind and level: how many count in each period. */
export async function baseCounts(db: Executor, under: SQL, periods: readonly TargetPeriod[]): Promise<BaseCounts[]> {
  const rows = await db
    .select({
      path: jurisdictions.path,
      category: bases.category,
      level: bases.level,
      ...periodColumns(
        periods,
        (p) => sql`${inPeriod(bases.decidedOn, p)} AND (${bases.revokedOn} IS NULL OR ${bases.revokedOn} > ${p.due})`,
      ),
    })
    .from(bases)
    .innerJoin(jurisdictions, eq(jurisdictions.code, bases.jurisdictionCode))
    .where(under)
    .groupBy(jurisdictions.path, bases.category, bases.level);
  return rows.map((r) => ({
    path: r.path,
    category: r.category,
    level: r.level,
    counted: periodValues(r, periods),
  }));
}

/**
 * Applications under way of units in the jurisdictions `under` selects, by jurisdiction and by the category and level
 * of their kind (from the application's own programme, whichever it is).
 */
export async function pipelineCounts(db: Executor, under: SQL): Promise<PipelineCount[]> {
  const rows = await db
    .select({
      path: jurisdictions.path,
      programmeId: applications.programmeId,
      kindId: applications.kindId,
      n: sql<number>`count(*)::int`,
    })
    .from(applications)
    .innerJoin(units, eq(units.id, applications.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .where(and(under, inArray(applications.status, [...IN_PROGRESS])))
    .groupBy(jurisdictions.path, applications.programmeId, applications.kindId);
  const definitions = await programmeDefinitions(db, [...new Set(rows.map((r) => r.programmeId))]);
  return rows.flatMap((r) => {
    const definition = definitions.get(r.programmeId);
    const kind = definition ? kindById(definition, r.kindId) : undefined;
    return kind ? [{ path: r.path, category: kind.category, level: kind.level, n: Number(r.n) }] : [];
  });
}

/** Standard adopters of the jurisdictions `under` selects: confirmed in each period, and declarations awaiting it. */
export async function adopterCounts(
  db: Executor,
  under: SQL,
  periods: readonly TargetPeriod[],
): Promise<AdopterCounts[]> {
  const rows = await db
    .select({
      path: jurisdictions.path,
      declared: sql<number>`count(*) FILTER (WHERE ${standardAdoptions.status} = 'declared')::int`,
      ...periodColumns(
        periods,
        (p) =>
          sql`${standardAdoptions.status} = 'confirmed' AND ${standardAdoptions.decidedOn} IS NOT NULL AND ${inPeriod(standardAdoptions.decidedOn, p)}`,
      ),
    })
    .from(standardAdoptions)
    .innerJoin(units, eq(units.id, standardAdoptions.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .where(and(under, inArray(standardAdoptions.status, ['declared', 'confirmed'])))
    .groupBy(jurisdictions.path);
  return rows.map((r) => ({ path: r.path, declared: Number(r.declared), confirmed: periodValues(r, periods) }));
}
