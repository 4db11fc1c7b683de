/**
 * The picture's figures (./jurisdiction-picture.ts) counted in SQL: for each figure family a grouped branch that counts,
 * per jurisdiction of the picture (the jurisdiction and its children, each over its subtree) and per period (the period
 * and a year earlier), what ../assessment/bureau-figures.ts counts for one jurisdiction and one period with the
 * records behind it — the same conditions, without reading the records; all branches in one statement.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
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

const within = (day: AnyPgColumn, p: Period) => sql`${day} >= ${p.from} AND ${day} <= ${p.to}`;
const countWithin = (day: AnyPgColumn, p: Period) => sql`count(*) FILTER (WHERE ${within(day, p)})::int`;
/** Rows of a subject's subtree, by a jurisdiction path of the row. */
const underSubject = (path: AnyPgColumn | SQL) => sql`${path} LIKE s.path || '%'`;

type Counts = Map<string, [number, number]>;

/** One branch of the statement: rows (metric, code, kind, level, a, b, c, d). */
interface Branch {
  metric: string;
  /** FROM … JOIN … with the subjects `s` joined. */
  from: SQL;
  where: SQL;
  /** The counts a, b, c, d (0 where unused). */
  counts: [SQL, SQL, SQL?, SQL?];
  /** Grouped by kind and level too (the bases). */
  byKind?: boolean;
}

/**
 * A figure counted per subject for the period and the earlier one: rows of `table` (joined by `joins`) whose `day`
 * falls in either, in the subject's subtree by `path`.
 */
function dated(
  metric: BureauMetricId,
  q: { from: SQL; path: AnyPgColumn; day: AnyPgColumn; where?: SQL },
  [now, earlier]: readonly [Period, Period],
): Branch {
  return {
    metric,
    from: sql`${q.from} JOIN s ON ${underSubject(q.path)}`,
    where: sql`${q.where ? sql`${q.where} AND ` : sql``}(${within(q.day, now)} OR ${within(q.day, earlier)})`,
    counts: [countWithin(q.day, now), countWithin(q.day, earlier)],
  };
}

/**
 * The picture's figures (PICTURE_FIGURES) per subject — `[value in the period, value a year earlier]`, 0 for a
 * subject with nothing to count — and the bases by kind and level, in **one** statement: the subjects (the
 * jurisdiction and its children, each counted over its subtree) are a CTE, each figure family a grouped branch of a
 * UNION ALL, so the picture is one round trip instead of thirteen. The conditions are those of
 * ../assessment/bureau-figures.ts for one jurisdiction and one period; "bases certified" is the sum of the bases by
 * kind and level (certified in the period / a year earlier), both counting every base decided then.
 */
