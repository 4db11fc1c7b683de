/**
 * The figures of an assessed bureau (src/core/assessment/metrics.ts), computed over its jurisdiction's subtree and
 * the scheme's period from the records the platform keeps, each with the records behind it (the drill-down). Pure
 * reads: the same data gives the same figures, so re-running an assessment gives the same scores.
 */
import { and, count, countDistinct, desc, eq, gte, inArray, isNotNull, isNull, lte, ne, or, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias, type PgTable } from 'drizzle-orm/pg-core';
import type { BureauMetricId } from '../../../core/assessment/metrics';
import type { Programme } from '../../../core/programs/schema';
import type { Executor } from '../../db/client';
import {
  annualReviews,
  bases,
  contactFirms,
  contactLogs,
  evidenceSubmissions,
  experts,
  jurisdictions,
  ledgerEntries,
  programmes,
  rightsCaseFiles,
  rightsClues,
  rightsTypicalCases,
  serviceCampaignVisits,
  serviceRecords,
  standardAdoptions,
  trainingEvents,
  trainingRegistrations,
  trainingVenues,
  units,
} from '../../db/schema';
import { listAllJurisdictions } from '../jurisdictions/jurisdiction-queries';
import { baseCounts } from '../targets/target-counts';
import { planTargetRows, targetPeriods, targetProgress } from '../targets/target-rollup';

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
/** In the subject's subtree, by a jurisdiction path column (the joined jurisdiction's by default). */
const under = (subject: Subject, path: AnyPgColumn = jurisdictions.path) => sql`${path} LIKE ${`${subject.path}%`}`;

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

/** Dated within the period (both ends included). */
const within = (day: AnyPgColumn, period: FigureContext['period']) => and(gte(day, period.from), lte(day, period.to));

/** How many rows of `table` each of `keys` has, dated within the period. */
async function countsWithin(
  db: Executor,
  table: PgTable,
  key: AnyPgColumn,
  day: AnyPgColumn,
  keys: string[],
  period: FigureContext['period'],
) {
  const rows = await db
    .select({ key: sql<string>`${key}`, n: count() })
    .from(table)
    .where(and(inArray(key, keys), within(day, period)))
    .groupBy(key);
  return new Map(rows.map((r) => [r.key, r.n]));
}

/** The clues of the subtree whose `day` (received, opened…) falls in the period, each dated with `what`. */
async function cluesDated(
  db: Executor,
  subject: Subject,
  period: FigureContext['period'],
  day: typeof rightsClues.receivedOn | typeof rightsClues.openedOn,
  what: string,
  link: (id: string) => string,
): Promise<Figure> {
  const rows = await db
    .select({ id: rightsClues.id, clueNo: rightsClues.clueNo, day })
    .from(rightsClues)
    .where(and(under(subject, rightsClues.jurisdictionPath), within(day, period)))
    .orderBy(day, rightsClues.clueNo);
  return {
    value: rows.length,
    records: rows.slice(0, MAX_RECORDS).map((r) => ({ label: r.clueNo, detail: `${r.day} ${what}`, link: link(r.id) })),
  };
}

