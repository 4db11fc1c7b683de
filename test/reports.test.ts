/**
 * The "五个一" picture and the reports upward (issue 14): a district's figures roll up into the city's with last
 * year's comparison and the programme's targets; an officer reads its subtree only; a bureau submits its quarterly
 * or annual report, whose figures equal the picture's and stay as submitted when the data changes; resubmission
 * needs a reason; the bureau above sees who has and has not reported; the report as Excel and PDF.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, reportSubmissions } from '../src/server/db/schema';
import { buildTestApp, type Client, type TestApp } from './helpers/app';
import { programmeId } from './helpers/applications';
import { setBusinessDate } from './helpers/bases';
import { pdfText } from './helpers/pdf';
import { makeOfficer } from './helpers/rights';
import { insertTrainingEvent } from './helpers/trainings';
import { sheetOf } from './helpers/xlsx';

let t: TestApp;
let shaoxing: Client;
let keqiao: Client;
let yuecheng: Client;
let putuo: Client;
let programme: string;
let reportId: string;

const training = (owner: string, title: string, startsOn: string) =>
  insertTrainingEvent(t.database.db, { owner, title, startsOn, kind: 'lecture' });
const picture = (client: Client, query: string) => client.get(`/api/v1/picture?${query}`);
const held = (row: { values: Record<string, number | null> }) => row.values['trainings.held'];

beforeAll(async () => {
  t = await buildTestApp({ env: { BUSINESS_DATE: '2022-01-20' } });
  shaoxing = await t.login('shaoxing');
  keqiao = await t.login('keqiao');
  putuo = await t.login('putuo');
  yuecheng = (await makeOfficer(t, 'yuecheng-reports', '330602', '越城区市场监督管理局')).client;
  programme = await programmeId(shaoxing, 'shaoxing-2021');
  // Keqiao held two lectures in 2021 (one in the first quarter) and one in 2020; Yuecheng one in 2021.
  await training('330603', '柯桥区商业秘密保护大讲堂（一）', '2021-03-15');
  await training('330603', '柯桥区商业秘密保护大讲堂（二）', '2021-10-15');
  await training('330603', '柯桥区上年度大讲堂', '2020-06-15');
  await training('330602', '越城区商业秘密保护大讲堂', '2021-05-15');
});
afterAll(async () => {
  await t.close();
});

describe('the jurisdiction picture', () => {
  it('rolls the districts up into the city, with last year and the targets', async () => {
    const res = await picture(shaoxing, `year=2021&programmeId=${programme}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.jurisdiction).toEqual({ code: '330600', name: '绍兴市' });
    const rows = Object.fromEntries(body.rows.map((r: { jurisdictionCode: string }) => [r.jurisdictionCode, r]));
    expect(held(rows['330603'])).toBe(2);
    expect(rows['330603'].previous['trainings.held']).toBe(1);
    expect(held(rows['330602'])).toBe(1);
    expect(rows['330600']).toMatchObject({ isTotal: true });
    expect(held(rows['330600'])).toBe(3);
    expect(body.figures.map((f: { group: string }) => f.group)).toEqual(
      expect.arrayContaining(['示范基地', '贯标企业', '培训', '服务项目', '案件', '人才']),
    );
    // The programme's targets of the city and its districts, against what was certified.
    expect(body.programme.code).toBe('shaoxing-2021');
    expect(body.targets.length).toBeGreaterThan(0);
    expect(body.targets.some((r: { jurisdictionCode: string }) => r.jurisdictionCode === '330603')).toBe(true);

    const quarter = (await picture(keqiao, 'year=2021&quarter=1')).json();
    expect(quarter.period).toMatchObject({ from: '2021-01-01', to: '2021-03-31', label: '2021年第一季度' });
    expect(held(quarter.rows[0])).toBe(1);
    expect(quarter.parent).toEqual({ code: '330600', name: '绍兴市', readable: false });
  });

  it('shows an officer its own subtree only', async () => {
    expect((await picture(keqiao, 'year=2021')).json().jurisdiction.code).toBe('330603');
    expect((await picture(keqiao, 'jurisdictionCode=330600&year=2021')).statusCode).toBe(404);
    expect((await picture(keqiao, 'jurisdictionCode=330602&year=2021')).statusCode).toBe(404);
    expect((await picture(putuo, 'jurisdictionCode=330603&year=2021')).statusCode).toBe(404);
    expect((await picture(await t.login('applicant2'), 'year=2021')).statusCode).toBe(403);
    expect((await picture(t.anonymous, 'year=2021')).statusCode).toBe(401);
    expect((await picture(keqiao, 'year=1999')).statusCode).toBe(400);
    expect((await picture(keqiao, 'year=2021&quarter=5')).statusCode).toBe(400);
  });
});

describe('reports upward', () => {
  it('freezes the figures the picture shows when submitted', async () => {
    const res = await keqiao.post('/api/v1/reports', { year: 2021, programmeId: programme });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'annual', periodLabel: '2021年度', superseded: false, reason: null });
    reportId = res.json().id;
    const report = (await keqiao.get(`/api/v1/reports/${reportId}`)).json();
    const shown = (await picture(keqiao, `year=2021&programmeId=${programme}`)).json();
    expect(report.figures).toEqual(shown);
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, reportId));
    expect(audit).toMatchObject({ action: 'report.submit', entityType: 'report_submission' });

    // The data changes afterwards: the picture follows, the submitted report does not.
    await training('330603', '柯桥区商业秘密保护论坛', '2021-12-01');
    expect(held((await picture(keqiao, 'year=2021')).json().rows[0])).toBe(3);
    expect(held((await keqiao.get(`/api/v1/reports/${reportId}`)).json().figures.rows[0])).toBe(2);
    await expect(
      t.database.db.update(reportSubmissions).set({ figures: {} }).where(eq(reportSubmissions.id, reportId)),
    ).rejects.toThrow();
  });

  it('states its submission rules: after the period, again only with a reason, by the bureau itself', async () => {
    const early = await keqiao.post('/api/v1/reports', { year: 2022, quarter: 1 });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('2022年第一季度尚未结束');
    const again = await keqiao.post('/api/v1/reports', { year: 2021 });
    expect(again.statusCode).toBe(409);
    expect(again.json().fields[0].path).toBe('reason');
    expect((await (await t.login('admin')).post('/api/v1/reports', { year: 2021 })).statusCode).toBe(403);
    expect((await (await t.login('applicant2')).post('/api/v1/reports', { year: 2021 })).statusCode).toBe(403);
    expect((await t.anonymous.post('/api/v1/reports', { year: 2021 })).statusCode).toBe(401);

    const corrected = await keqiao.post('/api/v1/reports', { year: 2021, reason: '补录12月论坛' });
    expect(corrected.statusCode, corrected.body).toBe(201);
    const fresh = (await keqiao.get(`/api/v1/reports/${corrected.json().id}`)).json();
    expect(held(fresh.figures.rows[0])).toBe(3);
    expect(fresh.reason).toBe('补录12月论坛');
    expect((await keqiao.get(`/api/v1/reports/${reportId}`)).json().superseded).toBe(true);
    const quarterly = await keqiao.post('/api/v1/reports', { year: 2021, quarter: 4 });
    expect(quarterly.statusCode, quarterly.body).toBe(201);
    expect(quarterly.json()).toMatchObject({ kind: 'quarterly', periodLabel: '2021年第四季度' });
  });

  it('shows the bureau above who has and has not reported, and only it reads the reports', async () => {
    const status = await shaoxing.get('/api/v1/reports/status?year=2021');
    expect(status.statusCode, status.body).toBe(200);
    const body = status.json();
    const byCode = Object.fromEntries(
      body.subordinates.map((b: { jurisdictionCode: string }) => [b.jurisdictionCode, b]),
    );
    expect(byCode['330603']).toMatchObject({ submitted: true, current: { reason: '补录12月论坛' } });
    expect(byCode['330603'].history).toHaveLength(1);
    expect(byCode['330602']).toMatchObject({ submitted: false, current: null });
    expect(body.missing).toContain('越城区');
    expect(body.missing).not.toContain('柯桥区');
    expect(body.own).toMatchObject({ jurisdictionCode: '330600', submitted: false });
    const quarterStatus = (await shaoxing.get('/api/v1/reports/status?year=2021&quarter=4')).json();
    expect(
      quarterStatus.subordinates.find((b: { jurisdictionCode: string }) => b.jurisdictionCode === '330603'),
    ).toMatchObject({ submitted: true, history: [] });

    expect((await shaoxing.get(`/api/v1/reports/${reportId}`)).statusCode).toBe(200);
    expect((await yuecheng.get(`/api/v1/reports/${reportId}`)).statusCode).toBe(404);
    expect((await putuo.get(`/api/v1/reports/${reportId}`)).statusCode).toBe(404);
    expect((await yuecheng.get(`/api/v1/reports/${reportId}/report.pdf`)).statusCode).toBe(404);
    expect((await keqiao.get('/api/v1/reports/status?jurisdictionCode=330600&year=2021')).statusCode).toBe(404);
    expect((await keqiao.get('/api/v1/reports/status?year=2021')).json().own.submitted).toBe(true);
  });

  it('prints the frozen figures as Excel and PDF', async () => {
    const sheet = await sheetOf(await shaoxing.get(`/api/v1/reports/${reportId}/report.xlsx`));
    const line = sheet.rows.find((r) => r.辖区 === '柯桥区（合计）' && r.指标 === '举办培训活动（场）')!;
    expect(line['本期（2021-01-01至2021-12-31）']).toBe(2);
    expect(line['上年同期（2020-01-01至2020-12-31）']).toBe(1);
    expect(line.说明).toBe('较上年同期增加 1');
    expect(sheet.rows.some((r) => String(r.项目类别).startsWith('目标任务'))).toBe(true);

    const pdf = await shaoxing.get(`/api/v1/reports/${reportId}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { text } = await pdfText(pdf.rawPayload);
    expect(text).toContain('柯桥区商业秘密保护工作年度报表（2021年度）');
    expect(text).toContain('报送至：绍兴市');
    expect(text).toContain('举办培训活动（场）');
    expect(text).toContain('较上年同期增加 1');
    expect(text).toContain('与上年同期持平');
  });

  it('moves with the business date: a quarter can be reported once it has ended', async () => {
    setBusinessDate(t, '2022-03-31');
    expect((await keqiao.post('/api/v1/reports', { year: 2022, quarter: 1 })).statusCode).toBe(201);
  });
});
