/**
 * Bureau assessment (issue 14, 评估考核): a scheme is imported as data, validated, published and then fixed; its
 * computed indicators give exactly the points hand-built data should earn; hand scoring stays within each
 * indicator's points; the ranking and the praise list; an assessed bureau sees only its own scorecard until the
 * results are published; re-running gives the same scores. Denials for every endpoint.
 */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessmentSchemes } from '../src/server/db/schema';
import { buildTestApp, type Client, type TestApp } from './helpers/app';
import { newApplicantUnit } from './helpers/applications';
import { setBusinessDate, shaoxingApproved, shaoxingDecision } from './helpers/bases';

const YAML = readFileSync('assessments/shaoxing-2021.yaml', 'utf8');

let t: TestApp;
let shaoxing: Client;
let keqiao: Client;
let yuecheng: Client;
let id: string;

beforeAll(async () => {
  t = await buildTestApp({ env: { BUSINESS_DATE: '2021-09-01' } });
  shaoxing = await t.login('shaoxing');
  keqiao = await t.login('keqiao');
  // Two Keqiao points certified in 2021 and three guidance visits there: the hand-built data.
  for (const [n, name] of [
    [3, 'assess-a'],
    [4, 'assess-b'],
  ] as const) {
    const unit = await newApplicantUnit(t, '330603', name);
    const approved = await shaoxingApproved(t, unit.client);
    const res = await shaoxing.post(`/api/v1/applications/${approved.id}/transitions`, {
      action: 'certify',
      version: approved.version,
      decision: shaoxingDecision(n),
    });
    expect(res.statusCode, res.body).toBe(200);
    if (n === 3) {
      const guideId = (await keqiao.get('/api/v1/auth/me')).json().user.id;
      expect((await keqiao.post(`/api/v1/units/${unit.unitId}/guides`, { guideId })).statusCode).toBe(200);
      for (const day of ['2021-10-12', '2021-11-03', '2021-12-01']) {
        const visit = await keqiao.post('/api/v1/ledger', {
          unitId: unit.unitId,
          kind: 'guidance_visit',
          occurredOn: day,
          title: '商业秘密保护业务指导',
          guideId,
        });
        expect(visit.statusCode, visit.body).toBe(201);
      }
    }
  }
  const admin = await t.login('admin');
  const user = await admin.post('/api/v1/users', {
    username: 'yuecheng-officer',
    displayName: '越城区市场监督管理局',
    password: 'officer-123456',
    role: 'officer',
    jurisdictionCode: '330602',
  });
  expect(user.statusCode, user.body).toBe(201);
  yuecheng = await t.login('yuecheng-officer', 'officer-123456');
  setBusinessDate(t, '2022-01-20');
});
afterAll(async () => {
  await t.close();
});

const put = (client: Client, url: string, payload: Record<string, unknown>) =>
  client.request({ method: 'PUT', url, payload });
const scheme = () => shaoxing.get(`/api/v1/assessments/${id}`);

