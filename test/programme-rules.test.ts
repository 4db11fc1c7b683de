// @postgresql-only: lifecycle rules of a programme, enforced in code through the use cases.
/**
 * Rules a programme states, enforced in the lifecycle: returning for more material without a district review
 * (000 Putuo), a stage's published dates — a warning answered and recorded when they are not enforced, a refusal
 * when they are (004 Shijingshan: recommended by mid-August).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from './helpers/app';
import { act, newApplicantUnit, submittedApplication } from './helpers/applications';
import { setBusinessDate } from './helpers/bases';

let t: TestApp;
let putuo: Client;
let applicant: Client;

beforeAll(async () => {
  t = await buildTestApp({ env: { BUSINESS_DATE: '2022-03-15' } });
  putuo = await t.login('putuo');
  applicant = await t.login('applicant1');
});
afterAll(async () => {
  await t.close();
});

async function auditOf(officer: Client, id: string) {
  const res = await officer.get(`/api/v1/audit?entityId=${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { action: string; after: Record<string, unknown> }[];
}

describe('returning for more material without a district review (000 Putuo)', () => {
  it('the owning bureau returns a submitted application with a reason; the applicant resubmits', async () => {
    const submitted = await submittedApplication(applicant, 'putuo-2022', 'point');
    expect(submitted.allowedActions).toEqual(['withdraw']);
    const seen = (await putuo.get(`/api/v1/applications/${submitted.id}`)).json();
    expect(seen.allowedActions).toEqual(['return', 'start_acceptance']);

    const noReason = await putuo.post(`/api/v1/applications/${submitted.id}/transitions`, {
      action: 'return',
      version: submitted.version,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields[0]).toEqual({ path: 'comment', message: '请填写退回原因（需补充的材料）' });
    // Another bureau does not see it; the applicant cannot return its own application.
    const other = await (await t.login('shaoxing')).post(`/api/v1/applications/${submitted.id}/transitions`, {
      action: 'return',
      version: submitted.version,
      comment: '请补充',
    });
    expect(other.statusCode).toBe(404);
    const byApplicant = await applicant.post(`/api/v1/applications/${submitted.id}/transitions`, {
      action: 'return',
      version: submitted.version,
      comment: '请补充',
    });
    expect(byApplicant.statusCode).toBe(403);

    const returned = await act(putuo, submitted, 'return', { comment: '请补充近两年的保密培训台账。' });
    expect(returned).toMatchObject({ status: 'returned', returnReason: '请补充近两年的保密培训台账。' });
    const mine = (await applicant.get(`/api/v1/applications/${submitted.id}`)).json();
    expect(mine.allowedActions).toEqual(['withdraw', 'resubmit']);
    const again = await act(applicant, mine, 'resubmit');
    expect(again.status).toBe('submitted');
    expect((await auditOf(putuo, submitted.id)).map((e) => e.after.action)).toEqual(
      expect.arrayContaining(['submit', 'return', 'resubmit']),
    );
  });
});

describe('stage schedules', () => {
  it('warns the officer acting before the stage’s published dates, and records the warning', async () => {
    const { client } = await newApplicantUnit(t, '310107', 'sched-firm');
    const submitted = await submittedApplication(client, 'putuo-2022', 'point');
    // Putuo's 验收评定 is published for 1–10 April 2022; it is 15 March.
    const warning =
      '“验收评定”阶段的时间为2022年4月上旬（2022年4月1日起，2022年4月10日止），今天（2022年3月15日）尚未开始：已超出方案公布的时间，请确认后办理';
    // Before acting: the detail says which offered actions fall outside their dates, with the same message.
    const before = (await putuo.get(`/api/v1/applications/${submitted.id}`)).json();
    expect(before.allowedActions).toContain('start_acceptance');
    expect(before.scheduleNotices).toEqual([
      { action: 'start_acceptance', code: 'before_schedule', enforced: false, message: warning },
    ]);
    // The applicant is offered nothing outside any schedule.
    expect((await client.get(`/api/v1/applications/${submitted.id}`)).json().scheduleNotices).toEqual([]);
    const res = await putuo.post(`/api/v1/applications/${submitted.id}/transitions`, {
      action: 'start_acceptance',
      version: submitted.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'under_acceptance',
      warnings: [{ code: 'before_schedule', message: warning }],
    });
    const entry = (await auditOf(putuo, submitted.id)).find((e) => e.after.action === 'start_acceptance');
    expect(entry?.after.warnings).toEqual([warning]);
    // Within the dates: no warning.
    const { client: second } = await newApplicantUnit(t, '310107', 'sched-firm-2');
    const inTime = await submittedApplication(second, 'putuo-2022', 'point');
    setBusinessDate(t, '2022-04-02');
    try {
      expect((await putuo.get(`/api/v1/applications/${inTime.id}`)).json().scheduleNotices).toEqual([]);
      expect((await act(putuo, inTime, 'start_acceptance')).warnings).toEqual([]);
    } finally {
      setBusinessDate(t, '2022-03-15');
    }
  });

  it('refuses an action after an enforced stage closes (004: recommended by 20 August 2023)', async () => {
    const { client } = await newApplicantUnit(t, '110107', 'sched-sjs');
    const submitted = await submittedApplication(client, 'shijingshan-2023', 'point');
    const shijingshan = await t.login('shijingshan');
    setBusinessDate(t, '2023-08-21');
    try {
      const notices = (await shijingshan.get(`/api/v1/applications/${submitted.id}`)).json().scheduleNotices;
      expect(notices).toContainEqual(expect.objectContaining({ action: 'not_recommend', enforced: true }));
      const late = await shijingshan.post(`/api/v1/applications/${submitted.id}/transitions`, {
        action: 'not_recommend',
        version: submitted.version,
        comment: '逾期。',
      });
      expect(late.statusCode).toBe(409);
      expect(late.json()).toMatchObject({
        reason: 'outside_schedule',
        message:
          '“审核推荐”阶段的时间为2023 年 7 月-8 月中旬（2023年8月20日止），今天（2023年8月21日）已过截止日期：本方案规定按期执行，不能办理',
      });
      expect((await shijingshan.get(`/api/v1/applications/${submitted.id}`)).json().status).toBe('submitted');
      setBusinessDate(t, '2023-08-20');
      expect((await act(shijingshan, submitted, 'not_recommend', { comment: '材料不足。' })).status).toBe(
        'district_not_recommended',
      );
    } finally {
      setBusinessDate(t, '2022-03-15');
    }
  });
});
