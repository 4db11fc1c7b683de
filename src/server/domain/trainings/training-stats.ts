/**
 * Reach of the trainings: events, venues, units and people reached (checked-in attendees), by the attendee unit's
 * district, its industry and the event's month. An officer counts the events its jurisdiction owns or hosts a venue
 * of; administrators count everything.
 */
import { and, eq, gte, isNotNull, isNull, like, lte, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { industryLabel } from '../../../shared/data/industries';
import type { TrainingStatsQuery } from '../../../shared/schemas/trainings';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { jurisdictions, trainingEvents, trainingRegistrations, trainingVenues, units } from '../../db/schema';
import { forbidden } from '../../errors';
import { onePage, type XlsxSheet } from '../../export/xlsx-stream';
import { requireActorOf } from './training-access';

const owners = alias(jurisdictions, 'owner_jurisdictions');
const hosts = alias(jurisdictions, 'host_jurisdictions');

export interface ReachRow {
  dimension: 'district' | 'industry' | 'month';
  key: string;
  label: string;
  events: number;
  venues: number;
  units: number;
  people: number;
}

export const DIMENSION_LABELS: Record<ReachRow['dimension'], string> = {
  district: '按辖区',
  industry: '按行业',
  month: '按月份',
};

export async function trainingStats(db: Executor, ctx: RequestContext, query: TrainingStatsQuery) {
  const actor = requireActorOf(ctx);
  if (actor.role !== 'admin' && actor.role !== 'officer') throw forbidden('只有监管部门可以查看培训统计');
  const path = actor.role === 'officer' ? (actor.jurisdictionPath ?? '\u0000') : null;
  const rows = await db
    .select({
      eventId: trainingEvents.id,
      startsOn: trainingEvents.startsOn,
      venueId: trainingVenues.id,
      unitKey: trainingRegistrations.unitName,
      unitId: trainingRegistrations.unitId,
      industryCode: units.industryCode,
      districtCode: jurisdictions.code,
      districtName: jurisdictions.name,
      hostCode: hosts.code,
      hostName: hosts.name,
    })
    .from(trainingRegistrations)
    .innerJoin(trainingEvents, eq(trainingEvents.id, trainingRegistrations.eventId))
    .innerJoin(trainingVenues, eq(trainingVenues.id, trainingRegistrations.venueId))
    .innerJoin(owners, eq(owners.code, trainingEvents.ownerJurisdictionCode))
    .innerJoin(hosts, eq(hosts.code, trainingVenues.hostJurisdictionCode))
    .leftJoin(units, eq(units.id, trainingRegistrations.unitId))
    .leftJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .where(
      and(
        isNotNull(trainingRegistrations.checkedInAt),
        isNull(trainingRegistrations.cancelledAt),
        isNull(trainingEvents.cancelledAt),
        path === null ? undefined : or(like(owners.path, `${path}%`), like(hosts.path, `${path}%`)),
        query.from ? gte(trainingEvents.startsOn, query.from) : undefined,
        query.to ? lte(trainingEvents.startsOn, query.to) : undefined,
      ),
    );
  const group = (dimension: ReachRow['dimension'], keyOf: (r: (typeof rows)[number]) => [string, string]) => {
    const acc = new Map<
      string,
      { label: string; events: Set<string>; venues: Set<string>; units: Set<string>; people: number }
    >();
    for (const r of rows) {
      const [key, label] = keyOf(r);
      const g = acc.get(key) ?? { label, events: new Set(), venues: new Set(), units: new Set(), people: 0 };
      g.events.add(r.eventId);
      g.venues.add(r.venueId);
      g.units.add(r.unitId ?? r.unitKey);
      g.people += 1;
      acc.set(key, g);
    }
    return [...acc.entries()]
      .map(([key, g]) => ({
        dimension,
        key,
        label: g.label,
        events: g.events.size,
        venues: g.venues.size,
        units: g.units.size,
        people: g.people,
      }))
      .sort((a, b) =>
        dimension === 'month' ? a.key.localeCompare(b.key) : b.people - a.people || a.key.localeCompare(b.key),
      );
  };
  const [totals] = group('district', () => ['all', '合计']);
  return {
    totals: {
      events: totals?.events ?? 0,
      venues: totals?.venues ?? 0,
      units: totals?.units ?? 0,
      people: totals?.people ?? 0,
    },
    byDistrict: group('district', (r) =>
      // Unregistered attendees are grouped apart under their venue's host (a key of its own: the host's code is
      // also the key of the host's registered units).
      r.districtCode
        ? [r.districtCode, r.districtName!]
        : [`unregistered:${r.hostCode}`, `${r.hostName}（未登记单位）`],
    ),
    byIndustry: group('industry', (r) =>
      r.industryCode ? [r.industryCode, industryLabel(r.industryCode) ?? r.industryCode] : ['none', '未登记单位'],
    ),
    byMonth: group('month', (r) => [
      r.startsOn.slice(0, 7),
      `${r.startsOn.slice(0, 4)}年${Number(r.startsOn.slice(5, 7))}月`,
    ]),
  };
}

/** The statistics as one sheet (the same figures the page charts), read before the download starts. */
export async function exportTrainingStats(
  db: Executor,
  ctx: RequestContext,
  query: TrainingStatsQuery,
): Promise<XlsxSheet<ReachRow>> {
  const stats = await trainingStats(db, ctx, query);
  return {
    name: '培训覆盖统计',
    columns: [
      { header: '维度', width: 10, value: (r) => DIMENSION_LABELS[r.dimension] },
      { header: '类别', width: 28, value: (r) => r.label },
      { header: '活动场次', width: 10, value: (r) => r.events },
      { header: '会场数', width: 10, value: (r) => r.venues },
      { header: '覆盖单位', width: 10, value: (r) => r.units },
      { header: '参训人次', width: 10, value: (r) => r.people },
    ],
    pages: onePage(async () => [...stats.byDistrict, ...stats.byIndustry, ...stats.byMonth]),
  };
}
