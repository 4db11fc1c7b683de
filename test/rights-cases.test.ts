/**
 * Administrative case handling of rights protection (issue 12, rights-cases): the case-handling guide as data and its
 * document templates; cases, appraisals, supervision, consultations, typical cases and statistics.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from './helpers/app';

let t: TestApp;
let shanghai: Client;
let putuo: Client;
let shaoxing: Client;
let keqiao: Client;
let applicant: Client;
let expert: Client;

beforeAll(async () => {
  t = await buildTestApp();
  shanghai = await t.login('shanghai');
  putuo = await t.login('putuo');
  shaoxing = await t.login('shaoxing');
  keqiao = await t.login('keqiao');
  applicant = await t.login('applicant1');
  expert = await t.login('expert1');
});
afterAll(async () => {
  await t.close();
});

async function guideOf(client: Client, code: string) {
  const list = await client.get('/api/v1/rights/guides');
  expect(list.statusCode, list.body).toBe(200);
  const summary = list.json().items.find((g: { code: string }) => g.code === code);
  const detail = await client.get(`/api/v1/rights/guides/${summary.id}`);
  expect(detail.statusCode, detail.body).toBe(200);
  return detail.json();
}

describe('case-handling guide (办案指南)', () => {
  it('is seeded per bureau with the nine steps and their documents; officers read it, others do not', async () => {
    const guide = await guideOf(putuo, 'shanghai-case-guide');
    expect(guide.definition.steps.map((s: { name: string }) => s.name)).toEqual([
      '核查',
      '立案',
      '调查取证',
      '委托鉴定',
      '告知',
      '听证',
      '处罚决定',
      '执行',
      '结案',
    ]);
    const titles = guide.definition.steps.flatMap((s: { documents: { title: string }[] }) =>
      s.documents.map((d) => d.title),
    );
    expect(titles).toEqual(
      expect.arrayContaining(['立案审批表', '询问笔录', '证据清单', '鉴定委托书', '行政处罚告知书', '行政处罚决定书']),
    );
    expect(guide.mayEdit).toBe(false);
    expect((await guideOf(shanghai, 'shanghai-case-guide')).mayEdit).toBe(true);
    expect((await t.anonymous.get('/api/v1/rights/guides')).statusCode).toBe(401);
    expect((await applicant.get('/api/v1/rights/guides')).statusCode).toBe(404);
    expect((await expert.get(`/api/v1/rights/guides/${guide.id}`)).statusCode).toBe(404);
  });

  it('downloads a document template as a real Excel file with the title and fields', async () => {
    const guide = await guideOf(keqiao, 'shaoxing-case-guide');
    const res = await keqiao.get(`/api/v1/rights/guides/${guide.id}/templates/case_opening_approval`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('立案审批表.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell('A2').value).toBe('立案审批表');
    const labels = sheet.getColumn(1).values.filter((v) => typeof v === 'string');
    expect(labels).toEqual(expect.arrayContaining(['案由', '当事人', '简要案情', '部门负责人审批意见']));
    expect((await keqiao.get(`/api/v1/rights/guides/${guide.id}/templates/no_such_doc`)).statusCode).toBe(404);
    expect((await applicant.get(`/api/v1/rights/guides/${guide.id}/templates/case_opening_approval`)).statusCode).toBe(
      404,
    );
  });

  it('the city edits the guide as a new version; districts, other cities and bad documents are refused', async () => {
    const guide = await guideOf(shanghai, 'shanghai-case-guide');
    const edited = guide.yaml.replace('name: 核查', 'name: 线索核查');
    const saved = await shanghai.post('/api/v1/rights/guides', { yaml: edited });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toMatchObject({ code: 'shanghai-case-guide', version: guide.version + 1 });
    const after = await guideOf(putuo, 'shanghai-case-guide');
    expect(after.definition.steps[0].name).toBe('线索核查');
    expect(after.versions.map((v: { version: number }) => v.version)).toEqual([guide.version, guide.version + 1]);

    expect((await putuo.post('/api/v1/rights/guides', { yaml: edited })).statusCode).toBe(403);
    expect((await shaoxing.post('/api/v1/rights/guides', { yaml: edited })).statusCode).toBe(403);
    expect((await applicant.post('/api/v1/rights/guides', { yaml: edited })).statusCode).toBe(403);
    expect((await t.anonymous.post('/api/v1/rights/guides', { yaml: edited })).statusCode).toBe(401);

    const withoutClose = guide.definition.steps.filter((s: { kind: string }) => s.kind !== 'close');
    const bad = await shanghai.post('/api/v1/rights/guides', {
      definition: { ...guide.definition, steps: withoutClose },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ message: '办案指南必须包括“结案”步骤' })]),
    );
    expect((await guideOf(putuo, 'shanghai-case-guide')).version).toBe(guide.version + 1);
  });
});
