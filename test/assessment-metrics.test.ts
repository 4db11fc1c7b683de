/**
 * The assessment indicators computed from the newer modules (trainings, rights, rights-cases, contact firms), each
 * checked against hand-built data in Keqiao for 2022 — with records just outside (another district, another year,
 * cancelled, merged, inactive) that must not count — directly and through a scheme's scorecard, drill-down included.
 */
import { readFileSync } from 'node:fs';
import { eq, notInArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BureauMetricId } from '../src/core/assessment/metrics';
import {
  contactFirms,
  contactLogs,
  experts,
  jurisdictions,
  rightsCaseFiles,
  rightsCaseGuides,
  rightsTypicalCases,
  serviceCampaignVisits,
  serviceRecords,
  standardAdoptions,
  trainingRegistrations,
  trainingVenues,
  units,
  users,
} from '../src/server/db/schema';
import { bureauFigure, type Subject } from '../src/server/domain/assessment/bureau-figures';
import { buildTestApp, type Client, type TestApp } from './helpers/app';
import { newApplicantUnit } from './helpers/applications';
import { setBusinessDate } from './helpers/bases';
import { insertCase } from './helpers/rights-cases';
import { insertTrainingEvent } from './helpers/trainings';

let t: TestApp;
let shaoxing: Client;
let keqiao: Subject;
const YEAR = { period: { from: '2022-01-01', to: '2022-12-31' }, year: 2022 };
const figure = (metric: BureauMetricId) => bureauFigure(t.database.db, metric, keqiao, YEAR);

