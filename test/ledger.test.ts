// @postgresql-only: ledger entries through the use cases, no concurrency or raw SQL.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from './helpers/app';
import { multipart } from './helpers/multipart';

let t: TestApp;
let putuo: Client;
let applicant: Client;
let unitId: string;
let putuoOfficerId: string;

// A minimal valid PDF and PNG, so the server's content sniffing accepts them.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

beforeAll(async () => {
  t = await buildTestApp();
  putuo = await t.login('putuo');
  applicant = await t.login('applicant1');
  unitId = (await applicant.get('/api/v1/auth/me')).json().user.unitId;
  putuoOfficerId = (await putuo.get('/api/v1/auth/me')).json().user.id;
});
afterAll(async () => {
  await t.close();
});

const training = () => ({
  unitId,
  kind: 'training',
  occurredOn: '2026-06-18',
  title: '商业秘密保护全员培训',
  participants: 86,
  reachPercent: 72.5,
});

describe('ledger', () => {
  it('the unit records a training with an uploaded attachment, and downloads it back', async () => {
    const upload = await applicant.request({
      method: 'POST',
      url: '/api/v1/attachments',
      ...multipart('签到表.pdf', PDF),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    expect(upload.json()).toMatchObject({ mimeType: 'application/pdf', size: PDF.length, fileName: '签到表.pdf' });
    const res = await applicant.post('/api/v1/ledger', {
      ...training(),
      attachments: [{ sha256: upload.json().sha256, fileName: '签到表.pdf' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const entry = res.json();
    expect(entry.attachments).toHaveLength(1);
    const file = await putuo.get(`/api/v1/ledger/${entry.id}/attachments/${entry.attachments[0].id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);
    const other = await t.login('keqiao');
    expect((await other.get(`/api/v1/ledger/${entry.id}/attachments/${entry.attachments[0].id}`)).statusCode).toBe(404);
  });

  it('refuses files whose bytes are not an accepted type, whatever their name says', async () => {
    const res = await applicant.request({
      method: 'POST',
      url: '/api/v1/attachments',
      ...multipart('伪装.pdf', Buffer.from('MZ\x90\x00 not a pdf'), 'application/pdf'),
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().message).toContain('不支持的文件类型');
    const png = await applicant.request({ method: 'POST', url: '/api/v1/attachments', ...multipart('现场.png', PNG) });
    expect(png.statusCode).toBe(201);
  });

  it('refuses an attachment reference that was never uploaded', async () => {
    const res = await applicant.post('/api/v1/ledger', {
      ...training(),
      attachments: [{ sha256: 'a'.repeat(64), fileName: 'x.pdf' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].path).toBe('attachments');
  });

  it("offers as guide candidates the officers of the unit's jurisdiction and above, to its officers only", async () => {
    const res = await putuo.get(`/api/v1/units/${unitId}/guide-candidates`);
    expect(res.statusCode, res.body).toBe(200);
    const names = res.json().items.map((c: { username: string }) => c.username);
    expect(names).toEqual(expect.arrayContaining(['putuo', 'shanghai']));
    expect(names).not.toContain('keqiao');
    expect((await (await t.login('keqiao')).get(`/api/v1/units/${unitId}/guide-candidates`)).statusCode).toBe(404);
    expect((await applicant.get(`/api/v1/units/${unitId}/guide-candidates`)).statusCode).toBe(403);
  });

  it('a guidance visit needs an assigned guide; officers assign guides in their jurisdiction', async () => {
    const visit = { unitId, kind: 'guidance_visit', occurredOn: '2026-05-10', title: '上门指导商业秘密分级管理' };
    const before = await putuo.post('/api/v1/ledger', visit);
    expect(before.statusCode).toBe(400);
    expect(before.json().fields[0]).toMatchObject({
      path: 'guideId',
      message: '该单位尚未指派指导员，无法登记业务指导',
    });
    const shaoxing = await t.login('shaoxing');
    expect((await shaoxing.post(`/api/v1/units/${unitId}/guides`, { guideId: putuoOfficerId })).statusCode).toBe(404);
    expect((await applicant.post(`/api/v1/units/${unitId}/guides`, { guideId: putuoOfficerId })).statusCode).toBe(403);
    const assigned = await putuo.post(`/api/v1/units/${unitId}/guides`, { guideId: putuoOfficerId });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().items.map((g: { id: string }) => g.id)).toEqual([putuoOfficerId]);
    const after = await putuo.post('/api/v1/ledger', visit);
    expect(after.statusCode, after.body).toBe(201);
    expect(after.json()).toMatchObject({ guideId: putuoOfficerId, guideName: '普陀区市场监督管理局' });
  });

  it("a unit can neither record, edit nor make up guidance visits: they are the bureau's record", async () => {
    const visit = { unitId, kind: 'guidance_visit', occurredOn: '2026-05-12', title: '自称的业务指导' };
    const own = await applicant.post('/api/v1/ledger', { ...visit, guideId: putuoOfficerId });
    expect(own.statusCode).toBe(403);
    expect(own.json().message).toBe('业务指导记录由监管部门的指导员登记，申报单位不能登记或修改');

    // A training of its own cannot be turned into a guidance visit either.
    const mine = (await applicant.post('/api/v1/ledger', training())).json();
    const turned = await applicant.patch(`/api/v1/ledger/${mine.id}`, {
      version: mine.version,
      kind: 'guidance_visit',
      guideId: putuoOfficerId,
    });
    expect(turned.statusCode).toBe(403);

    // The guide's own record stays the bureau's: the unit may not edit or re-kind it.
    const recorded = (await putuo.post('/api/v1/ledger', { ...visit, title: '上门指导保密制度建设' })).json();
    expect(recorded.guideId).toBe(putuoOfficerId);
    for (const patch of [{ occurredOn: '2026-05-20' }, { kind: 'training' }]) {
      const edited = await applicant.patch(`/api/v1/ledger/${recorded.id}`, { version: recorded.version, ...patch });
      expect(edited.statusCode).toBe(403);
    }
    const unchanged = (await putuo.get(`/api/v1/ledger?unitId=${unitId}&kind=guidance_visit`)).json();
    expect(unchanged.items.find((e: { id: string }) => e.id === recorded.id)).toMatchObject({
      occurredOn: '2026-05-12',
      version: recorded.version,
    });

    // The officer may turn it into another kind; the guide goes with it.
    const retyped = await putuo.patch(`/api/v1/ledger/${recorded.id}`, { version: recorded.version, kind: 'survey' });
    expect(retyped.statusCode, retyped.body).toBe(200);
    expect(retyped.json().guideId).toBeNull();
  });

  it('lists by scope and filter, edits with version and audit, exports to Excel', async () => {
    const created = (await applicant.post('/api/v1/ledger', { ...training(), title: '新员工入职保密培训' })).json();
    const mine = await applicant.get('/api/v1/ledger?kind=training');
    expect(mine.json().items.every((e: { unitId: string }) => e.unitId === unitId)).toBe(true);
    expect(
      (await (await t.login('keqiao')).get('/api/v1/ledger'))
        .json()
        .items.some((e: { unitId: string }) => e.unitId === unitId),
    ).toBe(false);
    const edited = await putuo.patch(`/api/v1/ledger/${created.id}`, { participants: 90, version: 1 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await putuo.patch(`/api/v1/ledger/${created.id}`, { participants: 91, version: 1 })).statusCode).toBe(409);
    const audit = (await putuo.get(`/api/v1/audit?entityId=${created.id}`)).json().items;
    expect(audit[0]).toMatchObject({
      action: 'ledger.update',
      before: { participants: 86 },
      after: { participants: 90 },
    });
    const xlsx = await putuo.get(`/api/v1/ledger/export.xlsx?unitId=${unitId}`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('台账')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('日期');
    const titles = sheet.getColumn(4).values.slice(2);
    expect(titles).toContain('新员工入职保密培训');
  });

  it('validates dates, percentages and kinds', async () => {
    const res = await applicant.post('/api/v1/ledger', {
      ...training(),
      occurredOn: '2026-13-01',
      reachPercent: 120,
      kind: 'party',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['occurredOn', 'reachPercent', 'kind']),
    );
  });
});
