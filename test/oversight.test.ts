/**
 * Ongoing management of certified bases (issue 14, 动态管理): the annual review judges the programme's maintenance
 * conditions — from the platform's data where it can, by the officer where it cannot — and its outcome must agree;
 * rectification with a deadline, followed up once; revocation through the review reaches the registry, the plaque's
 * page and the 2-year ban; incentives recorded and reported. Denials for every endpoint.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from './helpers/app';
import { answerAll, newApplicantUnit, programmeId } from './helpers/applications';
import { setBusinessDate, shaoxingApproved, shaoxingDecision } from './helpers/bases';

let t: TestApp;
let shaoxing: Client;
let keqiao: Client;
let putuo: Client;
/** Two certified Keqiao points: A (to be rectified, then revoked) and B (to pass once its training is in the ledger). */
let a: { unitId: string; client: Client; cert: string };
let b: { unitId: string; client: Client; cert: string };
let programme: string;

const JUDGED = [
  { id: 'm8', met: true },
  { id: 'm10', met: true },
];

beforeAll(async () => {
  t = await buildTestApp({ env: { BUSINESS_DATE: '2021-09-01' } });
  shaoxing = await t.login('shaoxing');
  keqiao = await t.login('keqiao');
  putuo = await t.login('putuo');
  const certify = async (username: string, n: number) => {
    const unit = await newApplicantUnit(t, '330603', username);
    const approved = await shaoxingApproved(t, unit.client);
    const res = await shaoxing.post(`/api/v1/applications/${approved.id}/transitions`, {
      action: 'certify',
      version: approved.version,
      decision: shaoxingDecision(n),
    });
    expect(res.statusCode, res.body).toBe(200);
    return { ...unit, cert: res.json().base.certificateNo as string };
  };
  a = await certify('oversight-a', 3);
  b = await certify('oversight-b', 4);
  programme = await programmeId(shaoxing, 'shaoxing-2021');
});
afterAll(async () => {
  await t.close();
});

const reviewUrl = (cert: string) => `/api/v1/registry/${cert}/reviews`;
const checkUrl = (cert: string, year = 2021) => `/api/v1/registry/${cert}/review-check?year=${year}`;

