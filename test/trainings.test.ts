/**
 * Trainings, the lecture series (商业秘密保护大讲堂) and forums: a city lecture with county sub-venues, registration
 * within capacity (also under concurrency), QR check-in by the host, walk-ins, attendance turned into ledger entries
 * that the rubric metrics count, the feedback survey, attendance certificates and reach statistics — with the
 * denials of every endpoint.
 */
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, ledgerEntries, trainingRegistrations } from '../src/server/db/schema';
import { buildTestApp, type Client, type TestApp } from './helpers/app';
import { newApplicantUnit, programmeId } from './helpers/applications';
import { setBusinessDate } from './helpers/bases';
import { buildUnit } from './helpers/factories';
import { pdfText } from './helpers/pdf';
import { pdf, upload } from './helpers/subjects';

let t: TestApp;
let admin: Client;
let shaoxing: Client;
let keqiao: Client;
let putuo: Client;
let firm: Client;
let foreignFirm: Client;
let expert: Client;
let firmUnitId: string;

const lecture = (over: Record<string, unknown> = {}) => ({
  kind: 'lecture',
  title: '商业秘密保护大讲堂（第一期）：企业商业秘密管理体系建设',
  description: '市局主会场，各区、县（市）局设分会场同步收看。',
  ownerJurisdictionCode: '330600',
  audience: 'registered_units',
  startsOn: '2021-09-10',
  endsOn: '2021-09-10',
  sessions: [
    {
      title: '商业秘密的认定与保护措施',
      startsAt: '09:00',
      speakerName: '王建国',
      speakerTitle: '浙江工商大学法学院教授',
    },
    {
      title: '典型侵犯商业秘密案件解析',
      startsAt: '10:30',
      speakerName: '李敏',
      speakerTitle: '绍兴市中级人民法院法官',
    },
  ],
  venues: [
    {
      role: 'main',
      name: '市局主会场',
      hostJurisdictionCode: '330600',
      capacity: 100,
      address: '绍兴市越城区解放北路 1 号',
    },
    {
      role: 'sub',
      name: '柯桥分会场',
      hostJurisdictionCode: '330603',
      capacity: 2,
      address: '绍兴市柯桥区笛扬路 8 号',
    },
    {
      role: 'sub',
      name: '上虞分会场',
      hostJurisdictionCode: '330604',
      capacity: 50,
      onlineUrl: 'https://meeting.example.cn/sy',
    },
  ],
  materials: [],
  ...over,
});

