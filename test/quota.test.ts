/**
 * The district's recommendation quota (004 Shijingshan: the best 3 points and 1 zone): counted per programme,
 * district and kind, serialised so that two recommendations at the same moment never go beyond it, and still used
 * once a recommended application moves on to the city's acceptance — or fails it.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from './helpers/app';
import { act, answerAll, newApplicantUnit, submittedApplication } from './helpers/applications';

let t: TestApp;
let shijingshan: Client;

beforeAll(async () => {
  // 1 September 2021: inside Shaoxing's window (until 30 September 2021) and Shijingshan's (until 31 May 2023).
  t = await buildTestApp({ env: { BUSINESS_DATE: '2021-09-01' } });
  shijingshan = await t.login('shijingshan');
});
afterAll(async () => {
  await t.close();
});

const recommend = (officer: Client, app: { id: string; version: number }) =>
  officer.post(`/api/v1/applications/${app.id}/transitions`, { action: 'recommend', version: app.version });

/** A submitted Shijingshan application of a new unit, scored by the district at `share` of the points. */
async function scoredShijingshan(username: string, kindId: 'point' | 'zone', share: number) {
  const { client } = await newApplicantUnit(t, '110107', username, kindId === 'zone' ? { kind: 'park' } : {});
  const app = await submittedApplication(client, 'shijingshan-2023', kindId, share);
  const res = await shijingshan.request({
    method: 'PUT',
    url: `/api/v1/applications/${app.id}/district-review`,
    payload: { version: app.version, answers: answerAll(app.rubric, share), opinion: '材料齐全' },
  });
  expect(res.statusCode, res.body).toBe(200);
  return { client, app: res.json() };
}

describe('Shijingshan 2023: 1 zone, 3 points', () => {
  it('recommends one zone only: a second is refused, saying the quota is used', async () => {
    const first = await scoredShijingshan('sjs-park-a', 'zone', 0.9);
    const second = await scoredShijingshan('sjs-park-b', 'zone', 0.8);
    expect((await act(shijingshan, first.app, 'recommend')).status).toBe('district_recommended');
    const refused = await recommend(shijingshan, second.app);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'invalid_transition',
      message: '本辖区已推荐示范区 1 个，已达推荐名额（1 个），不能再推荐',
      reason: 'quota_full',
    });
    expect((await shijingshan.get(`/api/v1/applications/${second.app.id}`)).json()).toMatchObject({
      status: 'submitted',
      ranking: { quota: 1, recommended: 1 },
    });
  });

  it('of two recommendations at the same moment for the last point slot, exactly one succeeds', async () => {
    // Two weaker points are recommended first; two stronger ones arrive later and rank above them, so both are
    // within the best three — and one slot is left.
    for (const [name, share] of [
      ['sjs-early-a', 0.6],
      ['sjs-early-b', 0.5],
    ] as const) {
      const { app } = await scoredShijingshan(name, 'point', share);
      await act(shijingshan, app, 'recommend');
    }
    const c = (await scoredShijingshan('sjs-late-c', 'point', 0.9)).app;
    const d = (await scoredShijingshan('sjs-late-d', 'point', 0.8)).app;
    const ranking = (await shijingshan.get(`/api/v1/applications/${d.id}`)).json().ranking;
    expect(ranking).toMatchObject({ quota: 3, recommended: 2 });
    expect(
      ranking.candidates.slice(0, 2).map((r: { id: string; withinQuota: boolean }) => [r.id, r.withinQuota]),
    ).toEqual([
      [c.id, true],
      [d.id, true],
    ]);

    const results = await Promise.all([recommend(shijingshan, c), recommend(shijingshan, d)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.statusCode === 409)!;
    expect(loser.json()).toMatchObject({
      message: '本辖区已推荐示范点 3 个，已达推荐名额（3 个），不能再推荐',
      reason: 'quota_full',
    });
    const after = (await shijingshan.get(`/api/v1/applications/${c.id}`)).json().ranking;
    expect(after.recommended).toBe(3);
    expect(
      after.candidates
        .filter((r: { status: string }) => r.status === 'district_recommended')
        .map((r: { id: string }) => r.id),
    ).toHaveLength(3);
  });
});

