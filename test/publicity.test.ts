// @postgresql-only: publicity periods and objections through the use cases, no concurrency or raw SQL.
/**
 * Publicity (002 art. 11(5) 征求意见): the owning bureau publishes the list of applications that passed acceptance;
 * the period counts working days on the official calendar (here across the 2021 National Day holiday) with the
 * administrators' overrides; anyone objects without logging in while it is open; the bureau resolves objections;
 * approval waits for all of them to be resolved, for the period to end, and is refused when one was upheld.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/server/db/schema';
import { DEMO_UNITS } from '../src/server/demo/demo-units';
import { buildTestApp, type Client, type TestApp } from './helpers/app';
import { newApplicantUnit, programmeId, submittedApplication } from './helpers/applications';
import { markAcceptancePassed, publish, readApplication, setBusinessDate, shaoxingPassed } from './helpers/bases';

let t: TestApp;
let shaoxing: Client;
let keqiao: Client;
let applicant2: Client;
let admin: Client;
/** applicant2's application (its objection will not hold) and another Keqiao firm's (its objection will). */
let a: { id: string; version: number };
let b: { id: string; version: number };
/** A third Keqiao firm's application, only submitted at first. */
let c: { id: string; version: number };
let noticeId: string;
/** The receipt code of the objection on a. */
let receiptA: string;

const objection = (applicationId: string, extra: Record<string, unknown> = {}) => ({
  applicationId,
  name: '张先生',
  contact: '13805751234',
  reasons: '该企业曾因员工带走配方被侵权，未采取任何维权措施，不符合认定条件。',
  ...extra,
});

beforeAll(async () => {
  // 1 September 2021: Shaoxing's window (until 30 September 2021) is open.
  t = await buildTestApp({ env: { BUSINESS_DATE: '2021-09-01' } });
  shaoxing = await t.login('shaoxing');
  keqiao = await t.login('keqiao');
  applicant2 = await t.login('applicant2');
  admin = await t.login('admin');
  a = await shaoxingPassed(t, applicant2);
  b = await shaoxingPassed(t, (await newApplicantUnit(t, '330603', 'keqiao-firm-b')).client);
  c = await submittedApplication(
    (await newApplicantUnit(t, '330603', 'keqiao-firm-c')).client,
    'shaoxing-2021',
    'point',
  );
});
afterAll(async () => {
  await t.close();
});

