/**
 * Roll-ups counted in SQL (issue 15) answer exactly what the computations they replaced answered, on a generated
 * province (applications in every status across programmes and jurisdictions, certified and revoked bases, clues,
 * trainings) with hand-built near-misses (voided and last year's service records, declared and confirmed standard
 * adopters of several years and jurisdictions; applications in publicity whose period ended or not; clues decided,
 * opened, closed and transferred): the to-do list and count, the officer's home (to-do and late list), the targets,
 * the "五个一" picture and the rights statistics — each compared with the old computation over all the rows.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lateness, nextStep } from '../src/core/applications/guidance';
import { ENDED_STATUSES, stagesOf } from '../src/core/applications/workflow';
import { BaseKind, BaseLevel } from '../src/core/programs/enums';
import { kindById } from '../src/core/programs/queries';
import { previousPeriod, reportPeriod } from '../src/core/reports/periods';
import type { Actor } from '../src/server/context';
import {
  applications,
  bases,
  jurisdictions,
  programmes,
  publicityEntries,
  publicityNotices,
  rightsClues,
  serviceRecords,
  standardAdoptions,
  units,
} from '../src/server/db/schema';
import { demoActor } from '../src/server/demo/demo-actor';
import { generateProvince } from '../src/server/demo/generate/generate-province';
import { queryLoadedApplications } from '../src/server/domain/applications/application-queries';
import { actionsFor } from '../src/server/domain/applications/transition-application';
import { workflowRoles } from '../src/server/domain/applications/workflow-roles';
import { bureauFigure } from '../src/server/domain/assessment/bureau-figures';
import { publicityEndDates } from '../src/server/domain/guidance/guidance-queries';
import { PICTURE_FIGURES } from '../src/server/domain/oversight/jurisdiction-picture';
import { programmeDefinitions } from '../src/server/domain/programmes/programme-definitions';
import { IN_PROGRESS } from '../src/server/domain/targets/target-rollup';
import { openEvidenceLog } from '../src/server/evidence/evidence-log';
import { buildTestApp, type Client, type TestApp } from './helpers/app';
import { oldRightsStatistics } from './helpers/old-rights-statistics';

const TODAY = '2022-11-15';
const SIZES = { bases: 60, units: 240, ledger: 0, evidence: 0, clues: 12, trainings: 6 };
const OFFICERS = ['admin', 'shaoxing', 'keqiao', 'putuo', 'shanghai', 'wuhan', 'hongshan', 'shijingshan'];

let t: TestApp;
const clients = new Map<string, Client>();
const actors = new Map<string, Actor>();

/** The old to-do computation: the newest 2,000 live applications, kept where the actor may act other than withdraw. */
async function oldTodo(actor: Actor, filter: { programmeId?: string } = {}) {
  const live = await queryLoadedApplications(
    t.database.db,
    actor,
    { ...filter, excludeStatuses: ENDED_STATUSES, page: 1, pageSize: 1 },
    2000,
  );
  return live.filter((row) => actionsFor(row, workflowRoles(actor, row)).some((a) => a !== 'withdraw'));
}

async function oldLate(actor: Actor) {
  const live = await queryLoadedApplications(
    t.database.db,
    actor,
    { excludeStatuses: ENDED_STATUSES, page: 1, pageSize: 1 },
    2000,
  );
  const ends = await publicityEndDates(
    t.database.db,
    live.filter((r) => r.application.status === 'in_publicity').map((r) => r.application.id),
  );
  const late = live.flatMap((row) => {
    const reasons = lateness(row.programme, row.application.status, TODAY, ends.get(row.application.id));
    if (reasons.length === 0) return [];
    return [
      {
        id: row.application.id,
        waitingOn: nextStep(row.application.status, stagesOf(row.programme)).waitingOn,
        onMe: actionsFor(row, workflowRoles(actor, row)).some((a) => a !== 'withdraw'),
        reasons,
        daysLate: Math.max(...reasons.map((r) => r.daysLate)),
      },
    ];
  });
  return late.sort((a, b) => b.daysLate - a.daysLate);
}

