/**
 * Administrative case handling of rights protection (issue 12, rights-cases): the case-handling guide as data and its
 * document templates; cases, appraisals, supervision, consultations, typical cases and statistics.
 */
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rightsClues } from '../src/server/db/schema';
import { buildTestApp, type Client, type TestApp } from './helpers/app';
import { multipart } from './helpers/multipart';
import { insertCase } from './helpers/rights-cases';

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

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function upload(client: Client, name: string, content = PDF) {
  const res = await client.request({ method: 'POST', url: '/api/v1/attachments', ...multipart(name, content) });
  expect(res.statusCode, res.body).toBe(201);
  return { sha256: res.json().sha256 as string, fileName: name };
}

describe('administrative case (行政案件)', () => {
  it('shows the guide steps, records steps and documents, and guards who may read and act', async () => {
    const clue = await insertCase(t.database.db, { jurisdictionCode: '310107', handler: 'putuo' });
    const res = await putuo.get(`/api/v1/rights/cases/${clue.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view.guide.title).toBe('上海市侵犯商业秘密行政案件办案指南');
    expect(view.steps).toHaveLength(9);
    expect(view.steps.every((s: { done: boolean }) => !s.done)).toBe(true);
    expect(view.mayHandle).toBe(true);
    // 90 calendar days from 2026-09-10 → 2026-12-09.
    expect(view.clock).toMatchObject({ deadline: '2026-12-09', overdue: false, extensions: 0, maxExtensions: 1 });

    const step = await putuo.post(`/api/v1/rights/cases/${clue.id}/steps`, {
      step: 'verify',
      completedOn: '2026-08-31',
    });
    expect(step.statusCode).toBe(400);
    const ok = await putuo.post(`/api/v1/rights/cases/${clue.id}/steps`, { step: 'verify', completedOn: '2026-09-12' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().steps[0]).toMatchObject({ done: true, completedOn: '2026-09-12' });
    expect(
      (await putuo.post(`/api/v1/rights/cases/${clue.id}/steps`, { step: 'verify', completedOn: '2026-09-12' }))
        .statusCode,
    ).toBe(409);

    const file = await upload(putuo, '立案审批表.pdf');
    const doc = await putuo.post(`/api/v1/rights/cases/${clue.id}/documents`, {
      step: 'open',
      documentKey: 'case_opening_approval',
      attachment: file,
    });
    expect(doc.statusCode, doc.body).toBe(200);
    const record = doc.json().steps[1].documents[0].records[0];
    expect(record.fileName).toBe('立案审批表.pdf');
    const download = await putuo.get(`/api/v1/rights/cases/${clue.id}/documents/${record.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    // A document the step does not have; a file someone else uploaded.
    expect(
      (
        await putuo.post(`/api/v1/rights/cases/${clue.id}/documents`, {
          step: 'open',
          documentKey: 'evidence_list',
          attachment: file,
        })
      ).statusCode,
    ).toBe(400);
    const theirs = await upload(keqiao, '别人的文件.pdf', Buffer.concat([PDF, Buffer.from('% keqiao\n')]));
    expect(
      (
        await putuo.post(`/api/v1/rights/cases/${clue.id}/documents`, {
          step: 'open',
          documentKey: 'case_opening_approval',
          attachment: { ...theirs, sha256: theirs.sha256 },
        })
      ).statusCode,
    ).toBe(400);

    // The city above supervises and reads (content); another district, applicants and the public do not.
    expect((await shanghai.get(`/api/v1/rights/cases/${clue.id}`)).json().maySupervise).toBe(true);
    expect((await keqiao.get(`/api/v1/rights/cases/${clue.id}`)).statusCode).toBe(404);
    expect((await shaoxing.get(`/api/v1/rights/cases/${clue.id}`)).statusCode).toBe(404);
    expect((await applicant.get(`/api/v1/rights/cases/${clue.id}`)).statusCode).toBe(404);
    expect((await expert.get(`/api/v1/rights/cases/${clue.id}`)).statusCode).toBe(404);
    expect((await t.anonymous.get(`/api/v1/rights/cases/${clue.id}`)).statusCode).toBe(401);
    expect((await keqiao.get(`/api/v1/rights/cases/${clue.id}/documents/${record.id}`)).statusCode).toBe(404);
    // The supervising city is not a handler: it may not record steps.
    expect(
      (await shanghai.post(`/api/v1/rights/cases/${clue.id}/steps`, { step: 'investigate', completedOn: '2026-09-12' }))
        .statusCode,
    ).toBe(403);
    // A clue that is not a case has no case view.
    const received = await insertCase(t.database.db, {
      jurisdictionCode: '310107',
      handler: 'putuo',
      status: 'received',
    });
    expect((await putuo.get(`/api/v1/rights/cases/${received.id}`)).statusCode).toBe(404);
  });

  it('the 90-day close clock: extension requested by the handler, approved by another officer, once', async () => {
    const clue = await insertCase(t.database.db, {
      jurisdictionCode: '310107',
      handler: 'putuo',
      openedOn: '2026-08-01',
    });
    const view = (await putuo.get(`/api/v1/rights/cases/${clue.id}`)).json();
    // Opened 2026-08-01: due 2026-10-30; the business date is later, so it is overdue.
    expect(view.clock).toMatchObject({ deadline: '2026-10-30', overdue: true });
    const asked = await putuo.post(`/api/v1/rights/cases/${clue.id}/extension`, {
      reason: '需等待司法鉴定意见',
      caseVersion: view.caseVersion,
    });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json().extensionRequest).toMatchObject({ reason: '需等待司法鉴定意见' });
    // The requester cannot approve his own request; another district cannot either; stale version → 409.
    expect(
      (await putuo.post(`/api/v1/rights/cases/${clue.id}/extension/approve`, { caseVersion: asked.json().caseVersion }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await keqiao.post(`/api/v1/rights/cases/${clue.id}/extension/approve`, {
          caseVersion: asked.json().caseVersion,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await shanghai.post(`/api/v1/rights/cases/${clue.id}/extension/approve`, { caseVersion: 1 })).statusCode,
    ).toBe(409);
    const approved = await shanghai.post(`/api/v1/rights/cases/${clue.id}/extension/approve`, {
      caseVersion: asked.json().caseVersion,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().clock).toMatchObject({ deadline: '2026-11-29', extensions: 1 });
    const [row] = await t.database.db.select().from(rightsClues).where(eq(rightsClues.id, clue.id));
    expect(row!.caseDeadline).toBe('2026-11-29');
    const again = await putuo.post(`/api/v1/rights/cases/${clue.id}/extension`, {
      reason: '再次延期',
      caseVersion: approved.json().caseVersion,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('最多延长 1 次');
  });

  it('appraisals with cost, supervision, joint handling, consultations; closing needs the mandatory steps', async () => {
    const clue = await insertCase(t.database.db, { jurisdictionCode: '310107', handler: 'putuo' });
    const url = `/api/v1/rights/cases/${clue.id}`;
    const appraisal = await putuo.post(`${url}/appraisals`, {
      institution: '上海市知识产权司法鉴定所',
      subject: 'non_public',
      matters: '涉案驱动源代码是否不为公众所知悉',
      requestedOn: '2026-09-15',
      cost: 48000,
    });
    expect(appraisal.statusCode, appraisal.body).toBe(200);
    const a = appraisal.json().appraisals[0];
    expect(a).toMatchObject({ cost: 48000, status: 'requested' });
    expect(
      (
        await putuo.post(`${url}/appraisals`, {
          institution: '某所',
          subject: 'loss',
          matters: '评估',
          requestedOn: '2026-09-15',
          cost: -1,
        })
      ).statusCode,
    ).toBe(400);
    const result = await putuo.patch(`${url}/appraisals/${a.id}`, {
      status: 'completed',
      result: '不为公众所知悉',
      completedOn: '2026-10-10',
      version: a.version,
    });
    expect(result.statusCode, result.body).toBe(200);
    expect(result.json().appraisals[0]).toMatchObject({ status: 'completed', result: '不为公众所知悉' });

    // Supervision: the city, not the district; handler reports; the city closes.
    expect(
      (await putuo.post(`${url}/supervisions`, { instructions: '限期查办', dueOn: '2026-12-31' })).statusCode,
    ).toBe(403);
    const sup = await shanghai.post(`${url}/supervisions`, {
      instructions: '列为重点案件，限期查办',
      dueOn: '2026-12-31',
    });
    expect(sup.statusCode, sup.body).toBe(200);
    const s = sup.json().supervisions[0];
    expect(s).toMatchObject({ status: 'open', supervisorName: '上海市' });
    const notes = (await putuo.get('/api/v1/notifications')).json();
    expect(JSON.stringify(notes)).toContain('重点督办');
    const report = await putuo.patch(`${url}/supervisions/${s.id}`, {
      action: 'report',
      text: '已完成调查取证',
      version: s.version,
    });
    expect(report.statusCode, report.body).toBe(200);
    expect(
      (await putuo.patch(`${url}/supervisions/${s.id}`, { action: 'close', text: '办结', version: s.version + 1 }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await shanghai.patch(`${url}/supervisions/${s.id}`, { action: 'close', text: '办结', version: s.version + 1 })
      ).json().supervisions[0].status,
    ).toBe('closed');

    const joint = await shanghai.post(`${url}/joint-bureaus`, {
      jurisdictionCode: '310104',
      task: '协助调取被举报方服务器数据',
    });
    expect(joint.statusCode, joint.body).toBe(200);
    expect(joint.json().jointBureaus[0]).toMatchObject({ name: '徐汇区' });
    expect((await shanghai.post(`${url}/joint-bureaus`, { jurisdictionCode: '330603', task: '越界' })).statusCode).toBe(
      400,
    );
    expect(
      (await putuo.post(`${url}/joint-bureaus`, { jurisdictionCode: '310104', task: '自己拉人' })).statusCode,
    ).toBe(403);

    const consult = await putuo.post(`${url}/consultations`, {
      heldOn: '2026-10-12',
      departments: ['police', 'procuratorate'],
      participants: '普陀分局经侦支队张警官；普陀区检察院李检察官；本局承办人',
      topic: '是否达到刑事追诉标准',
      conclusions: '损失数额尚待评估，先行行政查处',
    });
    expect(consult.statusCode, consult.body).toBe(200);
    expect(consult.json().consultations[0].departments).toEqual(['police', 'procuratorate']);
    expect(
      (
        await keqiao.post(`${url}/consultations`, {
          heldOn: '2026-10-12',
          departments: ['police'],
          participants: '甲',
          topic: '乙',
          conclusions: '丙',
        })
      ).statusCode,
    ).toBe(404);

    const version = consult.json().version;
    const early = await putuo.post(`${url}/close`, { outcome: 'penalised', summary: '罚款', version });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('调查取证');
    for (const step of ['verify', 'open', 'investigate', 'notify', 'decide', 'execute'])
      expect((await putuo.post(`${url}/steps`, { step, completedOn: '2026-10-15' })).statusCode).toBe(200);
    expect((await shanghai.post(`${url}/close`, { outcome: 'penalised', summary: '罚款', version })).statusCode).toBe(
      403,
    );
    expect(
      (await putuo.post(`${url}/close`, { outcome: 'penalised', summary: '罚款', version: version + 5 })).statusCode,
    ).toBe(409);
    const closed = await putuo.post(`${url}/close`, {
      outcome: 'penalised',
      summary: '责令停止违法行为，罚款二十万元',
      version,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', outcome: 'penalised', mayHandle: false });
    expect(closed.json().steps.at(-1)).toMatchObject({ kind: 'close', done: true });
    expect(closed.json().clock.metOn).not.toBeNull();
    expect((await putuo.post(`${url}/steps`, { step: 'hearing', completedOn: '2026-10-15' })).statusCode).toBe(409);
  });
});

describe('typical cases (典型案例)', () => {
  it('written for a closed case, published only by a second officer, then public; search and scope', async () => {
    const open = await insertCase(t.database.db, { jurisdictionCode: '310107', handler: 'putuo' });
    const input = {
      title: '某科技公司前员工披露芯片驱动源代码案',
      summary: '前员工离职后将驱动源代码用于竞争企业，被依法查处。',
      body: '2026年，某区市场监管局接到企业举报……经查，当事人违反保密义务……依法责令停止违法行为并处罚款。',
      significance: '提示企业完善离职人员保密管理。',
      secretCategory: '技术信息',
      industry: '集成电路',
    };
    expect((await putuo.post('/api/v1/rights/typical-cases', { clueId: open.id, ...input })).statusCode).toBe(409);
    const closed = await insertCase(t.database.db, { jurisdictionCode: '310107', handler: 'putuo', status: 'closed' });
    expect((await keqiao.post('/api/v1/rights/typical-cases', { clueId: closed.id, ...input })).statusCode).toBe(404);
    expect((await applicant.post('/api/v1/rights/typical-cases', { clueId: closed.id, ...input })).statusCode).toBe(
      404,
    );
    const created = await putuo.post('/api/v1/rights/typical-cases', { clueId: closed.id, ...input });
    expect(created.statusCode, created.body).toBe(201);
    const tc = created.json();
    expect(tc).toMatchObject({ status: 'draft', title: input.title });
    // Nothing from the confidential file is in the public text.
    expect(JSON.stringify(tc)).not.toContain('华芯');

    expect((await t.anonymous.get(`/api/v1/typical-cases/${tc.id}`)).statusCode).toBe(404);
    const submitted = await putuo.post(`/api/v1/rights/typical-cases/${tc.id}/submit`, { version: tc.version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    // The author cannot approve; another district cannot see it; stale version → 409.
    const self = await putuo.post(`/api/v1/rights/typical-cases/${tc.id}/approve`, {
      version: submitted.json().version,
    });
    expect(self.statusCode).toBe(403);
    expect(self.json().message).toContain('另一名');
    expect(
      (await keqiao.post(`/api/v1/rights/typical-cases/${tc.id}/approve`, { version: submitted.json().version }))
        .statusCode,
    ).toBe(404);
    expect((await shanghai.post(`/api/v1/rights/typical-cases/${tc.id}/approve`, { version: 1 })).statusCode).toBe(409);
    const returned = await shanghai.post(`/api/v1/rights/typical-cases/${tc.id}/return`, {
      reason: '请删去企业可识别信息',
      version: submitted.json().version,
    });
    expect(returned.json()).toMatchObject({ status: 'draft', returnReason: '请删去企业可识别信息' });
    const edited = await putuo.patch(`/api/v1/rights/typical-cases/${tc.id}`, {
      summary: '前员工离职后泄露源代码被查处。',
      version: returned.json().version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(
      (
        await shanghai.patch(`/api/v1/rights/typical-cases/${tc.id}`, {
          title: '改标题',
          version: edited.json().version,
        })
      ).statusCode,
    ).toBe(403);
    const again = await putuo.post(`/api/v1/rights/typical-cases/${tc.id}/submit`, { version: edited.json().version });
    const published = await shanghai.post(`/api/v1/rights/typical-cases/${tc.id}/approve`, {
      version: again.json().version,
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', approverName: '上海市市场监督管理局' });

    const list = await t.anonymous.get('/api/v1/typical-cases?q=源代码');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(tc.id);
    expect((await t.anonymous.get('/api/v1/typical-cases?q=不存在的词')).json().total).toBe(0);
    const detail = await t.anonymous.get(`/api/v1/typical-cases/${tc.id}`);
    expect(detail.json()).toMatchObject({ title: input.title, body: input.body });
    expect(Object.keys(detail.json())).not.toContain('clueId');
    expect(
      (await keqiao.get('/api/v1/rights/typical-cases')).json().items.map((i: { id: string }) => i.id),
    ).not.toContain(tc.id);
    expect((await putuo.get('/api/v1/rights/typical-cases')).json().items.map((i: { id: string }) => i.id)).toContain(
      tc.id,
    );
    expect((await applicant.get('/api/v1/rights/typical-cases')).json().items).toEqual([]);
  });
});

describe('statistics (维权统计)', () => {
  it('counts by source, route, secret, industry, district and month within the caller’s jurisdiction only', async () => {
    await insertCase(t.database.db, {
      jurisdictionCode: '330603',
      handler: 'keqiao',
      secretKinds: ['customer', 'formula'],
      industryCode: '26',
      receivedOn: '2026-07-03',
    });
    await insertCase(t.database.db, {
      jurisdictionCode: '330603',
      handler: 'keqiao',
      status: 'received',
      secretKinds: ['formula'],
      receivedOn: '2026-08-20',
    });
    const k = (await keqiao.get('/api/v1/rights/statistics')).json();
    expect(k.totals.clues).toBe(2);
    expect(k.bySecretKind).toEqual(
      expect.arrayContaining([
        { key: 'formula', label: '原料配方', count: 2 },
        { key: 'customer', label: '客户信息', count: 1 },
      ]),
    );
    expect(k.byDistrict).toEqual([{ key: '330603', label: '柯桥区', count: 2 }]);
    expect(k.byMonth.map((m: { key: string }) => m.key)).toEqual(['2026-07', '2026-08']);
    expect(k.totals.overdueDecisions).toBe(1);
    const sx = (await shaoxing.get('/api/v1/rights/statistics')).json();
    expect(sx.totals.clues).toBe(2);
    const sh = (await shanghai.get('/api/v1/rights/statistics')).json();
    expect(sh.byDistrict.map((d: { key: string }) => d.key)).toEqual(['310107']);
    expect(sh.totals.appraisalCost).toBe(48000);
    expect((await putuo.get('/api/v1/rights/statistics?from=2027-01-01')).json().totals.clues).toBe(0);
    expect((await applicant.get('/api/v1/rights/statistics')).statusCode).toBe(403);
    expect((await t.anonymous.get('/api/v1/rights/statistics')).statusCode).toBe(401);
    expect((await keqiao.get('/api/v1/rights/statistics?from=not-a-date')).statusCode).toBe(400);

    const xlsx = await keqiao.get('/api/v1/rights/statistics/export.xlsx');
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = book.worksheets[0]!.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1).join('|') : ''));
    expect(rows).toContain('汇总|线索总数|2');
    expect(rows).toContain('商业秘密类型|原料配方|2');
    expect((await applicant.get('/api/v1/rights/statistics/export.xlsx')).statusCode).toBe(403);
  });
});