describe('publishing a notice', () => {
  it('is for the owning bureau only, with applications that passed acceptance, never backdated', async () => {
    setBusinessDate(t, '2021-09-28');
    const body = {
      programmeId: await programmeId(shaoxing, 'shaoxing-2021'),
      title: '拟认定名单公示',
      startsOn: '2021-09-28',
      applicationIds: [a.id],
    };
    expect((await t.anonymous.post('/api/v1/publicity', body)).statusCode).toBe(401);
    expect((await applicant2.post('/api/v1/publicity', body)).statusCode).toBe(403);
    expect((await keqiao.post('/api/v1/publicity', body)).statusCode).toBe(403);

    const backdated = await shaoxing.post('/api/v1/publicity', { ...body, startsOn: '2021-09-27' });
    expect(backdated.statusCode).toBe(400);
    expect(backdated.json().fields[0].path).toBe('startsOn');
    const untitled = await shaoxing.post('/api/v1/publicity', { ...body, title: '' });
    expect(untitled.statusCode).toBe(400);
    expect(untitled.json().message).toContain('公示标题');

    const notPassed = await shaoxing.post('/api/v1/publicity', { ...body, applicationIds: [a.id, c.id] });
    expect(notPassed.statusCode).toBe(409);
    expect(notPassed.json().message).toContain('只有验收通过的申报可以公示');
    expect((await readApplication(shaoxing, a.id)).status).toBe('acceptance_passed');

    // The bare workflow action is refused: publicity starts with a published notice.
    const bare = await shaoxing.post(`/api/v1/applications/${a.id}/transitions`, {
      action: 'start_publicity',
      version: a.version,
    });
    expect(bare.statusCode).toBe(409);
    expect(bare.json().message).toContain('发布公示');

    // Putuo's programme (000) has no publicity stage.
    const putuo = await t.login('putuo');
    const none = await putuo.post('/api/v1/publicity', {
      ...body,
      programmeId: await programmeId(putuo, 'putuo-2022'),
    });
    expect(none.statusCode).toBe(409);
    expect(none.json().message).toContain('没有公示阶段');
  });

  it('moves the applications into publicity for 5 working days, counted across the National Day holiday', async () => {
    const notice = await publish(shaoxing, 'shaoxing-2021', [a.id, b.id], '2021-09-28');
    noticeId = notice.id;
    // 28, 29, 30 September; 1–7 October are the holiday; 8 October (Friday) and 9 October (the make-up Saturday).
    expect(notice).toMatchObject({ startsOn: '2021-09-28', endsOn: '2021-10-09', workingDays: 5, state: 'open' });
    expect(notice.entries).toHaveLength(2);
    const moved = await readApplication(shaoxing, a.id);
    expect(moved.status).toBe('in_publicity');
    expect(moved.history.at(-1)).toMatchObject({ action: 'start_publicity', toStatus: 'in_publicity' });
    expect(moved.history.at(-1).comment).toContain('2021年10月9日');
    a = moved;
    b = await readApplication(shaoxing, b.id);
  });

  it('is public: anyone reads the notices, with units, kinds and places but no contact data', async () => {
    const list = await t.anonymous.get('/api/v1/publicity');
    expect(list.statusCode, list.body).toBe(200);
    const notice = list.json().items.find((n: { id: string }) => n.id === noticeId);
    expect(notice.issuer).toBe('绍兴市市场监督管理局');
    const entry = notice.entries.find((e: { applicationId: string }) => e.applicationId === a.id);
    expect(entry).toEqual({
      applicationId: a.id,
      unitName: '绍兴柯桥锦程纺织印染有限公司',
      kindId: 'point',
      kindName: '市级商业秘密保护示范点',
      jurisdictionCode: '330603',
      jurisdictionName: '柯桥区',
    });
    const unit = DEMO_UNITS.find((u) => u.key === 'keqiao-textile')!;
    for (const secret of [
      unit.creditCode,
      unit.legalRepresentative,
      ...unit.contacts.flatMap((c) => [c.name, c.mobile]),
    ])
      expect(list.body).not.toContain(secret);
    expect((await t.anonymous.get(`/api/v1/publicity/${noticeId}`)).json().endsOn).toBe('2021-10-09');
  });
});

