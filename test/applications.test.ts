/**
 * The application API from draft to district recommendation: creation from a self-assessment, editing, submission
 * with its guards (deadline, completeness, one live application, the 2-year ban — at creation and again at
 * submission), the district's scoring and the best-N quota (more in quota.test.ts), illegal actions (409 with the
 * caller's allowed ones), the race of two transitions, and who may see what.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, bases } from '../src/server/db/schema';
import { buildTestApp, type Client, type TestApp } from './helpers/app';
import {
  act,
  answerAll,
  draftApplication,
  newApplicantUnit,
  programmeId,
  submittedApplication,
} from './helpers/applications';
import { setBusinessDate } from './helpers/bases';

let t: TestApp;
let applicant1: Client;
let putuo: Client;

/** Turns an application into a base revoked on 1 April 2021 (set directly: the revocation path has its own tests). */
async function recordRevokedBase(
  old: { id: string; programmeId: string; kindId: string },
  unitId: string,
  certificateNo: string,
) {
  await t.database.db.update(applications).set({ status: 'revoked' }).where(eq(applications.id, old.id));
  await t.database.db.insert(bases).values({
    applicationId: old.id,
    unitId,
    programmeId: old.programmeId,
    kindId: old.kindId,
    title: '区级商业秘密保护示范点',
    category: 'point',
    level: 'district',
    jurisdictionCode: '310107',
    industryCode: '39',
    year: 2020,
    certificateNo,
    decisionForm: 'document',
    decidedOn: '2020-06-01',
    plaqueText: '测试',
    revokedOn: '2021-04-01',
    revocationGround: 'false_material',
    revocationDocument: '普市监公平〔2021〕1号',
  });
}

beforeAll(async () => {
  // 15 March 2022: Putuo's window (1–31 March 2022) and Shijingshan's (until 31 May 2023) are open.
  t = await buildTestApp({ env: { BUSINESS_DATE: '2022-03-15' } });
  applicant1 = await t.login('applicant1');
  putuo = await t.login('putuo');
});
afterAll(async () => {
  await t.close();
});

