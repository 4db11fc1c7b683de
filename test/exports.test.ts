// @postgresql-only: Excel rendering of lists read through the use cases.
/**
 * Excel exports of the working lists (issue 10 §2): each opened with exceljs — Chinese headers, names instead of
 * codes, the list's filters, the caller's scope, and the denials; plus names of audit subjects (defect 5.8).
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from './helpers/app';
import { act, expertSheet, programmeId, submittedApplication } from './helpers/applications';
import { setBusinessDate, shaoxingApproved, shaoxingDecision } from './helpers/bases';
import { type Sheet, sheetOf } from './helpers/xlsx';

let t: TestApp;
let putuo: Client;
let keqiao: Client;
let applicant1: Client;
let applicant2: Client;
let putuoApplication: { id: string; version: number; unitName: string };
let applicant1Unit: string;

const column = (sheet: Sheet, header: string) => sheet.rows.map((r) => r[header]);

async function expectError(res: LightMyRequestResponse, status: number) {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json();
  expect(body.code).toEqual(expect.any(String));
  expect(body.message).toMatch(/[\u4e00-\u9fff]/);
}

beforeAll(async () => {
  t = await buildTestApp();
  putuo = await t.login('putuo');
  keqiao = await t.login('keqiao');
  applicant1 = await t.login('applicant1');
  applicant2 = await t.login('applicant2');
  applicant1Unit = (await applicant1.get('/api/v1/auth/me')).json().user.unitId;
  // A Keqiao base in the public registry, then a submitted Putuo application.
  const approved = await shaoxingApproved(t, applicant2);
  await act(await t.login('shaoxing'), approved, 'certify', { decision: shaoxingDecision(3) });
  setBusinessDate(t, '2022-03-15');
  putuoApplication = await submittedApplication(applicant1, 'putuo-2022', 'point');
});
afterAll(async () => {
  await t.close();
});

describe('applications export', () => {
  const url = '/api/v1/applications/export.xlsx';

  it('labels columns in Chinese, shows statuses by label, honours the filters', async () => {
    const sheet = await sheetOf(await putuo.get(url));
    expect(sheet.headers).toEqual(expect.arrayContaining(['申报单位', '所在辖区', '工作方案', '申报类型', '状态']));
    const row = sheet.rows.find((r) => r.申报单位 === putuoApplication.unitName)!;
    expect(row).toMatchObject({ 所在辖区: '普陀区', 状态: '已提交' });
    expect(String(row.申报类型)).toMatch(/[\u4e00-\u9fff]/);
    expect((await sheetOf(await putuo.get(`${url}?status=submitted`))).rows.length).toBeGreaterThan(0);
    expect((await sheetOf(await putuo.get(`${url}?status=certified`))).rows).toEqual([]);
  });

  it('holds only the caller’s scope: another district, the applicant’s own unit', async () => {
    const other = await sheetOf(await keqiao.get(url));
    expect(column(other, '申报单位')).not.toContain(putuoApplication.unitName);
    expect(other.rows.length).toBeGreaterThan(0);
    expect(new Set(column(other, '所在辖区'))).toEqual(new Set(['柯桥区']));
    const own = await sheetOf(await applicant1.get(url));
    expect(new Set(column(own, '申报单位'))).toEqual(new Set([putuoApplication.unitName]));
    expect(column(await sheetOf(await applicant2.get(url)), '申报单位')).not.toContain(putuoApplication.unitName);
  });

  it('refuses the anonymous and bad queries with a Chinese error', async () => {
    await expectError(await t.anonymous.get(url), 401);
    await expectError(await putuo.get(`${url}?status=finished`), 400);
    await expectError(await putuo.get(`${url}?page=2`), 400);
  });
});

describe('units export', () => {
  const url = '/api/v1/units/export.xlsx';

  it('shows kinds, industries and jurisdictions by name, in the officer’s subtree only', async () => {
    const sheet = await sheetOf(await putuo.get(url));
    expect(sheet.headers).toEqual(
      expect.arrayContaining(['单位名称', '统一社会信用代码', '单位类型', '所属行业', '所在辖区']),
    );
    expect(sheet.rows.length).toBeGreaterThan(3);
    expect(new Set(column(sheet, '所在辖区'))).toEqual(new Set(['普陀区']));
    for (const industry of column(sheet, '所属行业')) expect(String(industry)).toMatch(/^[A-T]\d{2} \S+/);
    expect(column(sheet, '单位类型')).toContain('园区');
    const parks = await sheetOf(await putuo.get(`${url}?kind=park`));
    expect(parks.rows.length).toBeGreaterThan(0);
    expect(parks.rows.length).toBeLessThan(sheet.rows.length);
    expect(new Set(column(parks, '单位类型'))).toEqual(new Set(['园区']));
    expect(column(await sheetOf(await keqiao.get(url)), '所在辖区')).not.toContain('普陀区');
  });

  it('gives an applicant its own unit only', async () => {
    const own = await sheetOf(await applicant1.get(url));
    expect(own.rows).toHaveLength(1);
    const unit = (await applicant1.get(`/api/v1/units/${applicant1Unit}`)).json();
    expect(own.rows[0]!.单位名称).toBe(unit.name);
  });

  it('refuses the anonymous and bad queries', async () => {
    await expectError(await t.anonymous.get(url), 401);
    await expectError(await putuo.get(`${url}?industryCode=C17`), 400);
  });
});

describe('public registry export', () => {
  const url = '/api/v1/registry/export.xlsx';

  it('is public, with levels, kinds and industries by name, and the search’s filters', async () => {
    const sheet = await sheetOf(await t.anonymous.get(url));
    expect(sheet.name).toBe('示范基地名录');
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.rows[0]).toMatchObject({ 所在辖区: '柯桥区', 状态: '有效', 级别: '市级' });
    expect(String(sheet.rows[0]!.所属行业)).toMatch(/^C\d{2} /);
    expect((await sheetOf(await t.anonymous.get(`${url}?status=revoked`))).rows).toEqual([]);
    expect((await sheetOf(await t.anonymous.get(`${url}?jurisdictionCode=310107`))).rows).toEqual([]);
    await expectError(await t.anonymous.get(`${url}?year=abc`), 400);
  });
});

describe('experts export', () => {
  const url = '/api/v1/experts/export.xlsx';

  it('lists the officer’s registries with fields and industries by name, filtered', async () => {
    const sheet = await sheetOf(await putuo.get(url));
    expect(column(sheet, '姓名')).toEqual(expect.arrayContaining(['王立法', '陈信安', '刘鉴真']));
    const wang = sheet.rows.find((r) => r.姓名 === '王立法')!;
    expect(wang.专业领域).toBe('法律');
    expect(wang.人员类别).toBe('验收专家');
    expect(wang.职业).toBe('学者');
    expect(String(wang.熟悉行业)).toMatch(/^L72 /);
    expect(column(await sheetOf(await putuo.get(`${url}?field=law`)), '姓名')).toEqual(['王立法']);
  });

  it('refuses the anonymous, applicants and bad queries', async () => {
    await expectError(await t.anonymous.get(url), 401);
    await expectError(await applicant1.get(url), 403);
    await expectError(await putuo.get(`${url}?industry=99`), 400);
  });
});

describe('panel results export', () => {
  const url = () => `/api/v1/applications/${putuoApplication.id}/panel/export.xlsx`;

  it('shows every item with each expert’s score, the figures and the total, to the owning bureau', async () => {
    const started = await act(putuo, putuoApplication, 'start_acceptance');
    const expert1 = await t.login('expert1');
    const expertId = (await expert1.get('/api/v1/experts/me')).json().id;
    expect((await putuo.post(`/api/v1/applications/${started.id}/panel`, { expertId })).statusCode).toBe(201);
    const panel = (await putuo.get(`/api/v1/applications/${started.id}/panel`)).json();
    const saved = await expert1.request({
      method: 'PUT',
      url: `/api/v1/applications/${started.id}/panel/me`,
      payload: { answers: expertSheet(panel.rubric, 1), comment: '符合示范点标准。' },
    });
    expect(saved.statusCode, saved.body).toBe(200);

    const sheet = await sheetOf(await putuo.get(url()));
    expect(sheet.headers).toEqual(
      expect.arrayContaining(['序号', '评分项', '分值', '王立法（华东政法大学）', '平均分', '中位数']),
    );
    const first = sheet.rows[0]!;
    expect(first.序号).toBe('1');
    expect(first['王立法（华东政法大学）']).toBe(first.分值);
    const total = sheet.rows.find((r) => String(r.评分项).startsWith('总分'))!;
    expect(total.平均分).toBe(total['王立法（华东政法大学）']);
    // The expert whose sheet is complete may export it too.
    expect((await expert1.get(url())).statusCode).toBe(200);
  });

  it('is refused to the applicant (no scores), another bureau (404) and the anonymous', async () => {
    await expectError(await applicant1.get(url()), 403);
    await expectError(await keqiao.get(url()), 404);
    await expectError(await t.anonymous.get(url()), 401);
    await expectError(await putuo.get('/api/v1/applications/not-a-uuid/panel/export.xlsx'), 400);
  });
});

describe('panel results per programme', () => {
  // After 'panel results export': Putuo's application is under acceptance with expert 1's complete sheet.
  it('lists each application with a panel and its figures, in the list’s scope, and exports the same rows', async () => {
    const programme = await programmeId(putuo, 'putuo-2022');
    const list = await putuo.get(`/api/v1/panel-results?programmeId=${programme}`);
    expect(list.statusCode, list.body).toBe(200);
    const row = list.json().items.find((r: { applicationId: string }) => r.applicationId === putuoApplication.id);
    expect(row).toMatchObject({
      unitName: putuoApplication.unitName,
      jurisdictionName: '普陀区',
      status: 'under_acceptance',
      form: 'scored',
      panelSize: 1,
      sheetsComplete: 1,
      scoresVisible: true,
      maxTotal: 100,
    });
    const panel = (await putuo.get(`/api/v1/applications/${putuoApplication.id}/panel`)).json();
    expect(row.meanTotal).toBe(panel.aggregate.meanTotal);
    expect(row.passed).toBe(panel.aggregate.passed);

    const sheet = await sheetOf(await putuo.get(`/api/v1/panel-results/export.xlsx?programmeId=${programme}`));
    expect(sheet.name).toBe('验收结果');
    expect(sheet.headers).toEqual(
      expect.arrayContaining(['申报单位', '所在辖区', '状态', '验收组人数', '平均总分', '合格分', '评分结论']),
    );
    const exported = sheet.rows.find((r) => r.申报单位 === putuoApplication.unitName)!;
    expect(exported).toMatchObject({ 所在辖区: '普陀区', 状态: '验收中', 验收组人数: 1, 平均总分: row.meanTotal });
    expect(sheet.rows.length).toBe(list.json().total);

    // Scope: another district sees none of Putuo's; the applicant its own application without the scores.
    expect((await keqiao.get(`/api/v1/panel-results?programmeId=${programme}`)).json()).toEqual({
      items: [],
      total: 0,
    });
    expect(
      (await sheetOf(await keqiao.get(`/api/v1/panel-results/export.xlsx?programmeId=${programme}`))).rows,
    ).toEqual([]);
    const own = (await applicant1.get(`/api/v1/panel-results?programmeId=${programme}`)).json().items;
    expect(own).toEqual([
      expect.objectContaining({ applicationId: putuoApplication.id, scoresVisible: false, meanTotal: null }),
    ]);
    await expectError(await t.anonymous.get(`/api/v1/panel-results?programmeId=${programme}`), 401);
    await expectError(await t.anonymous.get(`/api/v1/panel-results/export.xlsx?programmeId=${programme}`), 401);
    await expectError(await putuo.get('/api/v1/panel-results?programmeId=x'), 400);
  });
});

describe('targets export', () => {
  it('shows the programme’s targets with labels, refusing bad and unknown programmes', async () => {
    const id = await programmeId(putuo, 'putuo-2022');
    const res = await putuo.get(`/api/v1/targets/export.xlsx?programmeId=${id}`);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('建设任务-');
    const sheet = await sheetOf(res);
    expect(sheet.headers).toEqual(expect.arrayContaining(['辖区', '类型', '级别', '目标数', '已认定', '完成情况']));
    expect(sheet.rows.length).toBeGreaterThan(0);
    expect(column(sheet, '辖区')).toContain('普陀区');
    await expectError(await t.anonymous.get(`/api/v1/targets/export.xlsx?programmeId=${id}`), 401);
    await expectError(await putuo.get('/api/v1/targets/export.xlsx?programmeId=x'), 400);
    await expectError(
      await putuo.get('/api/v1/targets/export.xlsx?programmeId=00000000-0000-4000-8000-000000000000'),
      404,
    );
  });
});

describe('audit trail: subjects by name (defect 5.8) and its export', () => {
  const url = '/api/v1/audit/export.xlsx';
  const rawId = /^[0-9a-f]{8}(-|$)/;

  it('names accounts, programmes and applications in the list instead of their ids', async () => {
    // An account created by the administrator: named in the administrator's trail.
    const admin = await t.login('admin');
    const account = await admin.post('/api/v1/users', {
      username: 'export-contact',
      displayName: '导出测试联系人',
      password: 'contact-1234',
      role: 'applicant',
      unitId: applicant1Unit,
    });
    expect(account.statusCode, account.body).toBe(201);
    const items = (await putuo.get('/api/v1/audit?pageSize=200')).json().items as {
      entityType: string;
      entityId: string | null;
      entityName: string | null;
    }[];
    const accounts = (await admin.get('/api/v1/audit?entityType=user&action=user.create')).json().items;
    expect(accounts[0]).toMatchObject({ entityId: account.json().id, entityName: '导出测试联系人' });
    expect(items.find((e) => e.entityType === 'programme')!.entityName).toMatch(/工作方案（第 1 版）$/);
    const unit = items.find((e) => e.entityType === 'unit' && e.entityId === applicant1Unit)!;
    expect(unit.entityName).toBe(putuoApplication.unitName);
    const application = items.find((e) => e.entityType === 'application' && e.entityId === putuoApplication.id)!;
    expect(application.entityName).toContain(putuoApplication.unitName);
    for (const e of items)
      if (e.entityId) expect(e.entityName ?? '', `${e.entityType} ${e.entityId}`).not.toMatch(rawId);
  });

  it('exports the officer’s subtree with actions and subjects by name, filtered', async () => {
    const sheet = await sheetOf(await putuo.get(url));
    expect(sheet.headers).toEqual(['时间', '操作人', 'IP 地址', '操作', '对象类型', '对象', '修改前', '修改后']);
    expect(column(sheet, '操作')).toContain('申报流转');
    expect(column(sheet, '对象')).toContain(putuoApplication.unitName);
    expect(column(sheet, '对象类型')).toEqual(expect.arrayContaining(['单位', '申报', '工作方案']));
    const admin = await sheetOf(await (await t.login('admin')).get(`${url}?entityType=user`));
    expect(column(admin, '对象')).toContain('导出测试联系人');
    expect(new Set(column(admin, '对象类型'))).toEqual(new Set(['账号']));
    for (const name of column(sheet, '对象')) expect(String(name ?? '')).not.toMatch(rawId);
    const transitions = await sheetOf(await putuo.get(`${url}?action=application.transition`));
    expect(transitions.rows.length).toBeGreaterThan(0);
    expect(transitions.rows.length).toBeLessThan(sheet.rows.length);
    expect(new Set(column(transitions, '操作'))).toEqual(new Set(['申报流转']));
    // Keqiao's trail does not hold Putuo's application.
    const other = await sheetOf(await keqiao.get(`${url}?entityType=application`));
    expect(column(other, '对象').some((n) => String(n).includes(putuoApplication.unitName))).toBe(false);
  });

  it('is refused to the anonymous, applicants and bad queries', async () => {
    await expectError(await t.anonymous.get(url), 401);
    await expectError(await applicant1.get(url), 403);
    await expectError(await putuo.get(`${url}?from=yesterday`), 400);
  });
});

describe('ledger export', () => {
  const url = '/api/v1/ledger/export.xlsx';

  it('streams the ledger with kinds by label, filtered, in scope', async () => {
    const entry = {
      unitId: applicant1Unit,
      kind: 'training',
      occurredOn: '2022-03-01',
      title: '商业秘密保护全员培训（导出测试）',
      participants: 30,
    };
    expect((await applicant1.post('/api/v1/ledger', entry)).statusCode).toBe(201);
    expect((await applicant1.post('/api/v1/ledger', { ...entry, kind: 'publicity', title: '宣传周' })).statusCode).toBe(
      201,
    );
    const trainings = await sheetOf(await putuo.get(`${url}?kind=training`));
    expect(trainings.rows.find((r) => r.主题 === entry.title)).toMatchObject({ 类型: '培训', 参加人数: 30 });
    expect(column(trainings, '主题')).not.toContain('宣传周');
    expect(column(await sheetOf(await keqiao.get(url)), '主题')).not.toContain(entry.title);
    const own = await sheetOf(await applicant2.get(url));
    expect(column(own, '主题')).not.toContain(entry.title);
    await expectError(await t.anonymous.get(url), 401);
    await expectError(await putuo.get(`${url}?kind=party`), 400);
  });
});