const eventOwners = alias(jurisdictions, 'event_owners');
const venueHosts = alias(jurisdictions, 'venue_hosts');

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
    const targets = (programme.definition as Programme).targets;
    const planned = planTargetRows(targets, nodes.get(programme.ownerCode)!, nodes);
    const periods = targetPeriods(targets);
    const built = await baseCounts(db, under(subject), periods);
    const rows = targetProgress(planned, nodes, periods, built, [], period.to).filter(
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
      .where(and(under(subject), within(bases.decidedOn, period)))
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
    const counts = await countsWithin(
      db,
      ledgerEntries,
      ledgerEntries.unitId,
      ledgerEntries.occurredOn,
      active.map((b) => b.unitId),
      period,
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
      .where(and(under(subject), eq(ledgerEntries.kind, 'guidance_visit'), within(ledgerEntries.occurredOn, period)))
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

  async 'trainings.held'(db, subject, { period }) {
    const rows = await db
      .select({ id: trainingEvents.id, title: trainingEvents.title, startsOn: trainingEvents.startsOn })
      .from(trainingEvents)
      .innerJoin(jurisdictions, eq(jurisdictions.code, trainingEvents.ownerJurisdictionCode))
      .where(and(under(subject), isNull(trainingEvents.cancelledAt), within(trainingEvents.startsOn, period)))
      .orderBy(trainingEvents.startsOn, trainingEvents.title);
    return {
      value: rows.length,
      records: rows
        .slice(0, MAX_RECORDS)
        .map((e) => ({ label: e.title, detail: `${e.startsOn} 举办`, link: `/trainings/${e.id}` })),
    };
  },

  async 'trainings.units_reached'(db, subject, { period }) {
    // A walk-in from a unit without an account is known by the name it gave (as in the trainings' reach statistics).
    const unitKey = sql<string>`coalesce(${trainingRegistrations.unitId}::text, ${trainingRegistrations.unitName})`;
    const rows = await db
      .select({
        unitKey,
        unitId: trainingRegistrations.unitId,
        unitName: trainingRegistrations.unitName,
        events: countDistinct(trainingEvents.id),
      })
      .from(trainingRegistrations)
      .innerJoin(trainingEvents, eq(trainingEvents.id, trainingRegistrations.eventId))
      .innerJoin(trainingVenues, eq(trainingVenues.id, trainingRegistrations.venueId))
      .innerJoin(eventOwners, eq(eventOwners.code, trainingEvents.ownerJurisdictionCode))
      .innerJoin(venueHosts, eq(venueHosts.code, trainingVenues.hostJurisdictionCode))
      .where(
        and(
          or(under(subject, eventOwners.path), under(subject, venueHosts.path)),
          isNotNull(trainingRegistrations.checkedInAt),
          isNull(trainingRegistrations.cancelledAt),
          isNull(trainingEvents.cancelledAt),
          within(trainingEvents.startsOn, period),
        ),
      )
      .groupBy(unitKey, trainingRegistrations.unitId, trainingRegistrations.unitName)
      .orderBy(trainingRegistrations.unitName);
    // One unit may have registered under slightly different names at different events: count it once.
    const byUnit = new Map<string, (typeof rows)[number]>();
    for (const r of rows) {
      const known = byUnit.get(r.unitKey);
      byUnit.set(r.unitKey, known ? { ...known, events: known.events + r.events } : r);
    }
    const reached = [...byUnit.values()];
    return {
      value: reached.length,
      records: reached.slice(0, MAX_RECORDS).map((r) => ({
        label: r.unitName,
        detail: `签到参加 ${r.events} 场${r.unitId ? '' : '（未登记单位）'}`,
        link: r.unitId ? `/units/${r.unitId}` : undefined,
      })),
    };
  },

  async 'rights.decided_on_time_pct'(db, subject, { period }) {
    const rows = await db
      .select({
        id: rightsClues.id,
        clueNo: rightsClues.clueNo,
        deadline: rightsClues.decisionDeadline,
        decidedOn: rightsClues.decidedOn,
      })
      .from(rightsClues)
      .where(
        and(
          under(subject, rightsClues.jurisdictionPath),
          ne(rightsClues.status, 'merged'),
          within(rightsClues.decisionDeadline, period),
        ),
      )
      .orderBy(rightsClues.decisionDeadline, rightsClues.clueNo);
    if (rows.length === 0) return { value: null, records: [], note: '考核期内没有到期研判的维权线索' };
    const onTime = (r: (typeof rows)[number]) => r.decidedOn !== null && r.decidedOn <= r.deadline;
    return {
      value: pct(rows.filter(onTime).length, rows.length),
      records: rows.slice(0, MAX_RECORDS).map((r) => ({
        label: r.clueNo,
        detail: `研判期限 ${r.deadline}，${
          r.decidedOn === null ? '尚未研判' : `${r.decidedOn} 研判${onTime(r) ? '（按期）' : '（逾期）'}`
        }`,
        link: `/rights/clues/${r.id}`,
      })),
    };
  },

  async 'cases.closed'(db, subject, { period }) {
    const rows = await db
      .select({ id: rightsClues.id, clueNo: rightsClues.clueNo, closedOn: rightsCaseFiles.closedOn })
      .from(rightsCaseFiles)
      .innerJoin(rightsClues, eq(rightsClues.id, rightsCaseFiles.clueId))
      .where(and(under(subject, rightsClues.jurisdictionPath), within(rightsCaseFiles.closedOn, period)))
      .orderBy(rightsCaseFiles.closedOn, rightsClues.clueNo);
    return {
      value: rows.length,
      records: rows
        .slice(0, MAX_RECORDS)
        .map((r) => ({ label: r.clueNo, detail: `${r.closedOn} 结案`, link: `/rights-cases/${r.id}` })),
    };
  },

  async 'typical_cases.published'(db, subject, { period }) {
    const rows = await db
      .select({
        id: rightsTypicalCases.id,
        title: rightsTypicalCases.title,
        publishedOn: rightsTypicalCases.publishedOn,
      })
      .from(rightsTypicalCases)
      .innerJoin(jurisdictions, eq(jurisdictions.code, rightsTypicalCases.jurisdictionCode))
      .where(
        and(under(subject), eq(rightsTypicalCases.status, 'published'), within(rightsTypicalCases.publishedOn, period)),
      )
      .orderBy(rightsTypicalCases.publishedOn, rightsTypicalCases.title);
    return {
      value: rows.length,
      records: rows
        .slice(0, MAX_RECORDS)
        .map((r) => ({ label: r.title, detail: `${r.publishedOn} 发布`, link: `/typical-cases/${r.id}` })),
    };
  },

  async 'contact_firms.contacted_pct'(db, subject, { period }) {
    const firms = await db
      .select({ id: contactFirms.id, unitId: contactFirms.unitId, unitName: units.name })
      .from(contactFirms)
      .innerJoin(units, eq(units.id, contactFirms.unitId))
      .innerJoin(jurisdictions, eq(jurisdictions.code, contactFirms.jurisdictionCode))
      .where(and(under(subject), eq(contactFirms.active, true), lte(contactFirms.designatedOn, period.to)))
      .orderBy(units.name);
    if (firms.length === 0) return { value: null, records: [], note: '考核期末本辖区没有在册的联系企业' };
    const contacts = await countsWithin(
      db,
      contactLogs,
      contactLogs.contactFirmId,
      contactLogs.contactedOn,
      firms.map((f) => f.id),
      period,
    );
    return {
      value: pct(firms.filter((f) => contacts.has(f.id)).length, firms.length),
      records: firms.slice(0, MAX_RECORDS).map((f) => ({
        label: f.unitName,
        detail: `考核期内联系 ${contacts.get(f.id) ?? 0} 次`,
        link: `/units/${f.unitId}`,
      })),
    };
  },

  async 'standard.adopters'(db, subject, { period }) {
    const rows = await db
      .select({ unitId: units.id, unitName: units.name, decidedOn: standardAdoptions.decidedOn })
      .from(standardAdoptions)
      .innerJoin(units, eq(units.id, standardAdoptions.unitId))
      .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
      .where(
        and(under(subject), eq(standardAdoptions.status, 'confirmed'), within(standardAdoptions.decidedOn, period)),
      )
      .orderBy(standardAdoptions.decidedOn, units.name);
    return {
      value: rows.length,
      records: rows
        .slice(0, MAX_RECORDS)
        .map((r) => ({ label: r.unitName, detail: `${r.decidedOn} 确认贯标`, link: `/units/${r.unitId}` })),
    };
  },

  async 'services.records'(db, subject, { period }) {
    const rows = await db
      .select({
        unitId: units.id,
        unitName: units.name,
        occurredOn: serviceRecords.occurredOn,
        title: serviceRecords.title,
      })
      .from(serviceRecords)
      .innerJoin(units, eq(units.id, serviceRecords.unitId))
      .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
      .where(and(under(subject), within(serviceRecords.occurredOn, period), isNull(serviceRecords.voidedAt)))
      .orderBy(serviceRecords.occurredOn, units.name);
    return {
      value: rows.length,
      records: rows
        .slice(0, MAX_RECORDS)
        .map((r) => ({ label: r.unitName, detail: `${r.occurredOn} ${r.title}`, link: `/units/${r.unitId}` })),
    };
  },

  async 'services.campaign_visits'(db, subject, { period }) {
    const rows = await db
      .select({ placeName: serviceCampaignVisits.placeName, occurredOn: serviceCampaignVisits.occurredOn })
      .from(serviceCampaignVisits)
      .innerJoin(jurisdictions, eq(jurisdictions.code, serviceCampaignVisits.jurisdictionCode))
      .where(and(under(subject), within(serviceCampaignVisits.occurredOn, period)))
      .orderBy(serviceCampaignVisits.occurredOn, serviceCampaignVisits.placeName);
    return {
      value: rows.length,
      records: rows.slice(0, MAX_RECORDS).map((r) => ({ label: r.placeName, detail: `${r.occurredOn} 开展活动` })),
    };
  },

  'rights.clues_received': (db, subject, { period }) =>
    cluesDated(db, subject, period, rightsClues.receivedOn, '受理', (id) => `/rights/clues/${id}`),

  'cases.opened': (db, subject, { period }) =>
    cluesDated(db, subject, period, rightsClues.openedOn, '立案', (id) => `/rights-cases/${id}`),

  async 'people.talents'(db, subject) {
    const rows = await db
      .select({ id: experts.id, name: experts.name, affiliation: experts.affiliation })
      .from(experts)
      .innerJoin(jurisdictions, eq(jurisdictions.code, experts.jurisdictionCode))
      // The register keeps no business-dated history (entries carry real time only): the people in post now.
      .where(and(under(subject), eq(experts.active, true)))
      .orderBy(experts.name);
    return {
      value: rows.length,
      records: rows.slice(0, MAX_RECORDS).map((r) => ({ label: r.name, detail: r.affiliation })),
    };
  },
};

export function bureauFigure(db: Executor, metric: BureauMetricId, subject: Subject, ctx: FigureContext) {
  return FIGURES[metric](db, subject, ctx);
}