beforeAll(async () => {
  t = await buildTestApp({ env: { BUSINESS_DATE: TODAY } });
  const db = t.database.db;
  const log = await openEvidenceLog(db, t.config);
  await generateProvince(db, log.identity, SIZES);
  // Near-misses for the picture and the targets: service records voided, of last year, of another city; standard
  // adopters declared (not confirmed), confirmed this year and last, in Shaoxing's districts and in Wuhan.
  const some = await db
    .select({ id: units.id, code: units.jurisdictionCode })
    .from(units)
    .where(inArray(units.jurisdictionCode, ['330602', '330603', '330681', '420111']));
  const byCode = (code: string) => some.filter((u) => u.code === code);
  const records: (typeof serviceRecords.$inferInsert)[] = [];
  const adoptions: (typeof standardAdoptions.$inferInsert)[] = [];
  for (const [i, unit] of some.slice(0, 40).entries()) {
    const occurredOn = ['2021-05-10', '2022-02-14', '2022-08-30', '2023-01-05'][i % 4]!;
    records.push({
      kind: 'administrative_guidance',
      unitId: unit.id,
      provider: 'bureau',
      occurredOn,
      title: `上门指导 ${i}`,
      voidedAt: i % 5 === 0 ? new Date('2022-09-01T02:00:00Z') : null,
      voidReason: i % 5 === 0 ? '重复录入' : null,
    });
    const status = i % 3 === 0 ? 'declared' : 'confirmed';
    adoptions.push({
      unitId: unit.id,
      standard: 'DB33/T 2345-2021',
      adoptedOn: '2021-03-01',
      statement: '本单位按标准建立商业秘密保护制度',
      status,
      decidedOn: status === 'confirmed' ? ['2021-06-30', '2022-03-15', '2022-12-20'][i % 3]! : null,
    });
  }
  expect(byCode('420111').length).toBeGreaterThan(0);
  await db.insert(serviceRecords).values(records);
  await db.insert(standardAdoptions).values(adoptions);
  // Applications in publicity: a period that ended before today (late), one that ends after (not yet), one ended on
  // an earlier notice but running again on a later one (not late: the latest period counts), none at all.
  const inPublicity = await db
    .select({ id: applications.id, programmeId: applications.programmeId })
    .from(applications)
    .where(eq(applications.status, 'in_publicity'));
  expect(inPublicity.length).toBeGreaterThanOrEqual(3);
  const notice = async (programmeId: string, endsOn: string) => {
    const [row] = await db
      .insert(publicityNotices)
      .values({ programmeId, title: `公示 ${endsOn}`, startsOn: '2022-10-01', workingDays: 5, endsOn })
      .returning({ id: publicityNotices.id });
    return row!.id;
  };
  for (const [i, a] of inPublicity.entries()) {
    const ends = [['2022-11-01'], ['2022-10-20', '2022-11-20'], ['2022-11-14'], ['2022-11-30'], []][i % 5]!;
    for (const endsOn of ends) {
      await db.insert(publicityEntries).values({ noticeId: await notice(a.programmeId, endsOn), applicationId: a.id });
    }
  }
  // Clues decided, opened, closed and sent to the police, in Shaoxing's districts and elsewhere.
  const clues = await db.select({ id: rightsClues.id }).from(rightsClues).orderBy(rightsClues.clueNo);
  for (const [i, clue] of clues.entries()) {
    const step = i % 4;
    if (step === 0) continue;
    await db.execute(sql`UPDATE ${rightsClues} SET
      status = ${['accepted', 'closed', 'transferred_police'][step - 1]}::rights_status,
      route = ${['administrative', 'administrative', 'criminal'][step - 1]}::rights_route,
      decided_on = received_on + ${i % 7}::int, opened_on = CASE WHEN ${step}::int < 3 THEN received_on + 9 END,
      transfer_sent_at = CASE WHEN ${step}::int = 3 THEN now() END,
      police_decision = CASE WHEN ${step}::int = 3 AND ${i % 2}::int = 1 THEN 'filed'::rights_police_decision END
      WHERE id = ${clue.id}`);
  }
  for (const name of OFFICERS) {
    clients.set(name, await t.login(name));
    actors.set(name, (await demoActor(t.database, name))!);
  }
  clients.set('applicant1', await t.login('applicant1'));
  actors.set('applicant1', (await demoActor(t.database, 'applicant1'))!);
}, 180_000);
afterAll(async () => {
  await t?.close();
});

