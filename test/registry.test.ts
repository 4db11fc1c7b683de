/**
 * Certification and the public registry: the decision checked against the programme (document number pattern,
 * dates), the certificate number issued by the platform, the registry searched and read without logging in, annual
 * reviews by the certifying bureau, revocation with the grounds of 002 art. 15 shown in the registry, and the 2-year
 * ban on the revoked unit's next application.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_UNITS } from '../src/server/demo/demo-units';
import { buildTestApp, type Client, type TestApp } from './helpers/app';
import { act, answerAll, newApplicantUnit, submittedApplication } from './helpers/applications';
import {
  markAcceptancePassed,
  readApplication,
  setBusinessDate,
  shaoxingApproved,
  shaoxingDecision,
} from './helpers/bases';

let t: TestApp;
let shaoxing: Client;
let keqiao: Client;
let applicant2: Client;
/** applicant2's approved application (锦程纺织) and another Keqiao firm's. */
let x: { id: string; version: number };
let y: { id: string; version: number };

const FIRST = '330600-2021-1-001';

beforeAll(async () => {
  t = await buildTestApp({ env: { BUSINESS_DATE: '2021-09-01' } });
  shaoxing = await t.login('shaoxing');
  keqiao = await t.login('keqiao');
  applicant2 = await t.login('applicant2');
  x = await shaoxingApproved(t, applicant2);
  y = await shaoxingApproved(t, (await newApplicantUnit(t, '330603', 'keqiao-firm-y')).client);
});
afterAll(async () => {
  await t.close();
});

const transition = (client: Client, app: { id: string; version: number }, body: Record<string, unknown>) =>
  client.post(`/api/v1/applications/${app.id}/transitions`, { version: app.version, ...body });

