// @postgresql-only: home summaries computed from records read through the use cases.
/**
 * "What to do next": the applicant's and the officer's home summaries on the business date, practice
 * self-assessments that never become applications, and who may read which summary.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from './helpers/app';
import { act, draftApplication, programmeId } from './helpers/applications';

let t: TestApp;
let applicant: Client;
let admin: Client;

const moveTo = (date: string) =>
  admin.request({ method: 'PUT', url: '/api/v1/system/business-date', payload: { date } });

beforeAll(async () => {
  t = await buildTestApp({ env: { BUSINESS_DATE: '2022-03-15', BUSINESS_DATE_ADJUSTABLE: '1' } });
  applicant = await t.login('applicant1');
  admin = await t.login('admin');
});
afterAll(async () => {
  await t?.close();
});

describe('the applicant home', () => {
  it('lists the programmes open to the unit with deadline and days left, its drafts and each next step', async () => {
    const empty = (await applicant.get('/api/v1/guidance/applicant')).json();
    expect(empty.today).toBe('2022-03-15');
    const putuo = empty.programmes.find((p: { code: string }) => p.code === 'putuo-2022');
    expect(putuo.window).toEqual({
      state: 'open',
      opens: '2022-03-01',
      closes: '2022-03-31',
      daysLeft: 17,
      daysUntilOpen: null,
    });
    expect(putuo.kinds.map((k: { id: string }) => k.id)).toContain('point');
    // A Putuo enterprise may not use Shijingshan's or Shaoxing's programmes.
    const codes = empty.programmes.map((p: { code: string }) => p.code);
    expect(codes).not.toContain('shijingshan-2023');
    expect(codes).not.toContain('shaoxing-2021');

    const assessment = (
      await applicant.post('/api/v1/self-assessments', {
        programmeId: await programmeId(applicant, 'putuo-2022'),
        kindId: 'point',
      })
    ).json();
    expect(assessment.practice).toBe(false);
    const draft = await draftApplication(applicant, 'putuo-2022', 'point');

    const home = (await applicant.get('/api/v1/guidance/applicant')).json();
    expect(home.selfAssessments.map((a: { id: string; practice: boolean }) => [a.id, a.practice])).toEqual([
      [assessment.id, false],
    ]);
    const mine = home.applications.find((a: { id: string }) => a.id === draft.id);
    expect(mine).toMatchObject({
      status: 'draft',
      waitingOn: 'applicant',
      nextStep: '等待本单位：提交申报',
      myActions: [{ action: 'submit', label: '提交申报' }],
    });

    await act(applicant, draft, 'submit');
    const after = (await applicant.get('/api/v1/guidance/applicant')).json();
    // Putuo has no district review: the programme's own bureau starts the acceptance.
    expect(after.applications.find((a: { id: string }) => a.id === draft.id)).toMatchObject({
      status: 'submitted',
      waitingOn: 'owner_officer',
      nextStep: '等待方案主管部门：退回补充材料、启动验收',
      myActions: [],
    });
  });
});

describe('practice self-assessments', () => {
  it('are what a closed programme allows, marked, and never turned into an application', async () => {
    const putuoId = await programmeId(applicant, 'putuo-2022');
    // Chosen as practice while the window is open: refused as an application with a Chinese reason.
    const chosen = (
      await applicant.post('/api/v1/self-assessments', { programmeId: putuoId, kindId: 'point', practice: true })
    ).json();
    expect(chosen.practice).toBe(true);
    const refused = await applicant.post('/api/v1/applications', { selfAssessmentId: chosen.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'validation_failed',
      message: '这是练习自评，不能转为申报；请在申报期内对该方案重新自评后申报',
      reason: 'practice_self_assessment',
    });

    expect((await moveTo('2022-04-05')).statusCode).toBe(200);
    try {
      const home = (await applicant.get('/api/v1/guidance/applicant')).json();
      expect(home.programmes.find((p: { code: string }) => p.code === 'putuo-2022').window).toMatchObject({
        state: 'closed',
        daysLeft: null,
      });
      // After the window closed a self-assessment is practice, whatever was asked.
      const late = await applicant.post('/api/v1/self-assessments', {
        programmeId: putuoId,
        kindId: 'point',
        practice: false,
      });
      expect(late.statusCode).toBe(201);
      expect(late.json().practice).toBe(true);
      const listed = (await applicant.get('/api/v1/self-assessments')).json().items;
      expect(listed.find((a: { id: string }) => a.id === late.json().id).practice).toBe(true);
      // Moved back into the window, the practice self-assessment still cannot become an application.
      expect((await moveTo('2022-03-20')).statusCode).toBe(200);
      const still = await applicant.post('/api/v1/applications', { selfAssessmentId: late.json().id });
      expect(still.json().reason).toBe('practice_self_assessment');
    } finally {
      await moveTo('2022-03-15');
    }
  });

  it('rejects a practice flag that is not a boolean', async () => {
    const res = await applicant.post('/api/v1/self-assessments', {
      programmeId: await programmeId(applicant, 'putuo-2022'),
      kindId: 'point',
      practice: 'yes',
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('the officer home', () => {
  it('shows the stage schedule, the to-do list and what is late on the business date', async () => {
    const putuo = await t.login('putuo');
    const home = (await putuo.get('/api/v1/guidance/officer')).json();
    const programme = home.programmes.find((p: { code: string }) => p.code === 'putuo-2022');
    expect(programme.stages.find((s: { id: string }) => s.id === 'apply')).toMatchObject({
      timing: 'current',
      closes: '2022-03-31',
    });
    expect(programme.stages.find((s: { id: string }) => s.id === 'evaluate').timing).toBe('upcoming');
    expect(home.todo.total).toBeGreaterThanOrEqual(1);
    expect(home.todo.items.every((a: { status: string }) => a.status === 'submitted')).toBe(true);
    expect(home.late).toEqual([]);

    expect((await moveTo('2022-04-20')).statusCode).toBe(200);
    try {
      const later = (await putuo.get('/api/v1/guidance/officer')).json();
      expect(later.late.length).toBeGreaterThanOrEqual(1);
      expect(later.late[0]).toMatchObject({
        status: 'submitted',
        onMe: true,
        waitingOn: 'owner_officer',
        daysLate: 10,
        reasons: [
          { reason: '“验收评定”阶段已于 2022-04-10 结束，尚待退回补充材料或启动验收', due: '2022-04-10', daysLate: 10 },
        ],
      });
      // Another district's bureau sees neither Putuo's programme nor its late applications.
      const other = (await (await t.login('shijingshan')).get('/api/v1/guidance/officer')).json();
      expect(other.programmes.map((p: { code: string }) => p.code)).not.toContain('putuo-2022');
      expect(other.late).toEqual([]);
      expect(other.todo.total).toBe(0);
      // The city above Putuo sees its district's programme.
      const city = (await (await t.login('shanghai')).get('/api/v1/guidance/officer')).json();
      expect(city.programmes.map((p: { code: string }) => p.code)).toContain('putuo-2022');
    } finally {
      await moveTo('2022-03-15');
    }
  });
});

describe('who reads which summary', () => {
  it('refuses the anonymous, and the wrong role', async () => {
    expect((await t.anonymous.get('/api/v1/guidance/applicant')).statusCode).toBe(401);
    expect((await t.anonymous.get('/api/v1/guidance/officer')).statusCode).toBe(401);
    expect((await applicant.get('/api/v1/guidance/officer')).statusCode).toBe(403);
    const officer = await t.login('putuo');
    const refused = await officer.get('/api/v1/guidance/applicant');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toBe('只有申报单位账号可以查看申报指引');
    expect((await (await t.login('expert1')).get('/api/v1/guidance/officer')).statusCode).toBe(403);
    expect((await admin.get('/api/v1/guidance/officer')).statusCode).toBe(200);
  });
});