beforeAll(async () => {
  t = await buildTestApp({ env: { BUSINESS_DATE: '2023-01-15' } });
  shaoxing = await t.login('shaoxing');
  const db = t.database.db;
  const [kq] = await db.select().from(jurisdictions).where(eq(jurisdictions.code, '330603'));
  keqiao = { code: kq!.code, name: kq!.name, path: kq!.path };
  const [officer] = await db.select().from(users).where(eq(users.username, 'keqiao'));
  const taken = db.select({ id: contactFirms.unitId }).from(contactFirms);
  const [x, y, z, f1, f2, f3, f4] = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(notInArray(units.id, taken))
    .orderBy(units.name)
    .limit(7);

  // Trainings: Keqiao holds two in 2022; a cancelled one and one of 2021 do not count, nor Shaoxing's.
  const event = (owner: string, title: string, startsOn: string, cancelled = false) =>
    insertTrainingEvent(db, { owner, title, startsOn, cancelled });
  const venue = async (eventId: string, host: string, role: 'main' | 'sub') => {
    const [row] = await db
      .insert(trainingVenues)
      .values({ eventId, role, name: `${host}会场`, hostJurisdictionCode: host, capacity: 50, position: 1 })
      .returning();
    return row!;
  };
  const attend = (
    eventId: string,
    venueId: string,
    unit: { id: string | null; name: string },
    who: string,
    checkedIn = true,
  ) =>
    db.insert(trainingRegistrations).values({
      eventId,
      venueId,
      kind: unit.id ? 'registered' : 'walk_in',
      unitId: unit.id,
      unitName: unit.name,
      attendeeName: who,
      checkedInAt: checkedIn ? new Date('2022-05-10T02:00:00Z') : null,
    });
  const a1 = await event('330603', '柯桥区商业秘密保护培训（一）', '2022-05-10');
  const a2 = await event('330603', '柯桥区商业秘密保护培训（二）', '2022-09-10');
  const cancelled = await event('330603', '已取消的培训', '2022-04-10', true);
  await event('330603', '上年度的培训', '2021-12-20');
  const city = await event('330600', '绍兴市商业秘密保护大讲堂', '2022-06-01');
  const a1Main = await venue(a1.id, '330603', 'main');
  await venue(a2.id, '330603', 'main');
  const cancelledMain = await venue(cancelled.id, '330603', 'main');
  const cityMain = await venue(city.id, '330600', 'main');
  const citySub = await venue(city.id, '330603', 'sub');
  await attend(a1.id, a1Main.id, x!, '张一');
  await attend(a1.id, a1Main.id, x!, '张二');
  await attend(a1.id, a1Main.id, y!, '李一', false);
  await attend(a1.id, a1Main.id, { id: null, name: '柯桥区某纺织厂' }, '王一');
  await attend(city.id, citySub.id, y!, '李二');
  await attend(city.id, cityMain.id, z!, '赵一');
  await attend(cancelled.id, cancelledMain.id, z!, '赵二');

  // Clues: due in 2022 — one decided on time (and another below, with its case), one late, one undecided; a merged one, one due in 2021, Yuecheng's.
  const clue = (code: string, decisionDeadline: string, decidedOn: string | null, status = 'accepted') =>
    insertCase(db, {
      jurisdictionCode: code,
      handler: code === '330603' ? 'keqiao' : 'shaoxing',
      status: status as 'accepted',
      receivedOn: decisionDeadline < '2022-01-01' ? '2021-12-01' : '2022-01-05',
      decisionDeadline,
      decidedOn,
      // An accepted clue is opened as a case when decided.
      openedOn: status === 'accepted' ? decidedOn : null,
    });
  await clue('330603', '2022-03-10', '2022-03-08');
  const late = await clue('330603', '2022-05-10', '2022-05-12');
  await clue('330603', '2022-12-20', null, 'received');
  await clue('330603', '2022-06-10', null, 'merged');
  const old = await clue('330603', '2021-12-30', '2021-12-28');
  const other = await clue('330602', '2022-03-10', '2022-03-20');

  // Cases closed: one in 2022; one closed in 2021, an open one and Yuecheng's do not count.
  const [guide] = await db.select({ id: rightsCaseGuides.id }).from(rightsCaseGuides).limit(1);
  const caseFile = (clueId: string, closedOn: string | null) =>
    db.insert(rightsCaseFiles).values({ clueId, guideId: guide!.id, closedOn, outcome: closedOn ? 'penalised' : null });
  await caseFile(late.id, '2022-06-01');
  await caseFile(old.id, '2021-11-01');
  await caseFile((await clue('330603', '2022-02-01', '2022-01-30')).id, null);
  await caseFile(other.id, '2022-07-01');

  // Typical cases: one published in 2022; a pending one and one published in 2021 do not count.
  const typical = (title: string, status: 'published' | 'pending', publishedOn: string | null) =>
    db.insert(rightsTypicalCases).values({
      clueId: late.id,
      jurisdictionCode: '330603',
      title,
      summary: '摘要',
      body: '正文',
      status,
      authorId: officer!.id,
      publishedOn,
    });
  await typical('柯桥某纺织企业技术秘密案', 'published', '2022-07-01');
  await typical('待审核的案例', 'pending', null);
  await typical('上年度的案例', 'published', '2021-12-01');

  // Contact firms: two in the books at the end of 2022, one contacted in 2022; an inactive one and one designated
  // in 2023 do not count.
  const firm = async (unitId: string, designatedOn: string, active = true) => {
    const [row] = await db
      .insert(contactFirms)
      .values({
        unitId,
        jurisdictionCode: '330603',
        liaisonOfficerId: officer!.id,
        contactName: '陈联络',
        intervalDays: 90,
        designatedOn,
        active,
      })
      .returning();
    return row!;
  };
  const contact = (contactFirmId: string, contactedOn: string) =>
    db.insert(contactLogs).values({ contactFirmId, contactedOn, way: 'visit', content: '走访了解保密制度落实情况' });
  const one = await firm(f1!.id, '2021-06-01');
  const two = await firm(f2!.id, '2021-06-01');
  const gone = await firm(f3!.id, '2021-06-01', false);
  await firm(f4!.id, '2023-01-05');
  await contact(one.id, '2022-03-01');
  await contact(one.id, '2022-09-01');
  await contact(two.id, '2021-10-01');
  await contact(gone.id, '2022-03-01');
});
beforeAll(async () => {
  // Services, "三进" visits, standard adopters and the register of people: Keqiao's and Yuecheng's.
  const db = t.database.db;
  const own = await newApplicantUnit(t, '330603', 'metrics-keqiao');
  const other = await newApplicantUnit(t, '330602', 'metrics-yuecheng');
  const service = (unitId: string, occurredOn: string, voided = false) =>
    db.insert(serviceRecords).values({
      kind: 'legal_consultation',
      unitId,
      provider: 'bureau',
      occurredOn,
      title: '商业秘密保护法律咨询',
      ...(voided ? { voidedAt: new Date(), voidReason: '重复登记' } : {}),
    });
  await service(own.unitId, '2022-04-01');
  await service(own.unitId, '2022-08-01');
  // Voided: kept on record, never counted.
  await service(own.unitId, '2022-06-01', true);
  await service(own.unitId, '2021-08-01');
  await service(other.unitId, '2022-04-01');
  const visit = (jurisdictionCode: string, occurredOn: string) =>
    db
      .insert(serviceCampaignVisits)
      .values({ kind: 'park', jurisdictionCode, placeName: '柯桥经济开发区', occurredOn, firmsReached: 12 });
  await visit('330603', '2022-05-20');
  await visit('330603', '2023-01-03');
  await visit('330602', '2022-05-20');
  const adoption = (unitId: string, status: 'confirmed' | 'declared', decidedOn: string | null) =>
    db.insert(standardAdoptions).values({
      unitId,
      standard: '商业秘密保护管理与服务规范',
      adoptedOn: '2022-02-01',
      statement: '已按规范建立保护制度',
      status,
      decidedOn,
    });
  await adoption(own.unitId, 'confirmed', '2022-03-01');
  await adoption(other.unitId, 'confirmed', '2022-03-01');
  const person = (jurisdictionCode: string, name: string, active = true) =>
    db.insert(experts).values({ name, affiliation: '绍兴文理学院', field: 'law', jurisdictionCode, active });
  await person('330603', '柯桥人才甲');
  await person('330603', '柯桥人才乙');
  await person('330603', '已退出人员', false);
  await person('330602', '越城人才');
});
afterAll(async () => {
  await t.close();
});