export async function pictureCounts(
  db: Executor,
  subjects: readonly PictureSubject[],
  periods: readonly [Period, Period],
) {
  const [now, earlier] = periods;
  const branches: Branch[] = [
    {
      metric: 'bases',
      from: sql`${bases} JOIN ${jurisdictions} ON ${jurisdictions.code} = ${bases.jurisdictionCode}
        JOIN s ON ${underSubject(jurisdictions.path)}`,
      where: sql`${bases.decidedOn} <= ${now.to}`,
      counts: [
        countWithin(bases.decidedOn, now),
        countWithin(bases.decidedOn, earlier),
        sql`count(*) FILTER (WHERE ${bases.revokedOn} IS NULL OR ${bases.revokedOn} > ${now.to})::int`,
      ],
      byKind: true,
    },
    dated(
      'standard.adopters',
      {
        from: sql`${standardAdoptions} JOIN ${units} ON ${units.id} = ${standardAdoptions.unitId}
          JOIN ${jurisdictions} ON ${jurisdictions.code} = ${units.jurisdictionCode}`,
        path: jurisdictions.path,
        day: standardAdoptions.decidedOn,
        where: sql`${standardAdoptions.status} = 'confirmed'`,
      },
      periods,
    ),
    dated(
      'trainings.held',
      {
        from: sql`${trainingEvents} JOIN ${jurisdictions} ON ${jurisdictions.code} = ${trainingEvents.ownerJurisdictionCode}`,
        path: jurisdictions.path,
        day: trainingEvents.startsOn,
        where: sql`${trainingEvents.cancelledAt} IS NULL`,
      },
      periods,
    ),
    unitsReached(now, earlier),
    dated(
      'services.records',
      {
        from: sql`${serviceRecords} JOIN ${units} ON ${units.id} = ${serviceRecords.unitId}
          JOIN ${jurisdictions} ON ${jurisdictions.code} = ${units.jurisdictionCode}`,
        path: jurisdictions.path,
        day: serviceRecords.occurredOn,
        where: sql`${serviceRecords.voidedAt} IS NULL`,
      },
      periods,
    ),
    dated(
      'services.campaign_visits',
      {
        from: sql`${serviceCampaignVisits} JOIN ${jurisdictions} ON ${jurisdictions.code} = ${serviceCampaignVisits.jurisdictionCode}`,
        path: jurisdictions.path,
        day: serviceCampaignVisits.occurredOn,
      },
      periods,
    ),
    // Clues received and cases opened: one pass over the subtree's clues, four counts.
    {
      metric: 'rights',
      from: sql`${rightsClues} JOIN s ON ${underSubject(rightsClues.jurisdictionPath)}`,
      where: sql`(${within(rightsClues.receivedOn, now)} OR ${within(rightsClues.receivedOn, earlier)}
        OR ${within(rightsClues.openedOn, now)} OR ${within(rightsClues.openedOn, earlier)})`,
      counts: [
        countWithin(rightsClues.receivedOn, now),
        countWithin(rightsClues.receivedOn, earlier),
        countWithin(rightsClues.openedOn, now),
        countWithin(rightsClues.openedOn, earlier),
      ],
    },
    dated(
      'cases.closed',
      {
        from: sql`${rightsCaseFiles} JOIN ${rightsClues} ON ${rightsClues.id} = ${rightsCaseFiles.clueId}`,
        path: rightsClues.jurisdictionPath,
        day: rightsCaseFiles.closedOn,
      },
      periods,
    ),
    dated(
      'typical_cases.published',
      {
        from: sql`${rightsTypicalCases} JOIN ${jurisdictions} ON ${jurisdictions.code} = ${rightsTypicalCases.jurisdictionCode}`,
        path: jurisdictions.path,
        day: rightsTypicalCases.publishedOn,
        where: sql`${rightsTypicalCases.status} = 'published'`,
      },
      periods,
    ),
    // Experts in post in the subtree (the register keeps no dated history: the same for both periods).
    {
      metric: 'people.talents',
      from: sql`${experts} JOIN ${jurisdictions} ON ${jurisdictions.code} = ${experts.jurisdictionCode}
        JOIN s ON ${underSubject(jurisdictions.path)}`,
      where: sql`${experts.active} = true`,
      counts: [sql`count(*)::int`, sql`count(*)::int`],
    },
  ];
  const select = (b: Branch) =>
    sql`SELECT ${b.metric}::text AS metric, s.code AS code,
      ${b.byKind ? sql`${bases.category}::text` : sql`NULL::text`} AS kind,
      ${b.byKind ? sql`${bases.level}::text` : sql`NULL::text`} AS level,
      ${b.counts[0]} AS a, ${b.counts[1]} AS b, ${b.counts[2] ?? sql`0`} AS c, ${b.counts[3] ?? sql`0`} AS d
      FROM ${b.from} WHERE ${b.where}
      GROUP BY s.code${b.byKind ? sql`, ${bases.category}, ${bases.level}` : sql``}`;
  const statement = sql`WITH s(code, path) AS (VALUES ${sql.join(
    subjects.map((s) => sql`(${s.code}::text, ${s.path}::text)`),
    sql`, `,
  )}) ${sql.join(branches.map(select), sql` UNION ALL `)}`;
  const result = (await db.execute(statement)) as unknown as {
    rows: {
      metric: string;
      code: string;
      kind: string | null;
      level: string | null;
      a: unknown;
      b: unknown;
      c: unknown;
      d: unknown;
    }[];
  };

  const figures = new Map<BureauMetricId, Counts>(PICTURE_METRICS.map((m) => [m, new Map()]));
  const add = (metric: BureauMetricId, code: string, a: number, b: number) => {
    const counts = figures.get(metric)!;
    const [x, y] = counts.get(code) ?? [0, 0];
    counts.set(code, [x + a, y + b]);
  };
  const byKind = new Map<string, { certified: number; active: number; previousCertified: number }>();
  for (const row of result.rows) {
    const [a, b, c, d] = [Number(row.a), Number(row.b), Number(row.c), Number(row.d)];
    if (row.metric === 'bases') {
      byKind.set(`${row.code}|${row.kind}|${row.level}`, { certified: a, active: c, previousCertified: b });
      add('bases.certified', row.code, a, b);
    } else if (row.metric === 'rights') {
      add('rights.clues_received', row.code, a, b);
      add('cases.opened', row.code, c, d);
    } else {
      add(row.metric as BureauMetricId, row.code, a, b);
    }
  }
  return { figures, bases: basesByKindAndLevel(subjects, byKind) };
}