describe('objections', () => {
  it('anyone may object while the notice is open, giving a name and a way to be reached', async () => {
    const url = `/api/v1/publicity/${noticeId}/objections`;
    const nameless = await t.anonymous.post(url, {
      applicationId: a.id,
      reasons: '该企业不符合认定条件，理由详见举报材料。',
    });
    expect(nameless.statusCode).toBe(400);
    expect(
      nameless
        .json()
        .fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['contact', 'name']);
    const elsewhere = await t.anonymous.post(url, objection(c.id));
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().message).toContain('不在本公示名单中');

    const filed = await t.anonymous.post(url, objection(a.id));
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.body).not.toContain('13805751234');
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'objection.file'), eq(auditLog.entityId, filed.json().id)));
    expect(audit).toMatchObject({ actorId: null, entityType: 'objection' });
    expect(JSON.stringify(audit!.after)).not.toContain('13805751234');
    // The receipt: a short code to type, not the record's id; it shows the objection as received.
    receiptA = filed.json().receiptCode;
    expect(receiptA).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
    const receipt = await t.anonymous.get(`/api/v1/objection-receipts/${receiptA.slice(0, 5)}-${receiptA.slice(5)}`);
    expect(receipt.statusCode, receipt.body).toBe(200);
    expect(receipt.json()).toMatchObject({
      receiptCode: receiptA,
      unitName: '绍兴柯桥锦程纺织印染有限公司',
      progress: 'received',
      progressLabel: '已收到',
      resolution: null,
    });
    expect((await t.anonymous.post(url, objection(b.id, { name: '某竞争企业' }))).statusCode).toBe(201);
  });

  it('are read by the owning bureau only', async () => {
    expect((await t.anonymous.get(`/api/v1/objections?noticeId=${noticeId}`)).statusCode).toBe(401);
    expect((await applicant2.get(`/api/v1/objections?noticeId=${noticeId}`)).statusCode).toBe(403);
    expect((await keqiao.get(`/api/v1/objections?noticeId=${noticeId}`)).json().items).toEqual([]);
    const list = (await shaoxing.get(`/api/v1/objections?noticeId=${noticeId}&state=unresolved`)).json();
    expect(list.total).toBe(2);
    expect(list.items.find((o: { applicationId: string }) => o.applicationId === a.id)).toMatchObject({
      name: '张先生',
      contact: '13805751234',
      unitName: '绍兴柯桥锦程纺织印染有限公司',
      state: 'unresolved',
    });
  });

  it('block approval until resolved and the period is over; an upheld one blocks it for good', async () => {
    setBusinessDate(t, '2021-10-11');
    const early = await shaoxing.post(`/api/v1/applications/${a.id}/transitions`, {
      action: 'approve',
      version: a.version,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('未处理完毕');

    const list = (await shaoxing.get(`/api/v1/objections?noticeId=${noticeId}`)).json().items as {
      id: string;
      applicationId: string;
      version: number;
    }[];
    const onA = list.find((o) => o.applicationId === a.id)!;
    const onB = list.find((o) => o.applicationId === b.id)!;
    const resolution = { resolution: '经核查，该企业已就泄密事件报案并提起诉讼，异议不成立。', upheld: false };
    const url = `/api/v1/objections/${onA.id}/resolution`;
    expect((await applicant2.post(url, { ...resolution, version: onA.version })).statusCode).toBe(403);
    expect((await keqiao.post(url, { ...resolution, version: onA.version })).statusCode).toBe(404);
    expect((await shaoxing.post(url, { ...resolution, version: onA.version + 1 })).statusCode).toBe(409);
    expect((await shaoxing.post(url, { resolution: '', upheld: false, version: onA.version })).statusCode).toBe(400);
    const resolved = await shaoxing.post(url, { ...resolution, version: onA.version });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({ state: 'resolved', upheld: false, resolvedByName: '绍兴市市场监督管理局' });
    expect((await shaoxing.post(url, { ...resolution, version: resolved.json().version })).statusCode).toBe(409);
    const upheld = await shaoxing.post(`/api/v1/objections/${onB.id}/resolution`, {
      resolution: '经核查，该企业申报材料中的培训记录系补记，异议成立。',
      upheld: true,
      version: onB.version,
    });
    expect(upheld.statusCode, upheld.body).toBe(200);

    // On the last day of the period objections are still accepted, so approval waits for the day after.
    setBusinessDate(t, '2021-10-09');
    const during = await shaoxing.post(`/api/v1/applications/${a.id}/transitions`, {
      action: 'approve',
      version: a.version,
    });
    expect(during.statusCode).toBe(409);
    expect(during.json().message).toContain('公示期至2021年10月9日止');

    setBusinessDate(t, '2021-10-11');
    const late = await t.anonymous.post(`/api/v1/publicity/${noticeId}/objections`, objection(a.id));
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toContain('届满');
    const approved = await shaoxing.post(`/api/v1/applications/${a.id}/transitions`, {
      action: 'approve',
      version: a.version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().status).toBe('approved');
    const refused = await shaoxing.post(`/api/v1/applications/${b.id}/transitions`, {
      action: 'approve',
      version: b.version,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('异议经核查成立');
    // The bureau decides against it, with its reasons: the application ends and the unit may apply again.
    const rejected = await shaoxing.post(`/api/v1/applications/${b.id}/transitions`, {
      action: 'reject',
      version: b.version,
      comment: '公示期间异议经核查成立，不予认定。',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json().status).toBe('not_approved');
  });

  it('a receipt code shows its holder the decision, and nothing of the objector or of other objections', async () => {
    const receipt = await t.anonymous.get(`/api/v1/objection-receipts/${receiptA.toLowerCase()}`);
    expect(receipt.statusCode, receipt.body).toBe(200);
    expect(receipt.json()).toMatchObject({
      progress: 'decided',
      progressLabel: '已处理',
      upheld: false,
      resolution: '经核查，该企业已就泄密事件报案并提起诉讼，异议不成立。',
    });
    for (const secret of ['张先生', '13805751234', '维权措施', '某竞争企业'])
      expect(receipt.body).not.toContain(secret);
    const list = (await shaoxing.get(`/api/v1/objections?noticeId=${noticeId}`)).json().items as {
      id: string;
      receiptCode: string;
    }[];
    expect(list.map((o) => o.receiptCode)).toContain(receiptA);
    // Neither the internal id nor a made-up code finds anything.
    const onA = list.find((o) => o.receiptCode === receiptA)!;
    expect((await t.anonymous.get(`/api/v1/objection-receipts/${onA.id}`)).statusCode).toBe(404);
    const unknown = await t.anonymous.get('/api/v1/objection-receipts/ABCDE-FGHJK');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toContain('回执码');
  });
});

describe('the working-day calendar', () => {
  const workingDays = async () =>
    (await t.anonymous.get('/api/v1/calendar/working-days?start=2021-09-28&days=5')).json();

  it('an administrator’s day off moves the end of a period; removing it restores the official calendar', async () => {
    expect(await workingDays()).toEqual({
      start: '2021-09-28',
      days: 5,
      firstDay: '2021-09-28',
      end: '2021-10-09',
      uncoveredYears: [],
      warning: null,
    });
    const url = '/api/v1/calendar/overrides/2021-10-09';
    const dayOff = { workday: false, note: '本地另行安排休息' };
    expect((await t.anonymous.request({ method: 'PUT', url, payload: dayOff })).statusCode).toBe(401);
    expect((await shaoxing.request({ method: 'PUT', url, payload: dayOff })).statusCode).toBe(403);
    const bad = await admin.request({ method: 'PUT', url: '/api/v1/calendar/overrides/2021-02-30', payload: dayOff });
    expect(bad.statusCode).toBe(400);
    const set = await admin.request({ method: 'PUT', url, payload: dayOff });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ date: '2021-10-09', workday: false, note: '本地另行安排休息' });
    expect((await workingDays()).end).toBe('2021-10-11');
    expect((await shaoxing.get('/api/v1/calendar/overrides')).json().items).toHaveLength(1);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'calendar.update'));
    expect(audits.at(-1)).toMatchObject({ entityId: '2021-10-09', after: { workday: false } });

    // A notice published now ends on the later day; the one published before keeps its date.
    await markAcceptancePassed(t, c.id);
    setBusinessDate(t, '2021-09-28');
    const notice = await publish(shaoxing, 'shaoxing-2021', [c.id], '2021-09-28', '补充公示');
    expect(notice.endsOn).toBe('2021-10-11');
    expect((await t.anonymous.get(`/api/v1/publicity/${noticeId}`)).json().endsOn).toBe('2021-10-09');

    expect((await admin.request({ method: 'DELETE', url })).statusCode).toBe(204);
    expect((await workingDays()).end).toBe('2021-10-09');
    expect((await admin.request({ method: 'DELETE', url })).statusCode).toBe(404);
    const invalid = await t.anonymous.get('/api/v1/calendar/working-days?start=2021-09-28&days=0');
    expect(invalid.statusCode).toBe(400);
  });
});
