/**
 * Statistics of services, "三进" campaign visits, conventions and simulated attack assessments by district, kind and
 * month, in the officer's subtree: the chart on the services page and its Excel export read the same rows.
 */
import { and, eq, gte, isNull, like, lt, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { AttackStatus, CampaignKind, ServiceKind } from '../../../shared/enums-services';
import type { StatisticsQuery } from '../../../shared/schemas/services';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import {
  jurisdictions,
  serviceAttackAssessments,
  serviceCampaignVisits,
  serviceConventionSignatories,
  serviceConventions,
  serviceRecords,
  units,
} from '../../db/schema';
import { forbidden, unauthenticated } from '../../errors';
import { onePage, type XlsxSheet } from '../../export/xlsx-stream';

export const StatisticsCategory = {
  service: '服务记录',
  campaign: '三进活动',
  convention: '自律公约',
  attack: '模拟攻击评估',
} as const;
export type StatisticsCategory = keyof typeof StatisticsCategory;

export interface StatisticsRow {
  month: string;
  jurisdictionCode: string;
  jurisdictionName: string;
  category: StatisticsCategory;
  kind: string;
  kindLabel: string;
  /** Records of the group. */
  count: number;
  /** Distinct units served, firms reached (campaigns) or signatories (conventions). */
  reached: number;
}

const KIND_LABELS: Record<StatisticsCategory, Record<string, string>> = {
  service: ServiceKind.labels,
  campaign: CampaignKind.labels,
  convention: { convention: '自律公约' },
  attack: AttackStatus.labels,
};

/** First day of the month after `yyyy-mm`. */
function monthAfter(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

export async function serviceStatistics(
  db: Executor,
  ctx: RequestContext,
  query: StatisticsQuery,
): Promise<StatisticsRow[]> {
  if (!ctx.actor) throw unauthenticated();
  if (ctx.actor.role !== 'officer' && ctx.actor.role !== 'admin') throw forbidden('服务统计仅供监管部门查看');
  const scopePath = ctx.actor.role === 'officer' ? (ctx.actor.jurisdictionPath ?? '-') : '';
  const within = (day: AnyPgColumn) =>
    and(
      like(jurisdictions.path, `${scopePath}%`),
      query.jurisdictionCode ? like(jurisdictions.path, `%${query.jurisdictionCode}.%`) : undefined,
      query.from ? gte(day, `${query.from}-01`) : undefined,
      query.to ? lt(day, monthAfter(query.to)) : undefined,
    );
  const month = (day: unknown) => sql<string>`to_char(${day}, 'YYYY-MM')`;
  const group = { code: jurisdictions.code, name: jurisdictions.name };

  const services = await db
    .select({
      month: month(serviceRecords.occurredOn),
      ...group,
      kind: sql<string>`${serviceRecords.kind}::text`,
      count: sql<number>`count(*)::int`,
      reached: sql<number>`count(DISTINCT ${serviceRecords.unitId})::int`,
    })
    .from(serviceRecords)
    .innerJoin(units, eq(units.id, serviceRecords.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    // A voided record never happened as far as the statistics go.
    .where(and(within(serviceRecords.occurredOn), isNull(serviceRecords.voidedAt)))
    .groupBy(sql`1`, jurisdictions.code, jurisdictions.name, serviceRecords.kind);
  const campaigns = await db
    .select({
      month: month(serviceCampaignVisits.occurredOn),
      ...group,
      kind: sql<string>`${serviceCampaignVisits.kind}::text`,
      count: sql<number>`count(*)::int`,
      reached: sql<number>`coalesce(sum(${serviceCampaignVisits.firmsReached}), 0)::int`,
    })
    .from(serviceCampaignVisits)
    .innerJoin(jurisdictions, eq(jurisdictions.code, serviceCampaignVisits.jurisdictionCode))
    .where(within(serviceCampaignVisits.occurredOn))
    .groupBy(sql`1`, jurisdictions.code, jurisdictions.name, serviceCampaignVisits.kind);
  const conventions = await db
    .select({
      month: month(serviceConventions.signedOn),
      ...group,
      kind: sql<string>`'convention'`,
      count: sql<number>`count(DISTINCT ${serviceConventions.id})::int`,
      reached: sql<number>`count(${serviceConventionSignatories.memberId})::int`,
    })
    .from(serviceConventions)
    .innerJoin(units, eq(units.id, serviceConventions.associationId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .leftJoin(serviceConventionSignatories, eq(serviceConventionSignatories.conventionId, serviceConventions.id))
    .where(within(serviceConventions.signedOn))
    .groupBy(sql`1`, jurisdictions.code, jurisdictions.name);
  const attacks = await db
    .select({
      month: month(serviceAttackAssessments.requestedOn),
      ...group,
      kind: sql<string>`${serviceAttackAssessments.status}::text`,
      count: sql<number>`count(*)::int`,
      reached: sql<number>`count(DISTINCT ${serviceAttackAssessments.unitId})::int`,
    })
    .from(serviceAttackAssessments)
    .innerJoin(units, eq(units.id, serviceAttackAssessments.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .where(within(serviceAttackAssessments.requestedOn))
    .groupBy(sql`1`, jurisdictions.code, jurisdictions.name, serviceAttackAssessments.status);

  const tagged: [StatisticsCategory, typeof services][] = [
    ['service', services],
    ['campaign', campaigns],
    ['convention', conventions],
    ['attack', attacks],
  ];
  return tagged
    .flatMap(([category, rows]) =>
      rows.map((r) => ({
        month: r.month,
        jurisdictionCode: r.code,
        jurisdictionName: r.name,
        category,
        kind: r.kind,
        kindLabel: KIND_LABELS[category][r.kind] ?? r.kind,
        count: r.count,
        reached: r.reached,
      })),
    )
    .sort(
      (a, b) =>
        a.month.localeCompare(b.month) ||
        a.jurisdictionCode.localeCompare(b.jurisdictionCode) ||
        a.category.localeCompare(b.category) ||
        a.kind.localeCompare(b.kind),
    );
}

export function exportStatistics(db: Executor, ctx: RequestContext, query: StatisticsQuery): XlsxSheet<StatisticsRow> {
  return {
    name: '服务统计',
    columns: [
      { header: '月份', width: 10, value: (r) => r.month },
      { header: '辖区', width: 18, value: (r) => r.jurisdictionName },
      { header: '类别', width: 14, value: (r) => StatisticsCategory[r.category] },
      { header: '类型', width: 14, value: (r) => r.kindLabel },
      { header: '次数', width: 8, value: (r) => r.count },
      { header: '覆盖单位（企业）数', width: 18, value: (r) => r.reached },
    ],
    pages: onePage(() => serviceStatistics(db, ctx, query)),
  };
}