/** The metrics the statement counts (PICTURE_FIGURES'). */
const PICTURE_METRICS: readonly BureauMetricId[] = [
  'bases.certified',
  'standard.adopters',
  'trainings.held',
  'trainings.units_reached',
  'services.records',
  'services.campaign_visits',
  'rights.clues_received',
  'cases.opened',
  'cases.closed',
  'typical_cases.published',
  'people.talents',
];

/**
 * Units (or walk-ins, by the name they gave) checked in at a training of the period whose organiser or venue host is
 * in the subtree — each counted once.
 */
function unitsReached(now: Period, earlier: Period): Branch {
  const unitKey = sql`coalesce(${trainingRegistrations.unitId}::text, ${trainingRegistrations.unitName})`;
  const distinctWithin = (p: Period) =>
    sql`count(DISTINCT ${unitKey}) FILTER (WHERE ${within(trainingEvents.startsOn, p)})::int`;
  return {
    metric: 'trainings.units_reached',
    from: sql`${trainingRegistrations}
      JOIN ${trainingEvents} ON ${trainingEvents.id} = ${trainingRegistrations.eventId}
      JOIN ${trainingVenues} ON ${trainingVenues.id} = ${trainingRegistrations.venueId}
      JOIN ${jurisdictions} event_owners ON event_owners.code = ${trainingEvents.ownerJurisdictionCode}
      JOIN ${jurisdictions} venue_hosts ON venue_hosts.code = ${trainingVenues.hostJurisdictionCode}
      JOIN s ON (${underSubject(sql`event_owners.path`)} OR ${underSubject(sql`venue_hosts.path`)})`,
    where: sql`${trainingRegistrations.checkedInAt} IS NOT NULL AND ${trainingRegistrations.cancelledAt} IS NULL
      AND ${trainingEvents.cancelledAt} IS NULL
      AND (${within(trainingEvents.startsOn, now)} OR ${within(trainingEvents.startsOn, earlier)})`,
    counts: [distinctWithin(now), distinctWithin(earlier)],
  };
}

/** Bases of each subject's subtree by kind and level: certified in the period and a year earlier, in force at its end. */
function basesByKindAndLevel(
  subjects: readonly PictureSubject[],
  found: Map<string, { certified: number; active: number; previousCertified: number }>,
) {
  return subjects.flatMap((subject) =>
    BaseKind.values.flatMap((kind) =>
      BaseLevel.values.flatMap((level) => {
        const counts = found.get(`${subject.code}|${kind}|${level}`) ?? {
          certified: 0,
          active: 0,
          previousCertified: 0,
        };
        if (counts.certified + counts.active + counts.previousCertified === 0) return [];
        return [
          {
            jurisdictionCode: subject.code,
            kind,
            kindLabel: BaseKind.labels[kind],
            level,
            levelLabel: BaseLevel.labels[level],
            certified: counts.certified,
            active: counts.active,
            previousCertified: counts.previousCertified,
          },
        ];
      }),
    ),
  );
}