describe('assessment schemes as data', () => {
  it('imports a valid scheme as a draft, lists every problem of a bad one, refuses others', async () => {
    const bad = await shaoxing.post('/api/v1/assessments', {
      yaml: YAML.replace('points: 40', 'points: -1').replace('metric: bases.certified', 'metric: bases.imagined'),
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['indicators[0].points', 'indicators[1].computed.metric']));
    expect((await shaoxing.post('/api/v1/assessments', { yaml: 'code: [' })).statusCode).toBe(400);
    expect((await keqiao.post('/api/v1/assessments', { yaml: YAML })).statusCode).toBe(403);
    expect((await (await t.login('applicant2')).post('/api/v1/assessments', { yaml: YAML })).statusCode).toBe(403);
    expect((await t.anonymous.post('/api/v1/assessments', { yaml: YAML })).statusCode).toBe(401);
    const created = await shaoxing.post('/api/v1/assessments', { yaml: YAML });
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
    expect((await shaoxing.post('/api/v1/assessments', { yaml: YAML })).statusCode).toBe(409);
    expect((await scheme()).json()).toMatchObject({ status: 'draft', statusLabel: '草稿', totalPoints: 100 });
    // A draft is the owner's: the assessed bureaus do not see it yet.
    expect((await keqiao.get(`/api/v1/assessments/${id}`)).statusCode).toBe(404);
    expect((await keqiao.get('/api/v1/assessments')).json().total).toBe(0);
    expect((await (await t.login('putuo')).get(`/api/v1/assessments/${id}`)).statusCode).toBe(404);
    expect((await (await t.login('applicant2')).get('/api/v1/assessments')).statusCode).toBe(403);
  });

  it('is fixed once published', async () => {
    const score = { jurisdictionCode: '330603', indicatorId: 'i4', points: 24, note: '有方案并落实。' };
    expect((await put(shaoxing, `/api/v1/assessments/${id}/scores`, score)).statusCode).toBe(409);
    const { version } = (await scheme()).json();
    expect((await keqiao.post(`/api/v1/assessments/${id}/publish`, { version })).statusCode).toBe(404);
    const results = await Promise.all([
      shaoxing.post(`/api/v1/assessments/${id}/publish`, { version }),
      shaoxing.post(`/api/v1/assessments/${id}/publish`, { version }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await scheme()).json().status).toBe('published');
    await expect(
      t.database.db
        .update(assessmentSchemes)
        .set({ title: '改过的标题', definition: { changed: true } as never })
        .where(eq(assessmentSchemes.id, id)),
    ).rejects.toThrow();
    expect((await scheme()).json().title).toBe('2021年度各区、县（市）商业秘密保护工作评估考核');
  });
});

describe('scorecards', () => {
  it('computes exactly the points the hand-built data earns, and hand scores stay within the points', async () => {
    const url = `/api/v1/assessments/${id}/scores`;
    const score = { jurisdictionCode: '330603', indicatorId: 'i4', points: 24, note: '有方案并落实。' };
    expect((await put(shaoxing, url, { ...score, points: 31 })).json().fields[0].path).toBe('points');
    expect((await put(shaoxing, url, { ...score, indicatorId: 'i1' })).json().fields[0].path).toBe('indicatorId');
    expect((await put(shaoxing, url, { ...score, jurisdictionCode: '310107' })).statusCode).toBe(400);
    expect((await put(shaoxing, url, { ...score, note: '' })).statusCode).toBe(400);
    expect((await put(keqiao, url, score)).statusCode).toBe(403);
    const scored = await put(shaoxing, url, score);
    expect(scored.statusCode, scored.body).toBe(200);
    expect((await put(shaoxing, url, score)).statusCode).toBe(409);
    expect((await put(shaoxing, url, { ...score, points: 26, version: 1 })).statusCode).toBe(200);
    expect((await put(shaoxing, url, { ...score, points: 25, version: 1 })).statusCode).toBe(409);

    const cards = (await shaoxing.get(`/api/v1/assessments/${id}/scorecards`)).json();
    const kq = cards.rows.find((r: { jurisdictionCode: string }) => r.jurisdictionCode === '330603');
    const points = Object.fromEntries(kq.indicators.map((i: { id: string; points: number }) => [i.id, i.points]));
    // 16 bases planned for Keqiao (1 provincial, 5 municipal, 10 district), 2 certified: 12.5 % of 40 points.
    expect(points).toEqual({ i1: 5, i2: 10, i3: 7.5, i4: 26 });
    expect(kq).toMatchObject({ total: 48.5, rank: 1, pending: 0, praised: false });
    const yc = cards.rows.find((r: { jurisdictionCode: string }) => r.jurisdictionCode === '330602');
    expect(yc).toMatchObject({ total: 0, rank: 2, pending: 1 });
    // Re-running on the same data gives the same scores.
    expect((await shaoxing.get(`/api/v1/assessments/${id}/scorecards`)).json().rows).toEqual(cards.rows);

    const card = (await shaoxing.get(`/api/v1/assessments/${id}/scorecards/330603`)).json().card;
    const byId = Object.fromEntries(card.indicators.map((i: { id: string }) => [i.id, i]));
    expect(byId.i2.records).toHaveLength(2);
    expect(byId.i3.records.map((r: { detail: string }) => r.detail)).toEqual([
      '2021-10-12 商业秘密保护业务指导',
      '2021-11-03 商业秘密保护业务指导',
      '2021-12-01 商业秘密保护业务指导',
    ]);
    expect(byId.i1.records.map((r: { detail: string }) => r.detail)).toContain('任务 5 家，已认定 2 家：进行中');
  });

  it('shows an assessed bureau its own scorecard only, and the ranking once the results are published', async () => {
    const own = (await keqiao.get(`/api/v1/assessments/${id}/scorecards`)).json();
    expect(own.rows.map((r: { jurisdictionCode: string }) => r.jurisdictionCode)).toEqual(['330603']);
    expect(own.rows[0].rank).toBeNull();
    expect((await keqiao.get(`/api/v1/assessments/${id}/scorecards/330602`)).statusCode).toBe(404);
    expect((await keqiao.get(`/api/v1/assessments/${id}/scorecards/330603`)).statusCode).toBe(200);
    expect((await yuecheng.get(`/api/v1/assessments/${id}/scorecards/330603`)).statusCode).toBe(404);
    expect((await keqiao.get('/api/v1/assessments')).json().total).toBe(1);

    const { version } = (await scheme()).json();
    expect((await keqiao.post(`/api/v1/assessments/${id}/publish-results`, { version })).statusCode).toBe(403);
    // Yuecheng's hand-scored indicator is unscored: refused, listing it, unless publishing anyway is asked for.
    const refused = await shaoxing.post(`/api/v1/assessments/${id}/publish-results`, { version });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'scores_pending' });
    expect(refused.json().message).toContain('越城区“制定本地商业秘密保护工作方案并组织实施”');
    expect(refused.json().message).not.toContain('柯桥区');
    expect((await scheme()).json().status).toBe('published');
    const forced = await shaoxing.post(`/api/v1/assessments/${id}/publish-results`, { version, allowPending: true });
    expect(forced.statusCode, forced.body).toBe(200);
    const all = (await keqiao.get(`/api/v1/assessments/${id}/scorecards`)).json();
    expect(all.rows.length).toBeGreaterThan(1);
    expect(all.rows[0]).toMatchObject({ jurisdictionCode: '330603', rank: 1 });
    expect((await yuecheng.get(`/api/v1/assessments/${id}/scorecards/330603`)).statusCode).toBe(200);
    const score = { jurisdictionCode: '330602', indicatorId: 'i4', points: 10, note: '补评。' };
    expect((await put(shaoxing, `/api/v1/assessments/${id}/scores`, score)).statusCode).toBe(409);
    expect((await t.anonymous.get(`/api/v1/assessments/${id}/scorecards`)).statusCode).toBe(401);
  });
});
