/**
 * Statistics of clues and cases (issue 12): by source, route, kind of secret, industry, district and month; time to
 * decision; overdue counts; transfers to the police and their outcomes; appraisal funding. Scoped like every list:
 * an officer counts its jurisdiction's subtree, an administrator everything. Metadata only — no content.
 */
import { and, gte, lte, type SQL, sql } from 'drizzle-orm';
import { industryLabel } from '../../../shared/data/industries';
import {
  RightsPoliceDecision,
  RightsRoute,
  RightsSecretKind,
  RightsSource,
  RightsStatus,
} from '../../../shared/enums-rights';
import type { RightsStatisticsQuery } from '../../../shared/schemas/rights-cases';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { jurisdictions, rightsAppraisals, rightsClues } from '../../db/schema';
import { forbidden, unauthenticated } from '../../errors';
import { loadRightsRules } from '../rights/rights-rules';

export interface StatisticsBucket {
  key: string;
  label: string;
  count: number;
}

const labelled = (labels: Record<string, string>) => (rows: { key: string | null; n: number }[]) =>
  rows.map((r) => ({ key: r.key ?? '', label: r.key ? (labels[r.key] ?? r.key) : '未填写', count: Number(r.n) }));

/** The dimensions counted, in the order of the statement's branches (its `dim` column). */
const DIMENSION_KEYS = [
  'sources',
  'statuses',
  'routes',
  'months',
  'secretKinds',
  'industries',
  'districts',
  'transfers',
  'totals',
] as const;
type DimensionKey = (typeof DIMENSION_KEYS)[number];
interface CountRow {
  dim: number;
  key: string | null;
  name: string | null;
  n: string | number | null;
}

/**
 * Every figure in one statement: the caller's clues are read once (a materialised CTE) and each dimension is a
 * grouped branch over them, numbered rows keeping each dimension's own order (an enum's declared order, a text's
 * collation), so the answer is what one grouped query per dimension gave — without ten statements competing for the
 * pool. The totals come back as (key, value) rows.
 */
function statisticsQuery(scope: SQL | undefined, today: string, closePeriod: number) {
  const c = sql.raw('c');
  const grouped = (dim: number, key: SQL, where?: SQL) =>
    sql`SELECT ${sql.raw(String(dim))} AS dim, ${key}::text AS key, NULL::text AS name, count(*)::numeric AS n,
      row_number() OVER (ORDER BY ${key}) AS ord FROM ${c} ${where ? sql`WHERE ${where}` : sql``} GROUP BY ${key}`;
  const totals = [
    'clues',
    'decided',
    'avgDecisionDays',
    'maxDecisionDays',
    'cases',
    'closedCases',
    'overdueDecisions',
    'overdueCases',
    'transfers',
  ];
  return sql`WITH ${c} AS MATERIALIZED (
      SELECT ${rightsClues.id} AS id, ${rightsClues.source} AS source, ${rightsClues.status} AS status,
        ${rightsClues.route} AS route, ${rightsClues.receivedOn} AS received_on, ${rightsClues.secretKinds} AS secret_kinds,
        ${rightsClues.industryCode} AS industry_code, ${rightsClues.jurisdictionCode} AS jurisdiction_code,
        ${rightsClues.policeDecision} AS police_decision, ${rightsClues.transferSentAt} AS transfer_sent_at,
        ${rightsClues.decidedOn} AS decided_on, ${rightsClues.openedOn} AS opened_on,
        ${rightsClues.decisionDeadline} AS decision_deadline, ${rightsClues.caseDeadline} AS case_deadline
      FROM ${rightsClues} WHERE ${scope ?? sql`true`})
    SELECT dim, key, name, n FROM (
      ${grouped(0, sql`source`)}
      UNION ALL ${grouped(1, sql`status`)}
      UNION ALL ${grouped(2, sql`route`, sql`route IS NOT NULL`)}
      UNION ALL ${grouped(3, sql`to_char(received_on::date, 'YYYY-MM')`)}
      UNION ALL SELECT 4, k.value, NULL, count(*), row_number() OVER (ORDER BY k.value)
        FROM ${c} CROSS JOIN LATERAL jsonb_array_elements_text(secret_kinds) AS k(value) GROUP BY k.value
      UNION ALL ${grouped(5, sql`industry_code`)}
      UNION ALL SELECT 6, ${c}.jurisdiction_code, ${jurisdictions.name}, count(*),
          row_number() OVER (ORDER BY ${c}.jurisdiction_code)
        FROM ${c} JOIN ${jurisdictions} ON ${jurisdictions.code} = ${c}.jurisdiction_code
        GROUP BY ${c}.jurisdiction_code, ${jurisdictions.name}
      UNION ALL ${grouped(7, sql`police_decision`, sql`transfer_sent_at IS NOT NULL`)}
      UNION ALL SELECT 8, t.key, NULL, t.n, t.ord FROM (
          SELECT count(*) AS clues, count(decided_on) AS decided,
            avg(decided_on::date - received_on::date) AS avg_days, max(decided_on::date - received_on::date) AS max_days,
            count(opened_on) AS cases, count(*) FILTER (WHERE status = 'closed' AND opened_on IS NOT NULL) AS closed_cases,
            count(*) FILTER (WHERE status = 'received' AND decision_deadline < ${today}) AS overdue_decisions,
            count(*) FILTER (WHERE status = 'accepted'
              AND coalesce(case_deadline::date, opened_on::date + ${closePeriod}::int) < ${today}::date) AS overdue_cases,
            count(transfer_sent_at) AS transfers
          FROM ${c}) s
        CROSS JOIN LATERAL (VALUES ${sql.join(
          [
            sql`s.clues`,
            sql`s.decided`,
            sql`s.avg_days`,
            sql`s.max_days`,
            sql`s.cases`,
            sql`s.closed_cases`,
            sql`s.overdue_decisions`,
            sql`s.overdue_cases`,
            sql`s.transfers`,
          ].map((value, i) => sql`(${totals[i]}::text, ${value}::numeric, ${i}::bigint)`),
          sql`, `,
        )}) AS t(key, n, ord)
      UNION ALL SELECT 8, t.key, NULL, t.n, t.ord FROM (
          SELECT count(*) AS appraisals, sum(${rightsAppraisals.cost}) AS cost
          FROM ${rightsAppraisals} JOIN ${c} ON ${c}.id = ${rightsAppraisals.clueId}
          WHERE ${rightsAppraisals.status} <> 'withdrawn') s
        CROSS JOIN LATERAL (VALUES ('appraisals', s.appraisals::numeric, 100::bigint), ('cost', s.cost, 101)) AS t(key, n, ord)
    ) r ORDER BY dim, ord`;
}