describe('applying', () => {
  it('creates a draft from a self-assessment, pre-filled from the unit profile, and submits it when complete', async () => {
    const created = await applicant1.post('/api/v1/self-assessments', {
      programmeId: await programmeId(applicant1, 'putuo-2022'),
      kindId: 'point',
    });
    const assessment = created.json();
    const draft = (await applicant1.post('/api/v1/applications', { selfAssessmentId: assessment.id })).json();
    expect(draft).toMatchObject({ status: 'draft', kindId: 'point', allowedActions: ['submit', 'withdraw'] });
    const nameField = draft.form.fields.find((f: { source?: string }) => f.source === 'unit.name');
    if (nameField) expect(draft.formData[nameField.key]).toBe(draft.unitName);

    // Incomplete: the form's required fields and the unanswered rubric items are listed.
    const early = await applicant1.post(`/api/v1/applications/${draft.id}/transitions`, {
      action: 'submit',
      version: draft.version,
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().fields.length).toBeGreaterThan(0);
    expect(early.json().message).toMatch(/申报表尚未填写完整/);

    // A malformed value is refused even in a draft, and nothing is stored.
    const postcode = draft.form.fields.find((f: { type: string }) => f.type === 'postcode');
    const bad = await applicant1.patch(`/api/v1/applications/${draft.id}`, {
      version: draft.version,
      formData: { [postcode.key]: '2003' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0]).toEqual({ path: `formData.${postcode.key}`, message: '邮政编码应为6位数字' });
    const after = (await applicant1.get(`/api/v1/applications/${draft.id}`)).json();
    expect(after.version).toBe(draft.version);
    const withdrawn = await act(applicant1, draft, 'withdraw');
    expect(withdrawn.status).toBe('withdrawn');
  });

  it("drafts the narrative from the self-assessment's notes, under their indicators", async () => {
    const { client } = await newApplicantUnit(t, '310107', 'narrator');
    const assessment = (
      await client.post('/api/v1/self-assessments', {
        programmeId: await programmeId(client, 'putuo-2022'),
        kindId: 'point',
      })
    ).json();
    const saved = await client.patch(`/api/v1/self-assessments/${assessment.id}`, {
      version: assessment.version,
      answers: { 'i4.2': { score: 7, note: '2022年1月印发《泄密应急处置办法》' }, 'i4.1': { score: 8 } },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const draft = (await client.post('/api/v1/applications', { selfAssessmentId: assessment.id })).json();
    const field = draft.form.fields.find((f: { label: string }) => f.label === '商业秘密保护工作开展情况');
    expect(draft.formData[field.key]).toBe(
      '一、制度建设\n建立泄密应急处置和奖惩等管理制度：2022年1月印发《泄密应急处置办法》',
    );
    expect(draft.narrative).toBe('');
  });

  it('one live application per unit, programme and kind; submission records history and notifies the bureau', async () => {
    const draft = await draftApplication(applicant1, 'putuo-2022', 'point');
    const second = await applicant1.post('/api/v1/applications', {
      selfAssessmentId: (await t.database.db.select().from(applications).where(eq(applications.id, draft.id)))[0]!
        .selfAssessmentId,
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toMatch(/不能重复申报/);

    const submitted = await act(applicant1, draft, 'submit');
    expect(submitted.status).toBe('submitted');
    expect(submitted.history.map((h: { action: string }) => h.action)).toEqual(['create', 'submit']);
    // Putuo's programme has no district review: the district bureau, as owner, starts acceptance next.
    const seen = (await putuo.get(`/api/v1/applications/${draft.id}`)).json();
    expect(seen.allowedActions).toContain('start_acceptance');
    // It is on the Putuo bureau's to-do list now, and off the applicant's.
    const todo = (await putuo.get('/api/v1/applications?todo=true')).json();
    expect(todo.items.map((a: { id: string }) => a.id)).toContain(draft.id);
    const applicantTodo = (await applicant1.get('/api/v1/applications?todo=true')).json();
    expect(applicantTodo.items.map((a: { id: string }) => a.id)).not.toContain(draft.id);
    const inbox = (await putuo.get('/api/v1/notifications')).json();
    expect(inbox.unread).toBeGreaterThan(0);
    expect(inbox.items[0]).toMatchObject({ link: `/applications/${draft.id}` });

    // Illegal for the state: 409 naming the current state and listing what this caller may do instead — the
    // message and `allowed` alike (start_acceptance is possible now, but not for the applicant).
    const illegal = await applicant1.post(`/api/v1/applications/${draft.id}/transitions`, {
      action: 'certify',
      version: submitted.version,
    });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().message).toBe('当前状态为“已提交”，不能“认定”。您可以进行的操作：撤回申报。');
    expect(illegal.json().allowed).toEqual(['withdraw']);
    const byOwner = await putuo.post(`/api/v1/applications/${draft.id}/transitions`, {
      action: 'certify',
      version: submitted.version,
    });
    expect(byOwner.json()).toMatchObject({
      message: '当前状态为“已提交”，不能“认定”。您可以进行的操作：退回补充材料、启动验收。',
      allowed: ['return', 'start_acceptance'],
    });
    // Legal for the state but not for this actor: 403.
    const notMine = await applicant1.post(`/api/v1/applications/${draft.id}/transitions`, {
      action: 'start_acceptance',
      version: submitted.version,
    });
    expect(notMine.statusCode).toBe(403);
    // A stale version: 409.
    const stale = await putuo.post(`/api/v1/applications/${draft.id}/transitions`, {
      action: 'start_acceptance',
      version: draft.version,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('of two racing transitions on the same application one wins and the other gets 409', async () => {
    const { client } = await newApplicantUnit(t, '310107', 'racer');
    const draft = await draftApplication(client, 'putuo-2022', 'point');
    const submitted = await act(client, draft, 'submit');
    const [a, b] = await Promise.all([
      client.post(`/api/v1/applications/${draft.id}/transitions`, { action: 'withdraw', version: submitted.version }),
      putuo.post(`/api/v1/applications/${draft.id}/transitions`, {
        action: 'start_acceptance',
        version: submitted.version,
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const after = (await client.get(`/api/v1/applications/${draft.id}`)).json();
    expect(after.history).toHaveLength(3);
  });

  it('an illegal action by a caller with nothing to do in that state says so', async () => {
    const { client } = await newApplicantUnit(t, '310107', 'idle-draft');
    const draft = await draftApplication(client, 'putuo-2022', 'point');
    const admin = await t.login('admin');
    const res = await admin.post(`/api/v1/applications/${draft.id}/transitions`, {
      action: 'certify',
      version: draft.version,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      message: '当前状态为“草稿”，不能“认定”。当前状态下您没有可以进行的操作。',
      allowed: [],
      reason: 'illegal_transition',
    });
  });

  it('refuses a unit whose base was revoked within two years, saying from when it may apply', async () => {
    const { client, unitId } = await newApplicantUnit(t, '310107', 'revoked-unit');
    const old = await draftApplication(client, 'putuo-2022', 'point');
    await recordRevokedBase(old, unitId, 'TEST-2020-001');
    const created = await client.post('/api/v1/self-assessments', {
      programmeId: old.programmeId,
      kindId: 'point',
    });
    const refused = await client.post('/api/v1/applications', { selfAssessmentId: created.json().id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe(
      '本单位于2021年4月1日被撤销示范基地称号，2年内不得再次申报，可于2023年4月2日起再次申报',
    );
  });

  it('checks the ban again at submission: a revocation recorded after the draft was created', async () => {
    const { client, unitId } = await newApplicantUnit(t, '310107', 'revoked-later');
    const old = await act(client, await draftApplication(client, 'putuo-2022', 'point'), 'withdraw');
    const draft = await draftApplication(client, 'putuo-2022', 'point');
    // The unit's earlier base, revoked on 1 April 2021, is entered in the registry only after the draft was made
    // (the earlier, withdrawn draft stands in for the application that base came from).
    await recordRevokedBase(old, unitId, 'TEST-2020-002');
    const refused = await client.post(`/api/v1/applications/${draft.id}/transitions`, {
      action: 'submit',
      version: draft.version,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      message: '本单位于2021年4月1日被撤销示范基地称号，2年内不得再次申报，可于2023年4月2日起再次申报',
      reason: 'reapply_banned',
    });
    expect((await client.get(`/api/v1/applications/${draft.id}`)).json()).toMatchObject({ status: 'draft' });
  });

  it('checks the deadline again at submission: a draft made in the window cannot be submitted after it', async () => {
    const { client } = await newApplicantUnit(t, '310107', 'late-submitter');
    const draft = await draftApplication(client, 'putuo-2022', 'point');
    setBusinessDate(t, '2022-04-01');
    try {
      const refused = await client.post(`/api/v1/applications/${draft.id}/transitions`, {
        action: 'submit',
        version: draft.version,
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ message: '申报已于2022年3月31日截止', reason: 'window_closed' });
    } finally {
      setBusinessDate(t, '2022-03-15');
    }
    // Back inside the window, the same draft goes through.
    expect((await act(client, draft, 'submit')).status).toBe('submitted');
  });

  it('checks the self-assessment at submission: an item unanswered in the draft blocks it', async () => {
    const { client } = await newApplicantUnit(t, '310107', 'half-assessed');
    const draft = await draftApplication(client, 'putuo-2022', 'point');
    const [first] = draft.rubric.indicators.flatMap((i: { items: { id: string }[] }) => i.items);
    const answers = { ...draft.answers };
    delete answers[first.id];
    const edited = await client.patch(`/api/v1/applications/${draft.id}`, { version: draft.version, answers });
    expect(edited.statusCode, edited.body).toBe(200);
    const refused = await client.post(`/api/v1/applications/${draft.id}/transitions`, {
      action: 'submit',
      version: edited.json().version,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().reason).toBe('self_assessment_incomplete');
    expect(refused.json().message).toMatch(/^自评尚未完成：还有 1 项未作答（“/);
    expect(refused.json().fields).toEqual([{ path: first.id, message: refused.json().message }]);
  });

  it('refuses applications after the deadline', async () => {
    const late = await buildTestApp({ env: { BUSINESS_DATE: '2022-04-01' } });
    try {
      const client = await late.login('applicant1');
      const created = await client.post('/api/v1/self-assessments', {
        programmeId: await programmeId(client, 'putuo-2022'),
        kindId: 'point',
      });
      const refused = await client.post('/api/v1/applications', { selfAssessmentId: created.json().id });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().message).toBe('申报已于2022年3月31日截止');
    } finally {
      await late.close();
    }
  });
});

describe('district review and the quota (Shijingshan 2023: the best 3 points)', () => {
  it('scores, ranks and recommends only the best three', async () => {
    const shijingshan = await t.login('shijingshan');
    const submitted = [];
    // Five enterprises with self-assessments of decreasing quality.
    for (const [i, share] of [0.9, 0.8, 0.7, 0.6, 0.5].entries()) {
      const { client } = await newApplicantUnit(t, '110107', `sjs-firm-${i}`);
      submitted.push({ client, app: await submittedApplication(client, 'shijingshan-2023', 'point', share), share });
    }
    const first = submitted[0]!.app;
    // Recommending before scoring is refused: 004 scores against annexes 4–5 first.
    const unscored = await shijingshan.post(`/api/v1/applications/${first.id}/transitions`, {
      action: 'recommend',
      version: first.version,
    });
    expect(unscored.statusCode).toBe(409);
    expect(unscored.json().message).toMatch(/请先按评价标准完成审核评分/);

    const scored = [];
    for (const { app, share } of submitted) {
      const res = await shijingshan.request({
        method: 'PUT',
        url: `/api/v1/applications/${app.id}/district-review`,
        payload: { version: app.version, answers: answerAll(app.rubric, share), opinion: '材料齐全' },
      });
      expect(res.statusCode, res.body).toBe(200);
      scored.push(res.json());
    }
    const ranking = scored.at(-1).ranking;
    expect(ranking.quota).toBe(3);
    expect(ranking.candidates.map((c: { id: string }) => c.id)).toEqual(scored.map((s) => s.id));
    expect(ranking.candidates.map((c: { withinQuota: boolean }) => c.withinQuota)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);

    // The fourth may not jump the queue.
    const fourth = scored[3];
    const jump = await shijingshan.post(`/api/v1/applications/${fourth.id}/transitions`, {
      action: 'recommend',
      version: fourth.version,
    });
    expect(jump.statusCode).toBe(409);
    expect(jump.json().message).toMatch(/排名第 4 位，推荐名额为 3 个/);
    for (const app of scored.slice(0, 3))
      expect((await act(shijingshan, app, 'recommend')).status).toBe('district_recommended');
    // Quota used up, whatever the rank now.
    const full = await shijingshan.post(`/api/v1/applications/${fourth.id}/transitions`, {
      action: 'recommend',
      version: fourth.version,
    });
    expect(full.statusCode).toBe(409);
    expect(full.json().message).toMatch(/已达推荐名额（3 个）/);
    // Not recommending needs an opinion.
    const silent = await shijingshan.post(`/api/v1/applications/${fourth.id}/transitions`, {
      action: 'not_recommend',
      version: fourth.version,
    });
    expect(silent.statusCode).toBe(400);
    expect((await act(shijingshan, fourth, 'not_recommend', { comment: '评分排名未进入前三' })).status).toBe(
      'district_not_recommended',
    );
  });

  it('returns for more material with a reason; the applicant edits and resubmits', async () => {
    const shijingshan = await t.login('shijingshan');
    const { client } = await newApplicantUnit(t, '110107', 'sjs-returned');
    const app = await submittedApplication(client, 'shijingshan-2023', 'point');
    const returned = await act(shijingshan, app, 'return', { comment: '请补充近一年培训记录' });
    expect(returned.status).toBe('returned');
    const mine = (await client.get(`/api/v1/applications/${app.id}`)).json();
    expect(mine.returnReason).toBe('请补充近一年培训记录');
    const edited = await client.patch(`/api/v1/applications/${app.id}`, {
      version: mine.version,
      narrative: `${mine.narrative}（已补充培训记录）`,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await act(client, edited.json(), 'resubmit')).status).toBe('submitted');
  });
});

describe('who sees what', () => {
  it('applicants see their unit only, officers their jurisdiction without drafts, experts nothing unassigned', async () => {
    const draft = await draftApplication(applicant1, 'putuo-2022', 'station').catch(() => null);
    const list = (await applicant1.get('/api/v1/applications')).json();
    expect(list.items.every((a: { unitName: string }) => a.unitName === list.items[0].unitName)).toBe(true);

    const mineId = list.items.find((a: { status: string }) => a.status === 'submitted')?.id;
    const applicant2 = await t.login('applicant2');
    expect((await applicant2.get(`/api/v1/applications/${mineId}`)).statusCode).toBe(404);
    const keqiao = await t.login('keqiao');
    expect((await keqiao.get(`/api/v1/applications/${mineId}`)).statusCode).toBe(404);
    expect((await keqiao.get('/api/v1/applications')).json().total).toBe(0);
    const expert = await t.login('expert1');
    expect((await expert.get('/api/v1/applications')).json().total).toBe(0);
    expect((await expert.get(`/api/v1/applications/${mineId}`)).statusCode).toBe(404);
    if (draft) expect((await putuo.get(`/api/v1/applications/${draft.id}`)).statusCode).toBe(404);
    const putuoList = (await putuo.get('/api/v1/applications')).json();
    expect(putuoList.items.some((a: { status: string }) => a.status === 'draft')).toBe(false);
    expect((await t.anonymous.get('/api/v1/applications')).statusCode).toBe(401);
  });

  it('refuses bad input with a Chinese message, never a 500', async () => {
    const res = await applicant1.post('/api/v1/applications', { selfAssessmentId: 'nope' });
    expect(res.statusCode).toBe(400);
    const action = await applicant1.post('/api/v1/applications/00000000-0000-4000-8000-000000000000/transitions', {
      action: 'fly',
      version: 1,
    });
    expect(action.statusCode).toBe(400);
    const missing = await applicant1.post('/api/v1/applications/00000000-0000-4000-8000-000000000000/transitions', {
      action: 'submit',
      version: 1,
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe('the business date', () => {
  it('is read by anyone logged in and moved only by an admin of a demonstration deployment', async () => {
    expect((await applicant1.get('/api/v1/system/business-date')).json()).toEqual({
      date: '2022-03-15',
      adjustable: false,
    });
    const admin = await t.login('admin');
    const fixed = await admin.request({
      method: 'PUT',
      url: '/api/v1/system/business-date',
      payload: { date: '2022-04-01' },
    });
    expect(fixed.statusCode).toBe(403);

    const demo = await buildTestApp({ env: { BUSINESS_DATE: '2022-03-15', BUSINESS_DATE_ADJUSTABLE: 'true' } });
    try {
      const put = (client: Client, date: string) =>
        client.request({ method: 'PUT', url: '/api/v1/system/business-date', payload: { date } });
      expect((await put(await demo.login('putuo'), '2022-04-01')).statusCode).toBe(403);
      expect((await put(await demo.login('admin'), '2022-02-30')).statusCode).toBe(400);
      const moved = await put(await demo.login('admin'), '2022-04-01');
      expect(moved.json()).toEqual({ date: '2022-04-01', adjustable: true });
      // The rules follow: Putuo's window (until 31 March 2022) is now closed.
      const client = await demo.login('applicant1');
      const created = await client.post('/api/v1/self-assessments', {
        programmeId: await programmeId(client, 'putuo-2022'),
        kindId: 'point',
      });
      const refused = await client.post('/api/v1/applications', { selfAssessmentId: created.json().id });
      expect(refused.json().message).toBe('申报已于2022年3月31日截止');
    } finally {
      await demo.close();
    }
  });
});