describe('certification', () => {
  it('requires a decision that fits the programme, then issues the certificate and lists the base', async () => {
    setBusinessDate(t, '2021-10-20');
    expect((await transition(keqiao, x, { action: 'certify', decision: shaoxingDecision(3) })).statusCode).toBe(403);

    const missing = await transition(shaoxing, x, { action: 'certify' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields[0].path).toBe('decision');
    const cases: [Record<string, unknown>, string, string][] = [
      [{ form: 'document', decidedOn: '2021-10-15' }, 'decision.number', '须填写文号'],
      [
        { ...shaoxingDecision(3, '2021-10-15'), number: '普市监公平〔2021〕3号' },
        'decision.number',
        '绍市监管竞争〔2021〕1号',
      ],
      [{ ...shaoxingDecision(3, '2021-10-15'), number: '绍市监管竞争〔2020〕3号' }, 'decision.number', '年份'],
      [shaoxingDecision(3, '2021-10-21'), 'decision.decidedOn', '不能晚于今天'],
      [shaoxingDecision(3, '2021-10-09'), 'decision.decidedOn', '公示期满'],
    ];
    for (const [decision, path, message] of cases) {
      const res = await transition(shaoxing, x, { action: 'certify', decision });
      expect(res.statusCode, JSON.stringify(decision)).toBe(400);
      expect(res.json().fields[0].path).toBe(path);
      expect(res.json().message).toContain(message);
    }

    // Brackets as typed on an ordinary keyboard are accepted and stored as the pattern spells them.
    const certified = await transition(shaoxing, x, {
      action: 'certify',
      decision: { ...shaoxingDecision(3, '2021-10-15'), number: '绍市监管竞争[2021]3号' },
    });
    expect(certified.statusCode, certified.body).toBe(200);
    expect(certified.json().status).toBe('certified');
    const other = await transition(shaoxing, y, {
      action: 'certify',
      decision: { ...shaoxingDecision(3, '2021-10-15'), plaqueText: '绍兴市商业秘密保护示范点' },
    });
    expect(other.statusCode, other.body).toBe(200);

    const detail = await t.anonymous.get(`/api/v1/registry/${FIRST}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({
      certificateNo: FIRST,
      unitName: '绍兴柯桥锦程纺织印染有限公司',
      title: '市级商业秘密保护示范点',
      category: 'point',
      level: 'municipal',
      jurisdictionCode: '330603',
      industryCode: '17',
      year: 2021,
      issuer: '绍兴市市场监督管理局',
      status: 'active',
      decision: { form: 'document', number: '绍市监管竞争〔2021〕3号', decidedOn: '2021-10-15' },
      plaqueText: '绍兴柯桥锦程纺织印染有限公司 市级商业秘密保护示范点',
      revocation: null,
      reviews: [],
    });
    const unit = DEMO_UNITS.find((u) => u.key === 'keqiao-textile')!;
    for (const secret of [unit.creditCode, ...unit.contacts.flatMap((c) => [c.name, c.mobile])])
      expect(detail.body).not.toContain(secret);
    const second = (await t.anonymous.get('/api/v1/registry/330600-2021-1-002')).json();
    expect(second.plaqueText).toBe('绍兴市商业秘密保护示范点');
    expect((await t.anonymous.get('/api/v1/registry/330600-2021-1-099')).statusCode).toBe(404);
  });

  it('a programme without publicity certifies after approval; a meeting decision needs no number', async () => {
    setBusinessDate(t, '2022-03-15');
    const applicant1 = await t.login('applicant1');
    const putuo = await t.login('putuo');
    const submitted = await submittedApplication(applicant1, 'putuo-2022', 'point');
    await markAcceptancePassed(t, submitted.id);
    setBusinessDate(t, '2022-04-25');
    const approved = await act(putuo, await readApplication(putuo, submitted.id), 'approve');
    const certified = await act(putuo, approved, 'certify', {
      decision: { form: 'meeting', decidedOn: '2022-04-25' },
    });
    expect(certified.status).toBe('certified');
    const base = (await t.anonymous.get('/api/v1/registry/310107-2022-1-001')).json();
    expect(base).toMatchObject({
      level: 'district',
      title: '区级商业秘密保护示范点',
      decision: { form: 'meeting', number: null },
    });
  });
});

describe('the public registry', () => {
  const search = async (query: string) => {
    const res = await t.anonymous.get(`/api/v1/registry${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: { certificateNo: string }[]; total: number };
  };

  it('is searched and filtered without logging in', async () => {
    expect((await search('')).total).toBe(3);
    expect((await search(`?q=${encodeURIComponent('锦程')}`)).items.map((i) => i.certificateNo)).toEqual([FIRST]);
    expect((await search(`?q=${encodeURIComponent('%')}`)).total).toBe(0);
    expect((await search('?level=municipal')).total).toBe(2);
    expect((await search('?level=district')).items[0]!.certificateNo).toBe('310107-2022-1-001');
    expect((await search('?category=point')).total).toBe(3);
    expect((await search('?category=zone')).total).toBe(0);
    // A jurisdiction includes everything below it.
    expect((await search('?jurisdictionCode=330600')).total).toBe(2);
    expect((await search('?jurisdictionCode=330603')).total).toBe(2);
    expect((await search('?jurisdictionCode=330602')).total).toBe(0);
    expect((await search('?jurisdictionCode=310000')).total).toBe(1);
    expect((await search('?industryCode=17')).items.map((i) => i.certificateNo)).toEqual([FIRST]);
    expect((await search('?year=2021')).total).toBe(2);
    expect((await search('?status=active')).total).toBe(3);
    const page = await search('?pageSize=1&page=2');
    expect(page).toMatchObject({ total: 3 });
    expect(page.items).toHaveLength(1);
    expect((await t.anonymous.get('/api/v1/registry?level=galactic')).statusCode).toBe(400);
    expect((await t.anonymous.get('/api/v1/registry?jurisdictionCode=33')).statusCode).toBe(400);
  });
});

describe('keeping bases', () => {
  it('the certifying bureau reviews a base once a year', async () => {
    setBusinessDate(t, '2022-03-01');
    const url = `/api/v1/registry/${FIRST}/reviews`;
    const review = {
      year: 2021,
      outcome: 'rectify',
      rectifyBy: '2022-06-30',
      findings: '年度培训记录不全，限期补齐。',
      judgments: [
        { id: 'm8', met: true },
        { id: 'm10', met: true },
      ],
    };
    expect((await t.anonymous.post(url, review)).statusCode).toBe(401);
    expect((await applicant2.post(url, review)).statusCode).toBe(403);
    expect((await keqiao.post(url, review)).statusCode).toBe(403);
    expect((await (await t.login('putuo')).post(url, review)).statusCode).toBe(403);
    expect((await shaoxing.post(url, { ...review, year: 2023 })).statusCode).toBe(400);
    expect((await shaoxing.post(url, { ...review, findings: '' })).statusCode).toBe(400);
    const done = await shaoxing.post(url, review);
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json().reviews).toMatchObject([{ year: 2021, outcome: 'rectify' }]);
    expect((await shaoxing.post(url, review)).statusCode).toBe(409);
    expect((await t.anonymous.get(`/api/v1/registry/${FIRST}`)).json().reviews).toHaveLength(1);
  });

  it('revocation with the grounds of 002 art. 15 shows in the registry and bars the unit for 2 years', async () => {
    setBusinessDate(t, '2022-06-15');
    x = await readApplication(shaoxing, x.id);
    const revocation = {
      ground: 'false_material',
      revokedOn: '2022-06-10',
      document: '绍市监管竞争〔2022〕20号',
      note: '经查，申报材料中的培训签到表系伪造。',
    };
    expect((await transition(keqiao, x, { action: 'revoke', revocation })).statusCode).toBe(403);
    const missing = await transition(shaoxing, x, { action: 'revoke' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields[0].path).toBe('revocation');
    const unknownGround = await transition(shaoxing, x, {
      action: 'revoke',
      revocation: { ...revocation, ground: 'x' },
    });
    expect(unknownGround.statusCode).toBe(400);
    const future = await transition(shaoxing, x, {
      action: 'revoke',
      revocation: { ...revocation, revokedOn: '2022-06-16' },
    });
    expect(future.statusCode).toBe(400);
    const beforeDecision = await transition(shaoxing, x, {
      action: 'revoke',
      revocation: { ...revocation, revokedOn: '2021-10-01' },
    });
    expect(beforeDecision.statusCode).toBe(400);
    const revoked = await transition(shaoxing, x, { action: 'revoke', revocation });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().status).toBe('revoked');

    const shown = (await t.anonymous.get(`/api/v1/registry/${FIRST}`)).json();
    expect(shown).toMatchObject({
      status: 'revoked',
      statusLabel: '已撤销认定',
      revokedOn: '2022-06-10',
      revocation: {
        revokedOn: '2022-06-10',
        ground: 'false_material',
        groundLabel: '伪造虚假申报材料的',
        document: '绍市监管竞争〔2022〕20号',
        note: null,
      },
    });
    expect((await shaoxing.get(`/api/v1/registry/${FIRST}`)).json().revocation.note).toBe(revocation.note);
    const revokedList = await t.anonymous.get('/api/v1/registry?status=revoked');
    expect(revokedList.json().items.map((i: { certificateNo: string }) => i.certificateNo)).toEqual([FIRST]);
    expect((await t.anonymous.get('/api/v1/registry?status=active')).json().total).toBe(2);
    const review = { year: 2022, outcome: 'pass', findings: '已撤销。' };
    expect((await shaoxing.post(`/api/v1/registry/${FIRST}/reviews`, review)).statusCode).toBe(409);
    const again = await transition(shaoxing, revoked.json(), { action: 'revoke', revocation });
    expect(again.statusCode).toBe(409);

    // The next programme version keeps its window open, so only the ban stands in the way.
    const yaml = readFileSync('programs/shaoxing-2021.yaml', 'utf8').replace(
      "closes: '2021-09-30'",
      "closes: '2024-12-31'",
    );
    const imported = await shaoxing.post('/api/v1/programs', { yaml });
    expect(imported.statusCode, imported.body).toBe(201);
    expect((await shaoxing.post(`/api/v1/programs/${imported.json().id}/publish`)).statusCode).toBe(200);
    const assessment = (
      await applicant2.post('/api/v1/self-assessments', { programmeId: imported.json().id, kindId: 'point' })
    ).json();
    const saved = await applicant2.patch(`/api/v1/self-assessments/${assessment.id}`, {
      version: assessment.version,
      answers: answerAll(assessment.rubric),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const banned = await applicant2.post('/api/v1/applications', { selfAssessmentId: assessment.id });
    expect(banned.statusCode).toBe(409);
    expect(banned.json().message).toContain('2022年6月10日');
    expect(banned.json().message).toContain('可于2024年6月11日起再次申报');

    setBusinessDate(t, '2024-06-10');
    expect((await applicant2.post('/api/v1/applications', { selfAssessmentId: assessment.id })).statusCode).toBe(409);
    setBusinessDate(t, '2024-06-11');
    const allowed = await applicant2.post('/api/v1/applications', { selfAssessmentId: assessment.id });
    expect(allowed.statusCode, allowed.body).toBe(201);
  });
});

describe('certificate numbers', () => {
  it('two certifications at the same moment get consecutive numbers, never the same', async () => {
    const first = await shaoxingApproved(t, (await newApplicantUnit(t, '330603', 'keqiao-firm-z1')).client);
    const second = await shaoxingApproved(t, (await newApplicantUnit(t, '330603', 'keqiao-firm-z2')).client);
    const decision = shaoxingDecision(5, '2021-10-11');
    const results = await Promise.all(
      [first, second].map((app) => transition(shaoxing, app, { action: 'certify', decision })),
    );
    for (const res of results) expect(res.statusCode, res.body).toBe(200);
    const numbers = (await t.anonymous.get('/api/v1/registry?year=2021&pageSize=10'))
      .json()
      .items.map((i: { certificateNo: string }) => i.certificateNo);
    expect(numbers.sort()).toEqual([FIRST, '330600-2021-1-002', '330600-2021-1-003', '330600-2021-1-004']);
  });
});

describe('OpenAPI', () => {
  it('documents the public and the officers’ routes', async () => {
    const paths = Object.keys((await t.anonymous.get('/api/v1/openapi.json')).json().paths);
    for (const path of [
      '/api/v1/publicity',
      '/api/v1/publicity/{id}/objections',
      '/api/v1/objections/{id}/resolution',
      '/api/v1/registry',
      '/api/v1/registry/{certificateNo}',
      '/api/v1/registry/{certificateNo}/reviews',
      '/api/v1/targets',
      '/api/v1/calendar/overrides/{date}',
      '/api/v1/calendar/working-days',
    ])
      expect(paths).toContain(path);
  });
});