export async function rightsStatistics(db: Executor, ctx: RequestContext, query: RightsStatisticsQuery) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  if (actor.role !== 'officer' && actor.role !== 'admin') throw forbidden('维权统计仅供市场监管部门查看');
  const conditions: SQL[] = [];
  if (actor.role === 'officer')
    conditions.push(sql`${rightsClues.jurisdictionPath} like ${`${actor.jurisdictionPath}%`}`);
  if (query.from) conditions.push(gte(rightsClues.receivedOn, query.from));
  if (query.to) conditions.push(lte(rightsClues.receivedOn, query.to));
  const scope = and(...conditions);
  const rules = await loadRightsRules(db);
  const closePeriod = rules.clocks.close_case.period;
  const result = (await db.execute(statisticsQuery(scope, ctx.today, closePeriod))) as unknown as { rows: CountRow[] };
  const by = new Map<DimensionKey, { key: string | null; name: string | null; n: number }[]>(
    DIMENSION_KEYS.map((k) => [k, []]),
  );
  const totals = new Map<string, number | null>();
  for (const row of result.rows) {
    const dim = DIMENSION_KEYS[Number(row.dim)]!;
    if (dim === 'totals') totals.set(row.key ?? '', row.n === null ? null : Number(row.n));
    else by.get(dim)!.push({ key: row.key, name: row.name, n: Number(row.n ?? 0) });
  }
  const total = (key: string) => totals.get(key) ?? null;
  const decisionAvg = total('avgDecisionDays');
  const rows = (dim: DimensionKey) => by.get(dim)!;
  return {
    totals: {
      clues: total('clues') ?? 0,
      decided: total('decided') ?? 0,
      avgDecisionDays: decisionAvg === null ? null : Math.round(decisionAvg * 10) / 10,
      maxDecisionDays: total('maxDecisionDays'),
      cases: total('cases') ?? 0,
      closedCases: total('closedCases') ?? 0,
      overdueDecisions: total('overdueDecisions') ?? 0,
      overdueCases: total('overdueCases') ?? 0,
      transfers: total('transfers') ?? 0,
      appraisals: total('appraisals') ?? 0,
      appraisalCost: total('cost') ?? 0,
    },
    bySource: labelled(RightsSource.labels)(rows('sources')),
    byStatus: labelled(RightsStatus.labels)(rows('statuses')),
    byRoute: labelled(RightsRoute.labels)(rows('routes')),
    bySecretKind: labelled(RightsSecretKind.labels)(rows('secretKinds')),
    byIndustry: rows('industries').map((r) => ({
      key: r.key ?? '',
      label: r.key ? (industryLabel(r.key) ?? r.key) : '未填写',
      count: r.n,
    })),
    byDistrict: rows('districts').map((r) => ({ key: r.key ?? '', label: r.name ?? '', count: r.n })),
    byMonth: rows('months').map((r) => ({ key: r.key ?? '', label: r.key ?? '', count: r.n })),
    transfersByOutcome: rows('transfers').map((r) => ({
      key: r.key ?? 'pending',
      label: r.key ? (RightsPoliceDecision.labels[r.key as RightsPoliceDecision] ?? r.key) : '待公安机关决定',
      count: r.n,
    })),
  };
}

export type RightsStatistics = Awaited<ReturnType<typeof rightsStatistics>>;

const DIMENSIONS = [
  ['bySource', '线索来源'],
  ['byStatus', '办理状态'],
  ['byRoute', '处理途径'],
  ['bySecretKind', '商业秘密类型'],
  ['byIndustry', '所属行业'],
  ['byDistrict', '管辖部门'],
  ['byMonth', '受理月份'],
  ['transfersByOutcome', '移送公安结果'],
] as const;

const TOTALS: [keyof RightsStatistics['totals'], string][] = [
  ['clues', '线索总数'],
  ['decided', '已研判'],
  ['avgDecisionDays', '平均研判用时（天）'],
  ['maxDecisionDays', '最长研判用时（天）'],
  ['cases', '行政立案'],
  ['closedCases', '已结案'],
  ['overdueDecisions', '研判超期'],
  ['overdueCases', '结案超期'],
  ['transfers', '移送公安'],
  ['appraisals', '委托鉴定'],
  ['appraisalCost', '鉴定费用（元）'],
];

/** The statistics as rows of one sheet (维度, 项目, 数量), for the Excel export. */
export function statisticsRows(stats: RightsStatistics) {
  return [
    ...TOTALS.map(([key, label]) => ({ dimension: '汇总', label, count: stats.totals[key] })),
    ...DIMENSIONS.flatMap(([key, dimension]) => stats[key].map((b) => ({ dimension, label: b.label, count: b.count }))),
  ];
}
