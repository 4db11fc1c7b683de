/**
 * The picture's figures (./jurisdiction-picture.ts) counted in SQL: for each figure family one query that counts, per
 * jurisdiction of the picture (the jurisdiction and its children, each over its subtree) and per period (the period
 * and a year earlier), what ../assessment/bureau-figures.ts counts for one jurisdiction and one period with the
 * records behind it — the same conditions, without reading the records.
 */
import { and, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias, type PgTable } from 'drizzle-orm/pg-core';
import type { BureauMetricId } from '../../../core/assessment/metrics';
import { BaseKind, BaseLevel } from '../../../core/programs/enums';
import type { Executor } from '../../db/client';
import {
  bases,
  experts,
  jurisdictions,
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

export interface PictureSubject {
  code: string;
  path: string;
}

export interface Period {
  from: string;
  to: string;
}

/** The subjects as a relation `s(code, path)`, joined to the rows in a subject's subtree. */
const subjectsRelation = (subjects: readonly PictureSubject[]) =>
  sql`(VALUES ${sql.join(
    subjects.map((s) => sql`(${s.code}::text, ${s.path}::text)`),
    sql`, `,
  )}) AS s(code, path)`;
const underSubject = (path: AnyPgColumn) => sql`${path} LIKE s.path || '%'`;
const subjectCode = sql<string>`s.code`;

const within = (day: AnyPgColumn, p: Period) => sql`${day} >= ${p.from} AND ${day} <= ${p.to}`;
const countWithin = (day: AnyPgColumn, p: Period) => sql<number>`count(*) FILTER (WHERE ${within(day, p)})::int`;

type Counts = Map<string, [number, number]>;

/** Rows of `table`, joined to the subjects by `path`, counted per subject for the period and the earlier one. */
async function countDated(
  db: Executor,
  subjects: readonly PictureSubject[],
  periods: readonly [Period, Period],
  query: {
    table: PgTable;
    joins?: (q: ReturnType<typeof fromTable>) => ReturnType<typeof fromTable>;
    path: AnyPgColumn;
    day: AnyPgColumn;
    where?: SQL;
  },
): Promise<Counts> {
  const [now, earlier] = periods;
  const base = fromTable(db, query.table, now, earlier, query.day);
  const joined = query.joins ? query.joins(base) : base;
  const rows = await joined
    .innerJoin(subjectsRelation(subjects), underSubject(query.path))
    .where(and(query.where, sql`(${within(query.day, now)} OR ${within(query.day, earlier)})`))
    .groupBy(subjectCode);
  return new Map(rows.map((r) => [r.code, [Number(r.now), Number(r.earlier)]]));
}

function fromTable(db: Executor, table: PgTable, now: Period, earlier: Period, day: AnyPgColumn) {
  return db
    .select({ code: subjectCode, now: countWithin(day, now), earlier: countWithin(day, earlier) })
    .from(table)
    .$dynamic();
}

const eventOwners = alias(jurisdictions, 'event_owners');
const venueHosts = alias(jurisdictions, 'venue_hosts');

/**
 * The picture's figures (PICTURE_FIGURES) per subject: `[value in the period, value a year earlier]`; 0 for a subject
 * with nothing to count.
 */
export async function pictureFigureCounts(
  db: Executor,
  subjects: readonly PictureSubject[],
  periods: readonly [Period, Period],
): Promise<Map<BureauMetricId, Counts>> {
  const [now, earlier] = periods;
  const figures = new Map<BureauMetricId, Counts>();
  figures.set(
    'bases.certified',
    await countDated(db, subjects, periods, {
      table: bases,
      joins: (q) => q.innerJoin(jurisdictions, eq(jurisdictions.code, bases.jurisdictionCode)),
      path: jurisdictions.path,
      day: bases.decidedOn,
    }),
  );
  figures.set(
    'standard.adopters',
    await countDated(db, subjects, periods, {
      table: standardAdoptions,
      joins: (q) =>
        q
          .innerJoin(units, eq(units.id, standardAdoptions.unitId))
          .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode)),
      path: jurisdictions.path,
      day: standardAdoptions.decidedOn,
      where: eq(standardAdoptions.status, 'confirmed'),
    }),
  );
  figures.set(
    'trainings.held',
    await countDated(db, subjects, periods, {
      table: trainingEvents,
      joins: (q) => q.innerJoin(jurisdictions, eq(jurisdictions.code, trainingEvents.ownerJurisdictionCode)),
      path: jurisdictions.path,
      day: trainingEvents.startsOn,
      where: isNull(trainingEvents.cancelledAt),
    }),
  );
  figures.set('trainings.units_reached', await unitsReached(db, subjects, now, earlier));
  figures.set(
    'services.records',
    await countDated(db, subjects, periods, {
      table: serviceRecords,
      joins: (q) =>
        q
          .innerJoin(units, eq(units.id, serviceRecords.unitId))
          .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode)),
      path: jurisdictions.path,
      day: serviceRecords.occurredOn,
      where: isNull(serviceRecords.voidedAt),
    }),
  );
  figures.set(
    'services.campaign_visits',
    await countDated(db, subjects, periods, {
      table: serviceCampaignVisits,
      joins: (q) => q.innerJoin(jurisdictions, eq(jurisdictions.code, serviceCampaignVisits.jurisdictionCode)),
      path: jurisdictions.path,
      day: serviceCampaignVisits.occurredOn,
    }),
  );
  figures.set(
    'rights.clues_received',
    await countDated(db, subjects, periods, {
      table: rightsClues,
      path: rightsClues.jurisdictionPath,
      day: rightsClues.receivedOn,
    }),
  );
  figures.set(
    'cases.opened',
    await countDated(db, subjects, periods, {
      table: rightsClues,
      path: rightsClues.jurisdictionPath,
      day: rightsClues.openedOn,
    }),
  );
  figures.set(
    'cases.closed',
    await countDated(db, subjects, periods, {
      table: rightsCaseFiles,
      joins: (q) => q.innerJoin(rightsClues, eq(rightsClues.id, rightsCaseFiles.clueId)),
      path: rightsClues.jurisdictionPath,
      day: rightsCaseFiles.closedOn,
    }),
  );
  figures.set(
    'typical_cases.published',
    await countDated(db, subjects, periods, {
      table: rightsTypicalCases,
      joins: (q) => q.innerJoin(jurisdictions, eq(jurisdictions.code, rightsTypicalCases.jurisdictionCode)),
      path: jurisdictions.path,
      day: rightsTypicalCases.publishedOn,
      where: eq(rightsTypicalCases.status, 'published'),
    }),
  );
  figures.set('people.talents', await talents(db, subjects));
  return figures;
}