async function createLecture(over: Record<string, unknown> = {}) {
  const res = await shaoxing.post('/api/v1/trainings', lecture(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; venues: { id: string; name: string; role: string }[] };
}

const venue = (event: { venues: { id: string; name: string }[] }, name: string) =>
  event.venues.find((v) => v.name === name)!.id;

async function register(client: Client, eventId: string, venueId: string, unitId: string, names: string[]) {
  return client.post(`/api/v1/trainings/${eventId}/registrations`, {
    venueId,
    unitId,
    attendees: names.map((name) => ({ name, position: '法务专员', mobile: '13800000000' })),
  });
}

async function liveRegistrations(eventId: string) {
  const rows = await t.database.db
    .select()
    .from(trainingRegistrations)
    .where(eq(trainingRegistrations.eventId, eventId));
  return rows.filter((r) => r.cancelledAt === null);
}

beforeAll(async () => {
  t = await buildTestApp({ env: { BUSINESS_DATE: '2021-09-01', BUSINESS_DATE_ADJUSTABLE: '1' } });
  admin = await t.login('admin');
  shaoxing = await t.login('shaoxing');
  keqiao = await t.login('keqiao');
  putuo = await t.login('putuo');
  firm = await t.login('applicant2');
  foreignFirm = await t.login('applicant1');
  expert = await t.login('expert1');
  firmUnitId = (await firm.get('/api/v1/auth/me')).json().user.unitId;
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('events', () => {
  it('the city publishes a lecture with a main venue and county sub-venues; others are refused', async () => {
    const created = await createLecture();
    expect(created.venues.map((v) => v.role)).toEqual(['main', 'sub', 'sub']);
    const detail = (await keqiao.get(`/api/v1/trainings/${created.id}`)).json();
    expect(detail.sessions.map((s: { speakerName: string }) => s.speakerName)).toEqual(['王建国', '李敏']);
    expect(detail.canManage).toBe(false);
    expect(detail.venues.find((v: { name: string }) => v.name === '柯桥分会场').hosting).toBe(true);
    expect(detail.venues.find((v: { name: string }) => v.name === '上虞分会场').hosting).toBe(false);

    expect((await t.anonymous.post('/api/v1/trainings', lecture())).statusCode).toBe(401);
    expect((await firm.post('/api/v1/trainings', lecture())).statusCode).toBe(403);
    expect((await expert.post('/api/v1/trainings', lecture())).statusCode).toBe(403);
    expect((await keqiao.post('/api/v1/trainings', lecture())).statusCode).toBe(404);
    expect((await putuo.post('/api/v1/trainings', lecture())).statusCode).toBe(404);
    const twoMains = await shaoxing.post(
      '/api/v1/trainings',
      lecture({ venues: [lecture().venues[0], { ...lecture().venues[0], name: '第二主会场' }] }),
    );
    expect(twoMains.statusCode).toBe(400);
    expect(twoMains.json().message).toMatch(/主会场/);
    const outside = await shaoxing.post(
      '/api/v1/trainings',
      lecture({ venues: [lecture().venues[0], { ...lecture().venues[1], hostJurisdictionCode: '310107' }] }),
    );
    expect(outside.statusCode).toBe(400);
    expect(outside.json().fields[0].path).toBe('venues.1.hostJurisdictionCode');
    const noSpeaker = await shaoxing.post('/api/v1/trainings', lecture({ sessions: [{ title: '开场' }] }));
    expect(noSpeaker.statusCode).toBe(400);
  });

  it('is read by the owner, the bureaus below it and the units of its area, and nobody else', async () => {
    const { id } = await createLecture();
    for (const client of [admin, shaoxing, keqiao, firm]) {
      expect((await client.get(`/api/v1/trainings/${id}`)).statusCode).toBe(200);
    }
    for (const client of [putuo, foreignFirm, expert]) {
      const res = await client.get(`/api/v1/trainings/${id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().message).toMatch(/不存在/);
    }
    expect((await t.anonymous.get(`/api/v1/trainings/${id}`)).statusCode).toBe(401);
    expect((await putuo.get('/api/v1/trainings')).json().items.map((e: { id: string }) => e.id)).not.toContain(id);
    expect((await foreignFirm.get('/api/v1/trainings')).json().items.map((e: { id: string }) => e.id)).not.toContain(
      id,
    );
    expect((await firm.get('/api/v1/trainings')).json().items.map((e: { id: string }) => e.id)).toContain(id);
  });

  it('is edited by its owner with the version it read; stale versions and other bureaus are refused', async () => {
    const created = await createLecture();
    const url = `/api/v1/trainings/${created.id}`;
    expect((await keqiao.patch(url, { version: created.version, title: '改' })).statusCode).toBe(403);
    expect((await putuo.patch(url, { version: created.version, title: '改' })).statusCode).toBe(404);
    expect((await firm.patch(url, { version: created.version, title: '改' })).statusCode).toBe(403);
    const edited = await shaoxing.patch(url, { version: created.version, title: '商业秘密保护大讲堂（第二期）' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await shaoxing.patch(url, { version: created.version, title: '旧版本' })).statusCode).toBe(409);
    expect((await shaoxing.get(url)).json().title).toBe('商业秘密保护大讲堂（第二期）');
  });
});

describe('speakers, materials and cancellation', () => {
  const inbox = async (client: Client) =>
    (await client.get('/api/v1/notifications')).json().items as { title: string; body: string; link: string }[];

  it('takes speakers from the registers the organiser sees, never from another city’s register', async () => {
    const own = (await shaoxing.get('/api/v1/experts')).json().items as { id: string; name: string }[];
    expect(own.length).toBeGreaterThan(0);
    const foreign = await putuo.post('/api/v1/experts', {
      name: '钱律师',
      affiliation: '上海某律师事务所',
      field: 'law',
      jurisdictionCode: '310107',
    });
    expect(foreign.statusCode, foreign.body).toBe(201);
    const session = (speakerExpertId: string) => ({ title: '商业秘密的认定', startsAt: '09:00', speakerExpertId });
    const created = await createLecture({ sessions: [session(own[0]!.id)] });
    const detail = (await firm.get(`/api/v1/trainings/${created.id}`)).json();
    expect(detail.sessions[0]).toMatchObject({ speakerExpertId: own[0]!.id, speakerName: own[0]!.name });

    // The speaker's record of use shows the talk, and goes when the event is cancelled.
    const given = async () =>
      (
        (await shaoxing.get(`/api/v1/experts/${own[0]!.id}/records?kind=training_given`)).json().items as {
          sourceId: string;
          title: string;
        }[]
      ).filter((r) => r.sourceId === created.id);
    expect((await given()).map((r) => r.title)).toEqual([`${lecture().title}：商业秘密的认定`]);
    const cancelled = await shaoxing.patch(`/api/v1/trainings/${created.id}`, {
      version: created.version,
      cancelled: true,
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(await given()).toEqual([]);

    const refused = await shaoxing.post('/api/v1/trainings', lecture({ sessions: [session(foreign.json().id)] }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].path).toBe('sessions.0.speakerExpertId');
  });

  it('hands out materials the organiser uploaded to the audience only', async () => {
    const slides = await upload(shaoxing, '大讲堂课件.pdf', pdf('training slides'));
    const created = await createLecture({ materials: [slides] });
    const url = `/api/v1/trainings/${created.id}/materials/${slides.sha256}`;
    for (const client of [shaoxing, keqiao, firm]) expect((await client.get(url)).statusCode).toBe(200);
    for (const client of [putuo, foreignFirm, expert]) expect((await client.get(url)).statusCode).toBe(404);
    // Nobody cites a file another person uploaded.
    const theirs = await upload(firm, '企业文件.pdf', pdf('firm own file'));
    const stolen = await shaoxing.patch(`/api/v1/trainings/${created.id}`, {
      version: created.version,
      materials: [slides, theirs],
    });
    expect(stolen.statusCode).toBe(400);
  });

  it('cancelling tells every registered unit, is audited, and closes registration', async () => {
    const event = await createLecture({ title: '商业秘密保护大讲堂（取消测试）' });
    expect((await register(firm, event.id, venue(event, '市局主会场'), firmUnitId, ['郑洁'])).statusCode).toBe(201);
    const before = (await inbox(firm)).length;
    const bystander = await inbox(foreignFirm);
    const cancelled = await shaoxing.patch(`/api/v1/trainings/${event.id}`, {
      version: event.version,
      cancelled: true,
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().cancelled).toBe(true);
    const after = await inbox(firm);
    expect(after.length).toBe(before + 1);
    expect(after[0]).toMatchObject({ title: '培训活动已取消', link: `/trainings/${event.id}` });
    expect(after[0]!.body).toContain('取消测试');
    expect(await inbox(foreignFirm)).toEqual(bystander);
    const audited = await t.database.db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'training.update'), eq(auditLog.entityId, event.id)));
    expect(audited.map((a) => (a.after as { cancelled?: boolean }).cancelled)).toContain(true);
    const late = await register(firm, event.id, venue(event, '市局主会场'), firmUnitId, ['何平']);
    expect(late.statusCode).toBe(409);
    // A second save of the cancelled event notifies nobody again.
    const again = await shaoxing.patch(`/api/v1/trainings/${event.id}`, {
      version: cancelled.json().version,
      description: '因故取消',
    });
    expect(again.statusCode).toBe(200);
    expect((await inbox(firm)).length).toBe(before + 1);
    // Reopened: the registration held, the unit is told, registration opens again.
    const reopened = await shaoxing.patch(`/api/v1/trainings/${event.id}`, {
      version: again.json().version,
      cancelled: false,
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json().cancelled).toBe(false);
    const told = await inbox(firm);
    expect(told.length).toBe(before + 2);
    expect(told[0]).toMatchObject({ title: '培训活动已恢复', link: `/trainings/${event.id}` });
    expect(await inbox(foreignFirm)).toEqual(bystander);
    expect((await register(firm, event.id, venue(event, '市局主会场'), firmUnitId, ['何平'])).statusCode).toBe(201);
  });
});

describe('registration', () => {
  it('refuses a full venue and a duplicate attendee with 409, invalid input with 400, and changes nothing', async () => {
    const event = await createLecture();
    const keqiaoVenue = venue(event, '柯桥分会场');
    const first = await register(firm, event.id, keqiaoVenue, firmUnitId, ['张伟', '王芳']);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().items).toHaveLength(2);
    const before = await liveRegistrations(event.id);

    const duplicate = await register(firm, event.id, venue(event, '市局主会场'), firmUnitId, ['张伟']);
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().message).toMatch(/张伟已报名/);
    const other = await newApplicantUnit(t, '330603', 'trainings-full');
    const full = await register(other.client, event.id, keqiaoVenue, other.unitId, ['赵磊']);
    expect(full.statusCode).toBe(409);
    expect(full.json().message).toMatch(/名额已满/);
    const twice = await register(firm, event.id, venue(event, '市局主会场'), firmUnitId, ['陈静', '陈静']);
    expect(twice.statusCode).toBe(400);
    const wrongVenue = await register(firm, event.id, '00000000-0000-4000-8000-000000000000', firmUnitId, ['周强']);
    expect(wrongVenue.statusCode).toBe(400);
    expect((await liveRegistrations(event.id)).map((r) => r.id).sort()).toEqual(before.map((r) => r.id).sort());

    // Denials: a unit outside the audience cannot see the event; nobody registers another's unit.
    expect((await register(foreignFirm, event.id, keqiaoVenue, firmUnitId, ['孙丽'])).statusCode).toBe(404);
    expect((await register(other.client, event.id, keqiaoVenue, firmUnitId, ['孙丽'])).statusCode).toBe(404);
    expect((await register(putuo, event.id, keqiaoVenue, firmUnitId, ['孙丽'])).statusCode).toBe(404);
    expect((await register(expert, event.id, keqiaoVenue, firmUnitId, ['孙丽'])).statusCode).toBe(404);
    expect((await register(t.anonymous, event.id, keqiaoVenue, firmUnitId, ['孙丽'])).statusCode).toBe(401);
    expect((await liveRegistrations(event.id)).length).toBe(before.length);

    // Cancelling frees the seat.
    const cancelled = await firm.post(`/api/v1/training-registrations/${first.json().items[0].id}/cancellation`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(
      (await firm.post(`/api/v1/training-registrations/${first.json().items[0].id}/cancellation`)).statusCode,
    ).toBe(409);
    expect((await register(other.client, event.id, keqiaoVenue, other.unitId, ['赵磊'])).statusCode).toBe(201);
  });

  it('never exceeds the capacity or registers one attendee twice under concurrent requests', async () => {
    const event = await createLecture();
    const keqiaoVenue = venue(event, '柯桥分会场');
    const results = await Promise.all(
      ['甲', '乙', '丙', '丁', '戊'].map((n) => register(firm, event.id, keqiaoVenue, firmUnitId, [`刘${n}`])),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 201, 409, 409, 409]);
    expect((await liveRegistrations(event.id)).length).toBe(2);

    const main = venue(event, '市局主会场');
    const same = await Promise.all([1, 2, 3].map(() => register(firm, event.id, main, firmUnitId, ['吴昊'])));
    expect(same.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect((await liveRegistrations(event.id)).filter((r) => r.attendeeName === '吴昊')).toHaveLength(1);
  });
});

describe('check-in, ledger and rubric metrics', () => {
  it('the host checks attendees in once; the unit gets one training ledger entry per event', async () => {
    setBusinessDate(t, '2021-09-01');
    const event = await createLecture();
    const regs = (await register(firm, event.id, venue(event, '柯桥分会场'), firmUnitId, ['钱多', '孙少'])).json()
      .items as { id: string }[];
    const checkIn = (client: Client, id: string) => client.post(`/api/v1/training-registrations/${id}/check-in`);
    expect((await checkIn(keqiao, regs[0]!.id)).json().message).toMatch(/尚未开始/);
    setBusinessDate(t, '2021-09-10');
    // The QR code opens the registration: the host may check in, the unit only sees it.
    expect((await keqiao.get(`/api/v1/training-registrations/${regs[0]!.id}`)).json().canCheckIn).toBe(true);
    expect((await firm.get(`/api/v1/training-registrations/${regs[0]!.id}`)).json().canCheckIn).toBe(false);
    expect((await putuo.get(`/api/v1/training-registrations/${regs[0]!.id}`)).statusCode).toBe(404);
    expect((await foreignFirm.get(`/api/v1/training-registrations/${regs[0]!.id}`)).statusCode).toBe(404);
    expect((await checkIn(firm, regs[0]!.id)).statusCode).toBe(403);
    expect((await checkIn(putuo, regs[0]!.id)).statusCode).toBe(404);
    expect((await checkIn(expert, regs[0]!.id)).statusCode).toBe(404);
    expect((await checkIn(t.anonymous, regs[0]!.id)).statusCode).toBe(401);

    const [a, b] = await Promise.all([checkIn(keqiao, regs[0]!.id), checkIn(shaoxing, regs[0]!.id)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect((await checkIn(shaoxing, regs[1]!.id)).statusCode).toBe(200);
    const entries = (
      await t.database.db.select().from(ledgerEntries).where(eq(ledgerEntries.unitId, firmUnitId))
    ).filter((e) => (e.details as { trainingEventId?: string }).trainingEventId === event.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'training', occurredOn: '2021-09-10', participants: 2 });
    expect(entries[0]!.title).toContain('商业秘密保护大讲堂');

    // Walk-ins: recorded by the host, checked in at once; others are refused.
    const walkIn = { venueId: venue(event, '柯桥分会场'), unitName: '绍兴某未登记纺织厂', attendee: { name: '郑浩' } };
    expect((await firm.post(`/api/v1/trainings/${event.id}/walk-ins`, walkIn)).statusCode).toBe(403);
    expect((await putuo.post(`/api/v1/trainings/${event.id}/walk-ins`, walkIn)).statusCode).toBe(404);
    const recorded = await keqiao.post(`/api/v1/trainings/${event.id}/walk-ins`, walkIn);
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json()).toMatchObject({ kind: 'walk_in', unitId: null });
    expect(recorded.json().checkedInAt).not.toBeNull();
    expect((await keqiao.post(`/api/v1/trainings/${event.id}/walk-ins`, walkIn)).statusCode).toBe(409);
    // The host sees its venue's list; a checked-in registration cannot be cancelled.
    const list = (await keqiao.get(`/api/v1/trainings/${event.id}/registrations`)).json().items;
    expect(list).toHaveLength(3);
    expect((await firm.get(`/api/v1/trainings/${event.id}/registrations`)).json().items).toHaveLength(2);
    expect((await firm.post(`/api/v1/training-registrations/${regs[0]!.id}/cancellation`)).statusCode).toBe(409);
  });

  it('a park that attended two lectures meets "培训不少于 2 次"; its tenants attending lift the trained share', async () => {
    setBusinessDate(t, '2021-09-01');
    const park = await newApplicantUnit(t, '330603', 'trainings-park', { kind: 'park', name: '柯桥蓝印时尚小镇' });
    const tenants: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await admin.post(
        '/api/v1/units',
        buildUnit({ jurisdictionCode: '330603', parkId: park.unitId, name: `柯桥蓝印入园企业${i + 1}有限公司` }),
      );
      expect(res.statusCode, res.body).toBe(201);
      tenants.push(res.json().unit.id);
    }
    const zone = await park.client.post('/api/v1/self-assessments', {
      programmeId: await programmeId(park.client, 'shaoxing-2021'),
      kindId: 'zone',
    });
    expect(zone.statusCode, zone.body).toBe(201);
    const requirement = async (id: string) => {
      const a = (await park.client.get(`/api/v1/self-assessments/${zone.json().id}`)).json();
      const found = a.evaluation.conditions
        .flatMap((c: { requirements: { id: string; status: string }[] }) => c.requirements)
        .find((r: { id: string }) => r.id === id);
      return { status: found.status as string, metrics: a.metrics as Record<string, number> };
    };
    expect((await requirement('c5.r2')).status).not.toBe('met');

    const first = await createLecture({ startsOn: '2021-09-10', endsOn: '2021-09-10' });
    const second = await createLecture({
      title: '商业秘密保护大讲堂（第二期）',
      startsOn: '2021-09-20',
      endsOn: '2021-09-20',
    });
    const attend = async (
      event: { id: string; venues: { id: string; name: string }[] },
      unitId: string,
      name: string,
    ) => {
      // The bureau registers on the unit's behalf here (officers over a unit may); the host checks in on the day.
      const detail = (await shaoxing.get(`/api/v1/trainings/${event.id}`)).json();
      setBusinessDate(t, detail.startsOn);
      const reg = await register(keqiao, event.id, venue(event, '市局主会场'), unitId, [name]);
      expect(reg.statusCode, reg.body).toBe(201);
      const done = await shaoxing.post(`/api/v1/training-registrations/${reg.json().items[0].id}/check-in`);
      expect(done.statusCode, done.body).toBe(200);
      setBusinessDate(t, '2021-09-20');
    };
    await attend(first, park.unitId, '园区管委会 沈主任');
    expect((await requirement('c5.r2')).metrics['ledger.trainings_12m']).toBe(1);
    await attend(second, park.unitId, '园区管委会 沈主任');
    const after = await requirement('c5.r2');
    expect(after.metrics['ledger.trainings_12m']).toBe(2);
    expect(after.status).toBe('met');

    await attend(first, tenants[0]!, '企业一 法务');
    expect((await requirement('c5.r3')).metrics['ledger.firms_trained_pct_12m']).toBe(25);
    expect((await requirement('c5.r3')).status).not.toBe('met');
    await attend(second, tenants[1]!, '企业二 法务');
    const half = await requirement('c5.r3');
    expect(half.metrics['ledger.firms_trained_pct_12m']).toBe(50);
    expect(half.status).toBe('met');
  });

  it('a Putuo park whose trained tenants reach 50 % meets "园区内企业受训率达 50% 以上"', async () => {
    setBusinessDate(t, '2022-05-10');
    const park = await newApplicantUnit(t, '310107', 'trainings-putuo-park', { kind: 'park', name: '普陀长风创新园' });
    const tenants: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await admin.post(
        '/api/v1/units',
        buildUnit({ jurisdictionCode: '310107', parkId: park.unitId, name: `长风园入园企业${i + 1}有限公司` }),
      );
      tenants.push(res.json().unit.id);
    }
    const zone = await park.client.post('/api/v1/self-assessments', {
      programmeId: await programmeId(park.client, 'putuo-2022'),
      kindId: 'zone',
    });
    expect(zone.statusCode, zone.body).toBe(201);
    const item = async () => {
      const a = (await park.client.get(`/api/v1/self-assessments/${zone.json().id}`)).json();
      const found = a.evaluation.indicators
        .flatMap((i: { items: { id: string }[] }) => i.items)
        .find((i: { id: string }) => i.id === 'i5.2');
      return found.checks[0].status as string;
    };
    expect(await item()).not.toBe('met');
    const created = await putuo.post(
      '/api/v1/trainings',
      lecture({
        kind: 'training',
        title: '普陀区商业秘密保护进园区培训',
        ownerJurisdictionCode: '310107',
        startsOn: '2022-05-10',
        endsOn: '2022-05-10',
        venues: [
          {
            role: 'main',
            name: '长风园报告厅',
            hostJurisdictionCode: '310107',
            capacity: 80,
            address: '上海市普陀区云岭东路 89 号',
          },
        ],
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const reg = await register(putuo, created.json().id, created.json().venues[0].id, tenants[0]!, ['周敏']);
    await putuo.post(`/api/v1/training-registrations/${reg.json().items[0].id}/check-in`);
    expect(await item()).toBe('met');
  });
});

describe('feedback, certificates, statistics', () => {
  it('attendees answer the survey once after check-in; managers see the summary', async () => {
    setBusinessDate(t, '2021-09-10');
    const event = await createLecture();
    const items = (await register(firm, event.id, venue(event, '市局主会场'), firmUnitId, ['冯雪', '褚明'])).json()
      .items as { id: string; attendeeName: string }[];
    const reg = items.find((r) => r.attendeeName === '冯雪');
    const absent = items.find((r) => r.attendeeName === '褚明');
    await shaoxing.post(`/api/v1/training-registrations/${reg!.id}/check-in`);
    const answers = { overall: 5, content: 4, speaker: 5, organisation: 4, suggestions: '希望增加案例研讨' };
    const url = (id: string) => `/api/v1/training-registrations/${id}/feedback`;
    expect((await firm.post(url(absent!.id), { answers })).statusCode).toBe(409);
    expect((await firm.post(url(reg!.id), { answers: { overall: 5 } })).statusCode).toBe(400);
    expect((await firm.post(url(reg!.id), { answers: { ...answers, bogus: 1 } })).statusCode).toBe(400);
    expect((await keqiao.post(url(reg!.id), { answers })).statusCode).toBe(403);
    expect((await foreignFirm.post(url(reg!.id), { answers })).statusCode).toBe(404);
    const sent = await firm.post(url(reg!.id), { answers });
    expect(sent.statusCode, sent.body).toBe(201);
    expect((await firm.post(url(reg!.id), { answers })).statusCode).toBe(409);

    const summary = await shaoxing.get(`/api/v1/trainings/${event.id}/feedback`);
    expect(summary.statusCode, summary.body).toBe(200);
    expect(summary.json().responses).toBe(1);
    expect(summary.json().questions.find((q: { id: string }) => q.id === 'overall').average).toBe(5);
    expect(summary.json().questions.find((q: { id: string }) => q.id === 'suggestions').texts).toEqual([
      '希望增加案例研讨',
    ]);
    expect((await firm.get(`/api/v1/trainings/${event.id}/feedback`)).statusCode).toBe(403);
    expect((await putuo.get(`/api/v1/trainings/${event.id}/feedback`)).statusCode).toBe(404);

    // The attendance certificate: for the attended registration only, read back as text.
    const cert = await firm.get(`/api/v1/training-registrations/${reg!.id}/certificate`);
    expect(cert.statusCode).toBe(200);
    expect(cert.headers['content-type']).toContain('application/pdf');
    const { text } = await pdfText(cert.rawPayload);
    expect(text).toContain('参 训 证 明');
    expect(text).toContain('冯雪');
    expect(text).toContain('企业商业秘密管理体系建设');
    expect(text).toContain('绍兴市市场监督管理局');
    expect((await firm.get(`/api/v1/training-registrations/${absent!.id}/certificate`)).statusCode).toBe(409);
    expect((await foreignFirm.get(`/api/v1/training-registrations/${reg!.id}/certificate`)).statusCode).toBe(404);
  });

  it('counts reach by district, industry and month in the caller scope, and exports it', async () => {
    const stats = await shaoxing.get('/api/v1/training-stats?from=2021-01-01&to=2021-12-31');
    expect(stats.statusCode, stats.body).toBe(200);
    const body = stats.json();
    expect(body.totals.people).toBeGreaterThan(0);
    // Registered units by their own district, walk-ins apart under the venue's host — never one label for both.
    expect(body.byDistrict.map((r: { label: string }) => r.label)).toEqual(
      expect.arrayContaining(['柯桥区', '柯桥区（未登记单位）']),
    );
    expect(body.byMonth.map((r: { label: string }) => r.label)).toContain('2021年9月');
    expect(body.byIndustry.length).toBeGreaterThan(0);
    const foreign = (await putuo.get('/api/v1/training-stats?from=2021-01-01&to=2021-12-31')).json();
    expect(foreign.totals.people).toBe(0);
    expect((await firm.get('/api/v1/training-stats')).statusCode).toBe(403);
    expect((await expert.get('/api/v1/training-stats')).statusCode).toBe(403);
    expect((await t.anonymous.get('/api/v1/training-stats')).statusCode).toBe(401);
    const xlsx = await shaoxing.get('/api/v1/training-stats/export.xlsx?from=2021-01-01&to=2021-12-31');
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toContain('参训人次');
    expect(sheet.rowCount).toBe(1 + body.byDistrict.length + body.byIndustry.length + body.byMonth.length);
    expect((await firm.get('/api/v1/training-stats/export.xlsx')).statusCode).toBe(403);
  });
});
