/**
 * The rights statistics as they were computed before issue 15 (one grouped query per dimension), kept as the oracle
 * test/rollups-sql.test.ts compares the one-statement version with: by source, route, kind of secret, industry,
 * district and month; time to decision; overdue counts; transfers to the police and their outcomes; appraisal funding.
 */
import { and, avg, count, eq, gte, isNotNull, lte, type SQL, sql, sum } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { RequestContext } from '../../src/server/context';
import type { Executor } from '../../src/server/db/client';
import { jurisdictions, rightsAppraisals, rightsClues } from '../../src/server/db/schema';
import { loadRightsRules } from '../../src/server/domain/rights/rights-rules';
import { forbidden, unauthenticated } from '../../src/server/errors';
import { industryLabel } from '../../src/shared/data/industries';
import {
  RightsPoliceDecision,
  RightsRoute,
  RightsSecretKind,
  RightsSource,
  RightsStatus,
} from '../../src/shared/enums-rights';
import type { RightsStatisticsQuery } from '../../src/shared/schemas/rights-cases';

const labelled = (labels: Record<string, string>) => (rows: { key: string | null; n: number }[]) =>
  rows.map((r) => ({ key: r.key ?? '', label: r.key ? (labels[r.key] ?? r.key) : '未填写', count: Number(r.n) }));

export async function oldRightsStatistics(db: Executor, ctx: RequestContext, query: RightsStatisticsQuery) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  if (actor.role !== 'officer' && actor.role !== 'admin') throw forbidden('维权统计仅供市场监管部门查看');
  const conditions: SQL[] = [];
  if (actor.role === 'officer')
    conditions.push(sql`${rightsClues.jurisdictionPath} like ${`${actor.jurisdictionPath}%`}`);
  if (query.from) conditions.push(gte(rightsClues.receivedOn, query.from));
  if (query.to) conditions.push(lte(rightsClues.receivedOn, query.to));
  const scope = and(...conditions);
  const n = count();
  const group = (key: SQL | AnyPgColumn) =>
    db
      .select({ key: sql<string | null>`${key}`, n })
      .from(rightsClues)
      .where(scope)
      .groupBy(sql`1`)
      .orderBy(sql`1`);
  const rules = await loadRightsRules(db);
  const closePeriod = rules.clocks.close_case.period;
  const [sources, statuses, routes, months, secretKinds, industries, districts, transfers, [totals], [appraisal]] =
    await Promise.all([
      group(rightsClues.source),
      group(rightsClues.status),
      db
        .select({ key: sql<string | null>`${rightsClues.route}`, n })
        .from(rightsClues)
        .where(and(scope, isNotNull(rightsClues.route)))
        .groupBy(sql`1`)
        .orderBy(sql`1`),
      group(sql`to_char(${rightsClues.receivedOn}::date, 'YYYY-MM')`),
      db
        .select({ key: sql<string>`k.value`, n })
        .from(rightsClues)
        .innerJoin(sql`jsonb_array_elements_text(${rightsClues.secretKinds}) as k(value)`, sql`true`)
        .where(scope)
        .groupBy(sql`1`)
        .orderBy(sql`1`),
      group(rightsClues.industryCode),
      db
        .select({ key: rightsClues.jurisdictionCode, name: jurisdictions.name, n })
        .from(rightsClues)
        .innerJoin(jurisdictions, eq(jurisdictions.code, rightsClues.jurisdictionCode))
        .where(scope)
        .groupBy(rightsClues.jurisdictionCode, jurisdictions.name)
        .orderBy(rightsClues.jurisdictionCode),
      db
        .select({ key: sql<string | null>`${rightsClues.policeDecision}`, n })
        .from(rightsClues)
        .where(and(scope, isNotNull(rightsClues.transferSentAt)))
        .groupBy(sql`1`)
        .orderBy(sql`1`),
      db
        .select({
          clues: n,
          decided: sql<number>`count(${rightsClues.decidedOn})`,
          avgDecisionDays: sql<number | null>`avg(${rightsClues.decidedOn}::date - ${rightsClues.receivedOn}::date)`,
          maxDecisionDays: sql<number | null>`max(${rightsClues.decidedOn}::date - ${rightsClues.receivedOn}::date)`,
          cases: sql<number>`count(${rightsClues.openedOn})`,
          closedCases: sql<number>`count(*) filter (where ${rightsClues.status} = 'closed' and ${rightsClues.openedOn} is not null)`,
          overdueDecisions: sql<number>`count(*) filter (where ${rightsClues.status} = 'received' and ${rightsClues.decisionDeadline} < ${ctx.today})`,
          overdueCases: sql<number>`count(*) filter (where ${rightsClues.status} = 'accepted' and coalesce(${rightsClues.caseDeadline}::date, ${rightsClues.openedOn}::date + ${closePeriod}::int) < ${ctx.today}::date)`,
          transfers: sql<number>`count(${rightsClues.transferSentAt})`,
        })
        .from(rightsClues)
        .where(scope),
      db
        .select({ appraisals: count(), cost: sum(rightsAppraisals.cost), avgCost: avg(rightsAppraisals.cost) })
        .from(rightsAppraisals)
        .innerJoin(rightsClues, eq(rightsClues.id, rightsAppraisals.clueId))
        .where(and(scope, sql`${rightsAppraisals.status} <> 'withdrawn'`)),
    ]);
  const decisionAvg =
    totals?.avgDecisionDays === null || totals?.avgDecisionDays === undefined ? null : Number(totals.avgDecisionDays);
  return {
    totals: {
      clues: Number(totals?.clues ?? 0),
      decided: Number(totals?.decided ?? 0),
      avgDecisionDays: decisionAvg === null ? null : Math.round(decisionAvg * 10) / 10,
      maxDecisionDays:
        totals?.maxDecisionDays === null || totals?.maxDecisionDays === undefined
          ? null
          : Number(totals.maxDecisionDays),
      cases: Number(totals?.cases ?? 0),
      closedCases: Number(totals?.closedCases ?? 0),
      overdueDecisions: Number(totals?.overdueDecisions ?? 0),
      overdueCases: Number(totals?.overdueCases ?? 0),
      transfers: Number(totals?.transfers ?? 0),
      appraisals: Number(appraisal?.appraisals ?? 0),
      appraisalCost: Number(appraisal?.cost ?? 0),
    },
    bySource: labelled(RightsSource.labels)(sources),
    byStatus: labelled(RightsStatus.labels)(statuses),
    byRoute: labelled(RightsRoute.labels)(routes),
    bySecretKind: labelled(RightsSecretKind.labels)(secretKinds),
    byIndustry: industries.map((r) => ({
      key: r.key ?? '',
      label: r.key ? (industryLabel(r.key) ?? r.key) : '未填写',
      count: Number(r.n),
    })),
    byDistrict: districts.map((r) => ({ key: r.key, label: r.name, count: Number(r.n) })),
    byMonth: months.map((r) => ({ key: r.key ?? '', label: r.key ?? '', count: Number(r.n) })),
    transfersByOutcome: transfers.map((r) => ({
      key: r.key ?? 'pending',
      label: r.key ? (RightsPoliceDecision.labels[r.key as RightsPoliceDecision] ?? r.key) : '待公安机关决定',
      count: Number(r.n),
    })),
  };
}