describe('a quota in a programme that goes on to acceptance', () => {
  // 004 ends at the district's recommendation, so a slot can only be seen surviving the city's stages in a
  // programme that has them: Shaoxing 2021 (county review → city acceptance → publicity → certification) imported
  // under its own code with a county quota of 2 points.
  const yaml = readFileSync('programs/shaoxing-2021.yaml', 'utf8')
    .replace(/^code: shaoxing-2021$/m, 'code: shaoxing-2021-quota')
    .replace(/^title: (.*)$/m, 'title: $1（推荐名额测试）')
    .replace(/^( {4}opinion: 县市场监管局推荐意见)$/m, '    quota:\n      - { kind: point, count: 2 }\n$1');

  it('keeps a slot used under acceptance and after failing it; a withdrawal frees it', async () => {
    expect(yaml).toContain('{ kind: point, count: 2 }');
    const shaoxing = await t.login('shaoxing');
    const keqiao = await t.login('keqiao');
    const imported = await shaoxing.post('/api/v1/programs', { yaml });
    expect(imported.statusCode, imported.body).toBe(201);
    expect((await shaoxing.post(`/api/v1/programs/${imported.json().id}/publish`)).statusCode).toBe(200);

    const submit = async (username: string) =>
      await submittedApplication(
        (await newApplicantUnit(t, '330603', username)).client,
        'shaoxing-2021-quota',
        'point',
      );

    // The first is recommended, goes to acceptance and fails it; the second is recommended and under acceptance.
    const failedOne = await submit('kq-quota-1');
    let app = await act(keqiao, failedOne, 'recommend', { comment: '同意推荐。' });
    app = await act(shaoxing, app, 'start_acceptance');
    expect((await act(shaoxing, app, 'fail', { comment: '现场核查不符合条件。' })).status).toBe('acceptance_failed');
    const withdrawing = await submit('kq-quota-2');
    app = await act(keqiao, withdrawing, 'recommend', { comment: '同意推荐。' });
    const underAcceptance = await act(shaoxing, app, 'start_acceptance');
    expect(underAcceptance.status).toBe('under_acceptance');

    // Neither is "district_recommended" any more, yet both hold their slot.
    const third = await submit('kq-quota-3');
    const full = await recommend(keqiao, third);
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({
      message: '本辖区已推荐示范点 2 个，已达推荐名额（2 个），不能再推荐',
      reason: 'quota_full',
    });

    // The applicant under acceptance withdraws: its slot is free again, the failed one's is not.
    expect((await act(await t.login('kq-quota-2', 'applicant-123'), underAcceptance, 'withdraw')).status).toBe(
      'withdrawn',
    );
    expect((await act(keqiao, third, 'recommend', { comment: '同意推荐。' })).status).toBe('district_recommended');
    const fourth = await submit('kq-quota-4');
    expect((await recommend(keqiao, fourth)).json()).toMatchObject({ reason: 'quota_full' });
  });
});

describe('across programme versions', () => {
  it('a newer version of the programme shares the quota of the older one', async () => {
    // The first test recommended a zone under version 1; the programme is then republished as version 2.
    const admin = await t.login('admin');
    const v1 = (await admin.get('/api/v1/programs?code=shijingshan-2023&status=published')).json().items[0];
    const clone = (await admin.post(`/api/v1/programs/${v1.id}/clone`)).json();
    expect((await admin.post(`/api/v1/programs/${clone.id}/publish`)).statusCode).toBe(200);
    const late = await scoredShijingshan('sjs-park-v2', 'zone', 1);
    expect(late.app.programmeId).toBe(clone.id);
    const refused = await recommend(shijingshan, late.app);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json()).toMatchObject({ reason: 'quota_full' });
  });
});