describe('the to-do list in SQL', () => {
  it('holds, for every bureau and an applicant, the applications the old computation kept, in order', async () => {
    let nonEmpty = 0;
    for (const name of [...OFFICERS, 'applicant1']) {
      const expected = await oldTodo(actors.get(name)!);
      const first = (await clients.get(name)!.get('/api/v1/applications?todo=true&pageSize=1')).json();
      expect(first.total, name).toBe(expected.length);
      const all = (await clients.get(name)!.get('/api/v1/applications?todo=true&pageSize=100&page=1')).json();
      expect(
        all.items.map((a: { id: string }) => a.id),
        name,
      ).toEqual(expected.slice(0, 100).map((r) => r.application.id));
      if (expected.length > 0) nonEmpty += 1;
      // A later page, and one past the end.
      const second = (await clients.get(name)!.get('/api/v1/applications?todo=true&pageSize=7&page=2')).json();
      expect(second.items.map((a: { id: string }) => a.id)).toEqual(expected.slice(7, 14).map((r) => r.application.id));
      expect(second.total).toBe(expected.length);
    }
    expect(nonEmpty).toBeGreaterThanOrEqual(5);
  });

  it('filters by programme and status as the list does', async () => {
    const db = t.database.db;
    const all = await db.select({ id: programmes.id }).from(programmes);
    for (const name of ['shaoxing', 'admin', 'wuhan']) {
      for (const { id } of all) {
        const expected = await oldTodo(actors.get(name)!, { programmeId: id });
        const got = (
          await clients.get(name)!.get(`/api/v1/applications?todo=true&programmeId=${id}&pageSize=100`)
        ).json();
        expect(got.total).toBe(expected.length);
        expect(got.items.map((a: { id: string }) => a.id)).toEqual(expected.slice(0, 100).map((r) => r.application.id));
      }
      const expected = (await oldTodo(actors.get(name)!)).filter((r) => r.application.status === 'submitted');
      const got = (await clients.get(name)!.get('/api/v1/applications?todo=true&status=submitted&pageSize=100')).json();
      expect(got.total).toBe(expected.length);
      // An ended status never waits on anyone.
      const ended = (await clients.get(name)!.get('/api/v1/applications?todo=true&status=withdrawn')).json();
      expect(ended.total).toBe(0);
    }
  });
});

describe("the officer's home in SQL", () => {
  it('shows the same to-do page and the same late applications, in the same order', async () => {
    let late = 0;
    for (const name of OFFICERS) {
      const home = (await clients.get(name)!.get('/api/v1/guidance/officer')).json();
      const todo = await oldTodo(actors.get(name)!);
      expect(home.todo.total, name).toBe(todo.length);
      expect(home.todo.items.map((a: { id: string }) => a.id)).toEqual(todo.slice(0, 10).map((r) => r.application.id));
      const expected = await oldLate(actors.get(name)!);
      expect(
        home.late.map((a: { id: string; waitingOn: string; onMe: boolean; reasons: unknown; daysLate: number }) => ({
          id: a.id,
          waitingOn: a.waitingOn,
          onMe: a.onMe,
          reasons: a.reasons,
          daysLate: a.daysLate,
        })),
        name,
      ).toEqual(expected);
      late += expected.length;
    }
    expect(late).toBeGreaterThan(0);
  });
});

/** Every base, application under way and declaration of the province, with its jurisdiction's path. */
async function allRows() {
  const db = t.database.db;
  const built = await db
    .select({
      path: jurisdictions.path,
      category: bases.category,
      level: bases.level,
      decidedOn: bases.decidedOn,
      revokedOn: bases.revokedOn,
    })
    .from(bases)
    .innerJoin(jurisdictions, eq(jurisdictions.code, bases.jurisdictionCode));
  const pending = await db
    .select({
      path: jurisdictions.path,
      programmeId: applications.programmeId,
      kindId: applications.kindId,
      status: applications.status,
    })
    .from(applications)
    .innerJoin(units, eq(units.id, applications.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode));
  const definitions = await programmeDefinitions(db, [...new Set(pending.map((a) => a.programmeId))]);
  const pipeline = pending.flatMap((a) => {
    const kind = kindById(definitions.get(a.programmeId)!, a.kindId);
    return kind ? [{ ...a, category: kind.category, level: kind.level }] : [];
  });
  const adopters = await db
    .select({ path: jurisdictions.path, status: standardAdoptions.status, decidedOn: standardAdoptions.decidedOn })
    .from(standardAdoptions)
    .innerJoin(units, eq(units.id, standardAdoptions.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode));
  const paths = new Map(
    (await db.select({ code: jurisdictions.code, path: jurisdictions.path }).from(jurisdictions)).map((j) => [
      j.code,
      j.path,
    ]),
  );
  return { built, pipeline, adopters, paths };
}

describe('the targets in SQL', () => {
  it('count per row what the row-by-row computation counted', async () => {
    const { built, pipeline, adopters, paths } = await allRows();
    const all = await t.database.db.select({ id: programmes.id, code: programmes.code }).from(programmes);
    let rows = 0;
    for (const { id, code } of all) {
      const report = (await clients.get('admin')!.get(`/api/v1/targets?programmeId=${id}`)).json();
      for (const row of report.rows) {
        const path = paths.get(row.jurisdictionCode)!;
        const matches = (b: { path: string; category: string; level: string }) =>
          b.path.startsWith(path) && (!row.kind || b.category === row.kind) && (!row.level || b.level === row.level);
        const inPeriod = (day: string | null) => day !== null && day <= row.due && (!row.from || day >= row.from);
        if (row.subject === 'base') {
          const certified = built.filter(
            (b) => matches(b) && inPeriod(b.decidedOn) && (!b.revokedOn || b.revokedOn > row.due),
          ).length;
          const inProgress = pipeline.filter((a) => matches(a) && IN_PROGRESS.includes(a.status)).length;
          expect({ code, row: row.jurisdictionCode, certified: row.certified, inProgress: row.inProgress }).toEqual({
            code,
            row: row.jurisdictionCode,
            certified,
            inProgress,
          });
        } else if (row.subject === 'standard_adopter') {
          const mine = adopters.filter((a) => a.path.startsWith(path));
          expect([row.certified, row.inProgress]).toEqual([
            mine.filter((a) => a.status === 'confirmed' && inPeriod(a.decidedOn)).length,
            mine.filter((a) => a.status === 'declared').length,
          ]);
        }
        rows += 1;
      }
      // An officer reads the same figures.
      const shaoxing = await clients.get('shaoxing')!.get(`/api/v1/targets?programmeId=${id}`);
      if (shaoxing.statusCode === 200) expect(shaoxing.json().rows).toEqual(report.rows);
    }
    expect(rows).toBeGreaterThan(10);
  });
});