describe('annual review', () => {
  it('judges the maintenance conditions from the data and leaves the rest to the officer', async () => {
    setBusinessDate(t, '2022-03-01');
    const res = await shaoxing.get(checkUrl(b.cert));
    expect(res.statusCode, res.body).toBe(200);
    const conditions = res.json().conditions as { id: string; status: string; computed: boolean; detail?: string }[];
    expect(conditions.map((c) => c.id)).toEqual(['m5', 'm8', 'm9', 'm10']);
    expect(conditions.find((c) => c.id === 'm5')).toMatchObject({ status: 'met', computed: true });
    expect(conditions.find((c) => c.id === 'm9')).toMatchObject({ status: 'not_met', computed: true });
    expect(conditions.find((c) => c.id === 'm9')!.detail).toContain('要求不少于 1 次');
    expect(conditions.find((c) => c.id === 'm8')).toMatchObject({ status: 'unknown', computed: false });
    expect(res.json().revocationGrounds).toContain('伪造虚假申报材料的');

    expect((await t.anonymous.get(checkUrl(b.cert))).statusCode).toBe(401);
    expect((await b.client.get(checkUrl(b.cert))).statusCode).toBe(403);
    expect((await keqiao.get(checkUrl(b.cert))).statusCode).toBe(403);
    expect((await putuo.get(checkUrl(b.cert))).statusCode).toBe(403);
    expect((await shaoxing.get(checkUrl('330600-2021-9-999'))).statusCode).toBe(404);
    expect((await shaoxing.get(`/api/v1/registry/${b.cert}/review-check?year=abc`)).statusCode).toBe(400);
  });

  it('refuses a pass the data contradicts, and passes once the training is in the ledger', async () => {
    const review = { year: 2021, outcome: 'pass', findings: '制度健全，台账完整。', judgments: JUDGED };
    for (const client of [t.anonymous, b.client, keqiao, putuo]) {
      expect([401, 403]).toContain((await client.post(reviewUrl(b.cert), review)).statusCode);
    }
    const contradicted = await shaoxing.post(reviewUrl(b.cert), review);
    expect(contradicted.statusCode).toBe(400);
    expect(contradicted.json().fields[0].path).toBe('outcome');
    expect(contradicted.json().message).toContain('每年组织全员商业秘密保护轮训不少于1次');
    const unjudged = await shaoxing.post(reviewUrl(b.cert), { ...review, judgments: [] });
    expect(unjudged.statusCode).toBe(400);
    expect(unjudged.json().fields[0].path).toBe('judgments');
    const stray = await shaoxing.post(reviewUrl(b.cert), {
      ...review,
      judgments: [...JUDGED, { id: 'm1', met: true }],
    });
    expect(stray.statusCode).toBe(400);
    expect((await shaoxing.post(reviewUrl(b.cert), { ...review, rectifyBy: '2022-05-01' })).statusCode).toBe(400);
    expect((await shaoxing.post(reviewUrl(b.cert), { ...review, outcome: 'maybe' })).statusCode).toBe(400);
    expect((await shaoxing.get(`/api/v1/registry/${b.cert}`)).json().reviews).toEqual([]);

    const training = await b.client.post('/api/v1/ledger', {
      unitId: b.unitId,
      kind: 'training',
      occurredOn: '2021-11-05',
      title: '全员商业秘密保护轮训',
    });
    expect(training.statusCode, training.body).toBe(201);
    const passed = await shaoxing.post(reviewUrl(b.cert), review);
    expect(passed.statusCode, passed.body).toBe(201);
    const [stored] = passed.json().reviews;
    expect(stored).toMatchObject({ year: 2021, outcome: 'pass', outcomeLabel: '通过' });
    expect(stored.detail.conditions.find((c: { id: string }) => c.id === 'm9')).toMatchObject({ status: 'met' });
    expect((await shaoxing.post(reviewUrl(b.cert), review)).statusCode).toBe(409);

    // The public sees the conclusion; the findings are the bureau's and the unit's.
    const publicView = (await t.anonymous.get(`/api/v1/registry/${b.cert}`)).json();
    expect(publicView.reviews).toMatchObject([{ year: 2021, outcome: 'pass', detail: null }]);
    expect((await b.client.get(`/api/v1/registry/${b.cert}`)).json().reviews[0].detail.findings).toBe(review.findings);
  });
});