describe('indicators computed from the newer modules', () => {
  it('counts the trainings the district held and the units they reached', async () => {
    const held = await figure('trainings.held');
    expect(held.value).toBe(2);
    expect(held.records.map((r) => r.label)).toEqual(['柯桥区商业秘密保护培训（一）', '柯桥区商业秘密保护培训（二）']);
    expect(held.records[0]!.link).toMatch(/^\/trainings\//);
    const reached = await figure('trainings.units_reached');
    // The unit with two attendees once, the walk-in, and the unit checked in at Keqiao's sub-venue of the city's.
    expect(reached.value).toBe(3);
    expect(reached.records.map((r) => r.detail)).toContain('签到参加 1 场（未登记单位）');
  });

  it('measures clues decided on time, cases closed and typical cases published', async () => {
    const onTime = await figure('rights.decided_on_time_pct');
    expect(onTime.value).toBe(50);
    expect(onTime.records.map((r) => r.detail)).toEqual([
      '研判期限 2022-02-01，2022-01-30 研判（按期）',
      '研判期限 2022-03-10，2022-03-08 研判（按期）',
      '研判期限 2022-05-10，2022-05-12 研判（逾期）',
      '研判期限 2022-12-20，尚未研判',
    ]);
    const closed = await figure('cases.closed');
    expect(closed.value).toBe(1);
    expect(closed.records[0]!.detail).toBe('2022-06-01 结案');
    const typical = await figure('typical_cases.published');
    expect(typical.value).toBe(1);
    expect(typical.records[0]).toMatchObject({ label: '柯桥某纺织企业技术秘密案', detail: '2022-07-01 发布' });
  });

  it('measures the contact firms contacted in the period', async () => {
    const coverage = await figure('contact_firms.contacted_pct');
    expect(coverage.value).toBe(50);
    expect(coverage.records.map((r) => r.detail).sort()).toEqual(['考核期内联系 0 次', '考核期内联系 2 次']);
  });

  it('counts the figures of the picture: services, visits, adopters, clues received, cases opened, talents', async () => {
    const values = async (metrics: BureauMetricId[]) =>
      Object.fromEntries(await Promise.all(metrics.map(async (m) => [m, (await figure(m)).value])));
    expect(
      await values([
        'services.records',
        'services.campaign_visits',
        'standard.adopters',
        'rights.clues_received',
        'cases.opened',
        'people.talents',
      ]),
    ).toEqual({
      'services.records': 2,
      'services.campaign_visits': 1,
      'standard.adopters': 1,
      // Five Keqiao clues received in 2022 (the merged one too); the sixth was received in 2021.
      'rights.clues_received': 5,
      // Opened on decision in 2022: the one on time, the late one, the one whose case is still open.
      'cases.opened': 3,
      'people.talents': 2,
    });
    expect((await figure('services.records')).records[0]!.detail).toBe('2022-04-01 商业秘密保护法律咨询');
  });

  it('has nothing to measure where the district has no clues or firms', async () => {
    const [xc] = await t.database.db.select().from(jurisdictions).where(eq(jurisdictions.code, '330624'));
    const xinchang = { code: xc!.code, name: xc!.name, path: xc!.path };
    const db = t.database.db;
    expect(await bureauFigure(db, 'rights.decided_on_time_pct', xinchang, YEAR)).toMatchObject({ value: null });
    expect(await bureauFigure(db, 'contact_firms.contacted_pct', xinchang, YEAR)).toMatchObject({ value: null });
    expect((await bureauFigure(db, 'trainings.held', xinchang, YEAR)).value).toBe(0);
  });

  it('gives the points the sample scheme states, with the drill-down', async () => {
    setBusinessDate(t, '2023-01-15');
    const created = await shaoxing.post('/api/v1/assessments', {
      yaml: readFileSync('assessments/shaoxing-2022-sample.yaml', 'utf8'),
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const card = (await shaoxing.get(`/api/v1/assessments/${id}/scorecards/330603`)).json().card;
    const points = Object.fromEntries(card.indicators.map((i: { id: string; points: number }) => [i.id, i.points]));
    // 2 of 3 trainings: 10 of 15; 3 of 6 units: 5 of 10; 2 of 4 clues on time: 7.5 of 15; 1 of 2 cases: 5 of 10; one
    // typical case: 10 of 10; half the contact firms: 5 of 10; the hand-scored indicator not yet scored.
    expect(points).toEqual({ t1: 10, t2: 5, r1: 7.5, r2: 5, r3: 10, c1: 5, s1: null });
    expect(card).toMatchObject({ total: 42.5, pending: 1 });
    const byId = Object.fromEntries(card.indicators.map((i: { id: string }) => [i.id, i]));
    expect(byId.r2.records).toHaveLength(1);
  });
});