describe('the picture in SQL', () => {
  it("holds for each jurisdiction and period the bureau assessment's own figure, and the bases by kind and level", async () => {
    const { built, paths } = await allRows();
    const cases: [string, string, string][] = [
      ['shaoxing', '330600', 'year=2022'],
      ['shaoxing', '330600', 'year=2023'],
      ['shaoxing', '330600', 'year=2022&quarter=3'],
      ['keqiao', '330603', 'year=2022'],
      ['admin', '330000', 'year=2022'],
      ['admin', '000000', 'year=2022'],
      ['wuhan', '420100', 'year=2022&quarter=1'],
    ];
    let nonZero = 0;
    for (const [name, code, query] of cases) {
      const picture = (await clients.get(name)!.get(`/api/v1/picture?jurisdictionCode=${code}&${query}`)).json();
      const period = reportPeriod(picture.period.year, picture.period.quarter ?? null);
      const earlier = previousPeriod(period);
      for (const row of picture.rows) {
        const subject = {
          code: row.jurisdictionCode,
          name: row.jurisdictionName,
          path: paths.get(row.jurisdictionCode)!,
        };
        for (const { metric } of PICTURE_FIGURES) {
          const now = await bureauFigure(t.database.db, metric, subject, { period, year: period.year });
          const before = await bureauFigure(t.database.db, metric, subject, { period: earlier, year: earlier.year });
          expect([metric, row.jurisdictionCode, query, row.values[metric], row.previous[metric]]).toEqual([
            metric,
            row.jurisdictionCode,
            query,
            now.value,
            before.value,
          ]);
          if (now.value) nonZero += 1;
        }
      }
      const within = (day: string, p: { from: string; to: string }) => day >= p.from && day <= p.to;
      const expected = picture.rows.flatMap((row: { jurisdictionCode: string }) =>
        BaseKind.values.flatMap((kind) =>
          BaseLevel.values.flatMap((level) => {
            const mine = built.filter(
              (b) =>
                b.path.startsWith(paths.get(row.jurisdictionCode)!) &&
                b.category === kind &&
                b.level === level &&
                b.decidedOn <= period.to,
            );
            const counts = {
              certified: mine.filter((b) => within(b.decidedOn, period)).length,
              active: mine.filter((b) => !b.revokedOn || b.revokedOn > period.to).length,
              previousCertified: mine.filter((b) => within(b.decidedOn, earlier)).length,
            };
            if (counts.certified + counts.active + counts.previousCertified === 0) return [];
            return [{ jurisdictionCode: row.jurisdictionCode, kind, level, ...counts }];
          }),
        ),
      );
      expect(
        picture.bases.map((b: Record<string, unknown>) => ({
          jurisdictionCode: b.jurisdictionCode,
          kind: b.kind,
          level: b.level,
          certified: b.certified,
          active: b.active,
          previousCertified: b.previousCertified,
        })),
      ).toEqual(expected);
    }
    expect(nonZero).toBeGreaterThan(10);
  }, 180_000);
});

describe('the rights statistics in one statement', () => {
  it('answer what one query per dimension answered, for every bureau and period', async () => {
    const queries: Record<string, string>[] = [
      {},
      { from: '2022-01-01' },
      { from: '2021-06-01', to: '2022-06-30' },
      { from: '2030-01-01' },
    ];
    let clues = 0;
    for (const name of OFFICERS) {
      for (const query of queries) {
        const ctx = { actor: actors.get(name)!, today: TODAY } as Parameters<typeof oldRightsStatistics>[1];
        const expected = await oldRightsStatistics(t.database.db, ctx, query);
        const got = await clients.get(name)!.get(`/api/v1/rights/statistics?${new URLSearchParams(query)}`);
        expect([name, query, got.json()]).toEqual([name, query, expected]);
        clues += expected.totals.clues;
      }
    }
    expect(clues).toBeGreaterThan(0);
  });
});