describe('rectification', () => {
  it('sets a deadline, lists the base as rectifying and then overdue, and is judged once', async () => {
    setBusinessDate(t, '2022-03-01');
    const review = { year: 2021, outcome: 'rectify', findings: '年度工作方案未制定。', judgments: JUDGED };
    expect((await shaoxing.post(reviewUrl(a.cert), review)).json().fields[0].path).toBe('rectifyBy');
    expect((await shaoxing.post(reviewUrl(a.cert), { ...review, rectifyBy: '2022-03-01' })).statusCode).toBe(400);
    const done = await shaoxing.post(reviewUrl(a.cert), { ...review, rectifyBy: '2022-04-30' });
    expect(done.statusCode, done.body).toBe(201);
    const notices = (await a.client.get('/api/v1/notifications')).json().items as { title: string }[];
    expect(notices.map((n) => n.title)).toContain('2021年度复核：限期整改');

    const list = (client: Client, status: string) =>
      client.get(`/api/v1/base-reviews?programmeId=${programme}&year=2021&status=${status}`);
    const rectifying = (await list(shaoxing, 'rectifying')).json();
    expect(rectifying.items.map((i: { certificateNo: string }) => i.certificateNo)).toEqual([a.cert]);
    expect(rectifying.counts).toMatchObject({ rectifying: 1, overdue: 0, unreviewed: 0 });
    expect(rectifying.mayReview).toBe(true);
    setBusinessDate(t, '2022-05-10');
    const overdue = (await list(keqiao, 'overdue')).json();
    expect(overdue.mayReview).toBe(false);
    expect(overdue.items).toHaveLength(1);
    expect(overdue.items[0].review.daysLeft).toBe(-10);
    expect((await list(putuo, 'all')).statusCode).toBe(404);
    expect((await list(a.client, 'all')).statusCode).toBe(403);
    expect((await list(t.anonymous, 'all')).statusCode).toBe(401);
    expect((await list(shaoxing, 'sideways')).statusCode).toBe(400);

    const version = overdue.items[0].review.version;
    const url = `/api/v1/registry/${a.cert}/reviews/2021/rectification`;
    const body = {
      version,
      outcome: 'accepted',
      findings: '已制定年度工作方案并组织实施。',
      rectifiedOn: '2022-05-09',
    };
    expect((await keqiao.post(url, body)).statusCode).toBe(403);
    expect((await shaoxing.post(url, { ...body, rectifiedOn: '2022-05-11' })).statusCode).toBe(400);
    expect((await shaoxing.post(`/api/v1/registry/${b.cert}/reviews/2021/rectification`, body)).statusCode).toBe(409);
    const results = await Promise.all([shaoxing.post(url, body), shaoxing.post(url, body)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const after = (await list(shaoxing, 'all')).json();
    expect(after.counts).toMatchObject({ rectifying: 0, overdue: 0 });
    const row = after.items.find((i: { certificateNo: string }) => i.certificateNo === a.cert);
    expect(row.review).toMatchObject({ rectificationOutcome: 'accepted', rectificationOutcomeLabel: '整改到位' });

    const sheet = await shaoxing.get(`/api/v1/base-reviews/export.xlsx?programmeId=${programme}&year=2021`);
    expect(sheet.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    const values = workbook.worksheets[0]!.getRow(1).values as unknown[];
    expect(values).toContain('复核结论');
    expect(workbook.worksheets[0]!.rowCount).toBe(3);
  });
});

describe('revocation through the review', () => {
  it('removes the base from the active registry, shows it revoked and bars the unit for two years', async () => {
    setBusinessDate(t, '2023-02-01');
    const revocation = { ground: 'serious_violation', revokedOn: '2023-01-20', document: '绍市监管竞争〔2023〕2号' };
    const review = { year: 2022, outcome: 'revoke', findings: '发生重大安全生产事故。', judgments: JUDGED };
    expect((await shaoxing.post(reviewUrl(a.cert), review)).json().fields[0].path).toBe('revocation');
    const future = await shaoxing.post(reviewUrl(a.cert), {
      ...review,
      revocation: { ...revocation, revokedOn: '2023-02-02' },
    });
    expect(future.statusCode).toBe(400);
    // The refused revocation left no review behind: both are one transaction.
    expect((await shaoxing.get(`/api/v1/registry/${a.cert}`)).json().reviews).toHaveLength(1);

    const revoked = await shaoxing.post(reviewUrl(a.cert), { ...review, revocation });
    expect(revoked.statusCode, revoked.body).toBe(201);
    expect(revoked.json()).toMatchObject({
      status: 'revoked',
      revocation: { revokedOn: '2023-01-20', groundLabel: expect.stringContaining('严重违法违规') },
    });
    expect(revoked.json().reviews[0]).toMatchObject({ year: 2022, outcome: 'revoke', outcomeLabel: '撤销认定' });
    const active = (await t.anonymous.get('/api/v1/registry?status=active&pageSize=100')).json();
    expect(active.items.map((i: { certificateNo: string }) => i.certificateNo)).not.toContain(a.cert);
    expect((await t.anonymous.get(`/api/v1/registry/${a.cert}`)).json().statusLabel).toBe('已撤销认定');
    expect((await shaoxing.post(reviewUrl(a.cert), { ...review, year: 2023 })).statusCode).toBe(409);

    const yaml = readFileSync('programs/shaoxing-2021.yaml', 'utf8').replace(
      "closes: '2021-09-30'",
      "closes: '2026-12-31'",
    );
    const imported = await shaoxing.post('/api/v1/programs', { yaml });
    expect(imported.statusCode, imported.body).toBe(201);
    expect((await shaoxing.post(`/api/v1/programs/${imported.json().id}/publish`)).statusCode).toBe(200);
    const assessment = (
      await a.client.post('/api/v1/self-assessments', { programmeId: imported.json().id, kindId: 'point' })
    ).json();
    await a.client.patch(`/api/v1/self-assessments/${assessment.id}`, {
      version: assessment.version,
      answers: answerAll(assessment.rubric),
    });
    setBusinessDate(t, '2025-01-20');
    const banned = await a.client.post('/api/v1/applications', { selfAssessmentId: assessment.id });
    expect(banned.statusCode).toBe(409);
    expect(banned.json().message).toContain('可于2025年1月21日起再次申报');
    setBusinessDate(t, '2025-01-21');
    expect((await a.client.post('/api/v1/applications', { selfAssessmentId: assessment.id })).statusCode).toBe(201);
  });
});

describe('incentives', () => {
  it('the certifying bureau records them; bureaus over the base and the unit read them', async () => {
    setBusinessDate(t, '2022-06-01');
    const url = `/api/v1/registry/${b.cert}/incentives`;
    const grant = {
      kind: 'funding',
      measure: '纳入知识产权（商业秘密）经费分配因素及补助奖励范围',
      amountYuan: 50000,
      grantedOn: '2022-05-20',
      document: '绍市监管竞争〔2022〕9号',
    };
    expect((await t.anonymous.post(url, grant)).statusCode).toBe(401);
    expect((await keqiao.post(url, grant)).statusCode).toBe(403);
    expect((await b.client.post(url, grant)).statusCode).toBe(403);
    const noAmount = await shaoxing.post(url, { ...grant, amountYuan: undefined });
    expect(noAmount.json().fields[0].path).toBe('amountYuan');
    expect((await shaoxing.post(url, { ...grant, amountYuan: -1 })).statusCode).toBe(400);
    expect((await shaoxing.post(url, { ...grant, grantedOn: '2021-01-01' })).statusCode).toBe(400);
    expect((await shaoxing.post(url, grant)).statusCode).toBe(201);
    expect((await shaoxing.post(url, { kind: 'award', measure: '通报表扬', grantedOn: '2022-05-21' })).statusCode).toBe(
      201,
    );

    const list = async (client: Client, query = '') => (await client.get(`/api/v1/base-incentives${query}`)).json();
    expect(await list(keqiao)).toMatchObject({ total: 2, totalAmountYuan: 50000 });
    expect(await list(b.client)).toMatchObject({ total: 2 });
    expect(await list(a.client)).toMatchObject({ total: 0 });
    expect(await list(putuo)).toMatchObject({ total: 0 });
    expect(await list(shaoxing, '?kind=award')).toMatchObject({ total: 1 });
    expect(await list(shaoxing, '?year=2021')).toMatchObject({ total: 0 });
    expect((await t.anonymous.get('/api/v1/base-incentives')).statusCode).toBe(401);
    expect((await (await t.login('expert1')).get('/api/v1/base-incentives')).statusCode).toBe(403);

    const shown = (await t.anonymous.get(`/api/v1/registry/${b.cert}`)).json().incentives;
    expect(shown).toHaveLength(2);
    expect(shown.find((i: { kind: string }) => i.kind === 'funding').amountYuan).toBeNull();
    const sheet = await keqiao.get('/api/v1/base-incentives/export.xlsx');
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers['content-type']).toContain('spreadsheetml');
  });
});