/**
 * Units (or walk-ins, by the name they gave) checked in at a training of the period whose organiser or venue host is
 * in the subtree — each counted once.
 */
async function unitsReached(db: Executor, subjects: readonly PictureSubject[], now: Period, earlier: Period) {
  const unitKey = sql`coalesce(${trainingRegistrations.unitId}::text, ${trainingRegistrations.unitName})`;
  const distinctWithin = (p: Period) =>
    sql<number>`count(DISTINCT ${unitKey}) FILTER (WHERE ${within(trainingEvents.startsOn, p)})::int`;
  const rows = await db
    .select({ code: subjectCode, now: distinctWithin(now), earlier: distinctWithin(earlier) })
    .from(trainingRegistrations)
    .innerJoin(trainingEvents, eq(trainingEvents.id, trainingRegistrations.eventId))
    .innerJoin(trainingVenues, eq(trainingVenues.id, trainingRegistrations.venueId))
    .innerJoin(eventOwners, eq(eventOwners.code, trainingEvents.ownerJurisdictionCode))
    .innerJoin(venueHosts, eq(venueHosts.code, trainingVenues.hostJurisdictionCode))
    .innerJoin(subjectsRelation(subjects), sql`(${underSubject(eventOwners.path)} OR ${underSubject(venueHosts.path)})`)
    .where(
      and(
        isNotNull(trainingRegistrations.checkedInAt),
        isNull(trainingRegistrations.cancelledAt),
        isNull(trainingEvents.cancelledAt),
        sql`(${within(trainingEvents.startsOn, now)} OR ${within(trainingEvents.startsOn, earlier)})`,
      ),
    )
    .groupBy(subjectCode);
  return new Map(rows.map((r) => [r.code, [Number(r.now), Number(r.earlier)] as [number, number]]));
}

/** Experts in post in the subtree (the register keeps no dated history: the same for both periods). */
async function talents(db: Executor, subjects: readonly PictureSubject[]): Promise<Counts> {
  const rows = await db
    .select({ code: subjectCode, n: sql<number>`count(*)::int` })
    .from(experts)
    .innerJoin(jurisdictions, eq(jurisdictions.code, experts.jurisdictionCode))
    .innerJoin(subjectsRelation(subjects), underSubject(jurisdictions.path))
    .where(eq(experts.active, true))
    .groupBy(subjectCode);
  return new Map(rows.map((r) => [r.code, [Number(r.n), Number(r.n)] as [number, number]]));
}

/** Bases of each subject's subtree by kind and level: certified in the period and a year earlier, in force at its end. */
export async function basesByKindAndLevel(
  db: Executor,
  subjects: readonly PictureSubject[],
  period: Period,
  earlier: Period,
) {
  const rows = await db
    .select({
      code: subjectCode,
      kind: bases.category,
      level: bases.level,
      certified: countWithin(bases.decidedOn, period),
      active: sql<number>`count(*) FILTER (WHERE ${bases.revokedOn} IS NULL OR ${bases.revokedOn} > ${period.to})::int`,
      previousCertified: countWithin(bases.decidedOn, earlier),
    })
    .from(bases)
    .innerJoin(jurisdictions, eq(jurisdictions.code, bases.jurisdictionCode))
    .innerJoin(subjectsRelation(subjects), underSubject(jurisdictions.path))
    .where(sql`${bases.decidedOn} <= ${period.to}`)
    .groupBy(subjectCode, bases.category, bases.level);
  const found = new Map(rows.map((r) => [`${r.code}|${r.kind}|${r.level}`, r]));
  return subjects.flatMap((subject) =>
    BaseKind.values.flatMap((kind) =>
      BaseLevel.values.flatMap((level) => {
        const row = found.get(`${subject.code}|${kind}|${level}`);
        const counts = {
          certified: Number(row?.certified ?? 0),
          active: Number(row?.active ?? 0),
          previousCertified: Number(row?.previousCertified ?? 0),
        };
        if (counts.certified + counts.active + counts.previousCertified === 0) return [];
        return [
          {
            jurisdictionCode: subject.code,
            kind,
            kindLabel: BaseKind.labels[kind],
            level,
            levelLabel: BaseLevel.labels[level],
            ...counts,
          },
        ];
      }),
    ),
  );
}
