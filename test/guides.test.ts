/**
 * The guides and rules library (issue 13): bureaus publish versioned guides and templates; the public finds and
 * downloads the public ones, every account also the registered-only ones; old versions stay downloadable.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from './helpers/app';
import { pdf, upload } from './helpers/subjects';

let t: TestApp;
let keqiao: Client;
let shaoxing: Client;
let putuo: Client;
let firm: Client;
let publicGuide: { id: string; version: number };
let registeredGuide: { id: string };

const rows = async (table: string) =>
  Number(
    (
      (await t.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as {
        rows: { n: number }[];
      }
    ).rows[0]!.n,
  );

const guide = (file: { sha256: string; fileName: string }, overrides: Record<string, unknown> = {}) => ({
  kind: 'protection_guide',
  industryCode: '17',
  visibility: 'public',
  title: '纺织行业商业秘密保护指引',
  summary: '纺织企业配方、工艺和客户信息的保护要点。',
  body: '一、明确保密范围：染整配方、织造工艺参数、客户名单。二、签订保密协议与竞业限制协议。',
  file,
  ...overrides,
});

beforeAll(async () => {
  t = await buildTestApp();
  keqiao = await t.login('keqiao');
  shaoxing = await t.login('shaoxing');
  putuo = await t.login('putuo');
  firm = await t.login('applicant1');
});
afterAll(async () => {
  await t?.close();
});

describe('guides library', () => {
  it('a bureau publishes public and registered-only documents; refused input stores nothing', async () => {
    const file = await upload(keqiao, '纺织行业商业秘密保护指引.pdf', pdf('guide v1'));
    const before = [await rows('guide_documents'), await rows('guide_versions')];
    const bad = await keqiao.post(
      '/api/v1/guides',
      guide(file, { title: '', industryCode: '99', visibility: 'secret' }),
    );
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['industryCode', 'title', 'visibility']);
    const foreignFile = await upload(firm, '企业文件.pdf', pdf('firm file'));
    const uncitable = await keqiao.post('/api/v1/guides', guide(foreignFile));
    expect(uncitable.statusCode).toBe(400);
    expect(uncitable.json().fields[0].path).toBe('file');
    expect((await firm.post('/api/v1/guides', guide(foreignFile))).statusCode).toBe(403);
    expect((await (await t.login('admin')).post('/api/v1/guides', guide(file))).statusCode).toBe(403);
    expect((await t.anonymous.post('/api/v1/guides', guide(file))).statusCode).toBe(401);
    expect([await rows('guide_documents'), await rows('guide_versions')]).toEqual(before);

    const res = await keqiao.post('/api/v1/guides', guide(file));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      version: 1,
      industryName: expect.stringContaining('纺织'),
      jurisdictionName: expect.any(String),
    });
    publicGuide = res.json();
    const template = await upload(keqiao, '保密协议范本.pdf', pdf('nda template'));
    const registered = await keqiao.post(
      '/api/v1/guides',
      guide(template, {
        kind: 'template_confidentiality',
        industryCode: null,
        visibility: 'registered',
        title: '员工保密协议范本',
        summary: '适用于各类企业的员工保密协议。',
        body: '甲方（用人单位）与乙方（员工）就商业秘密保密义务达成如下协议……',
      }),
    );
    expect(registered.statusCode, registered.body).toBe(201);
    registeredGuide = registered.json();
  });

  it('the public searches title, summary and body of public documents and downloads them', async () => {
    const byBody = (await t.anonymous.get(`/api/v1/public-guides?q=${encodeURIComponent('染整配方')}`)).json();
    expect(byBody.items.map((g: { id: string }) => g.id)).toEqual([publicGuide.id]);
    const byTitle = (await t.anonymous.get(`/api/v1/public-guides?q=${encodeURIComponent('保密协议')}`)).json();
    expect(byTitle.items.map((g: { id: string }) => g.id)).not.toContain(registeredGuide.id);
    expect((await t.anonymous.get(`/api/v1/public-guides?industryCode=17`)).json().total).toBe(1);
    expect((await t.anonymous.get(`/api/v1/public-guides?q=${encodeURIComponent('100%_')}`)).json().total).toBe(0);
    const file = await t.anonymous.get(`/api/v1/public-guides/${publicGuide.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(pdf('guide v1'))).toBe(true);
    expect(file.headers['content-disposition']).toContain('attachment');
  });

  it('registered-only documents reach accounts, never the public', async () => {
    expect((await t.anonymous.get(`/api/v1/public-guides/${registeredGuide.id}`)).statusCode).toBe(404);
    expect((await t.anonymous.get(`/api/v1/public-guides/${registeredGuide.id}/file`)).statusCode).toBe(404);
    expect((await t.anonymous.get('/api/v1/guides')).statusCode).toBe(401);
    expect((await t.anonymous.get(`/api/v1/guides/${registeredGuide.id}`)).statusCode).toBe(401);
    const listed = (await firm.get(`/api/v1/guides?q=${encodeURIComponent('保密协议')}`)).json();
    expect(listed.items.map((g: { id: string }) => g.id)).toContain(registeredGuide.id);
    const file = await firm.get(`/api/v1/guides/${registeredGuide.id}/versions/1/file`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(pdf('nda template'))).toBe(true);
  });

  it('a new version keeps the old one; only the publisher’s bureaus revise; stale revisions are 409', async () => {
    const file = await upload(shaoxing, '纺织行业商业秘密保护指引（2024修订）.pdf', pdf('guide v2'));
    const revision = {
      title: '纺织行业商业秘密保护指引（2024年修订）',
      summary: '增加数码印花工艺数据的保护。',
      body: '新增：数码印花花型数据库的访问控制与日志留存。',
      file,
      changeNote: '增加数码印花内容',
      baseVersion: 1,
    };
    const putuoFile = await upload(putuo, '普陀.pdf', pdf('putuo'));
    expect(
      (await putuo.post(`/api/v1/guides/${publicGuide.id}/versions`, { ...revision, file: putuoFile })).statusCode,
    ).toBe(403);
    expect((await firm.post(`/api/v1/guides/${publicGuide.id}/versions`, revision)).statusCode).toBe(403);
    const before = await rows('guide_versions');
    expect(
      (await shaoxing.post(`/api/v1/guides/${publicGuide.id}/versions`, { ...revision, baseVersion: 7 })).statusCode,
    ).toBe(409);
    expect(
      (await shaoxing.post(`/api/v1/guides/${publicGuide.id}/versions`, { ...revision, body: '' })).statusCode,
    ).toBe(400);
    expect(await rows('guide_versions')).toBe(before);
    const res = await shaoxing.post(`/api/v1/guides/${publicGuide.id}/versions`, revision);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ version: 2, title: revision.title, body: revision.body });
    expect(res.json().versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    // Concurrent editors: the second one, still on version 1, is refused.
    expect(
      (
        await keqiao.post(`/api/v1/guides/${publicGuide.id}/versions`, {
          ...revision,
          file: await upload(keqiao, 'k.pdf', pdf('k')),
        })
      ).statusCode,
    ).toBe(409);
    const current = await t.anonymous.get(`/api/v1/public-guides/${publicGuide.id}/file`);
    expect(current.rawPayload.equals(pdf('guide v2'))).toBe(true);
    const old = await firm.get(`/api/v1/guides/${publicGuide.id}/versions/1/file`);
    expect(old.rawPayload.equals(pdf('guide v1'))).toBe(true);
    expect((await firm.get(`/api/v1/guides/${publicGuide.id}/versions/9/file`)).statusCode).toBe(404);
    // Search reads the current version.
    expect((await t.anonymous.get(`/api/v1/public-guides?q=${encodeURIComponent('数码印花')}`)).json().total).toBe(1);
    // The database keeps versions append-only.
    await expect(t.database.db.execute(sql`update guide_versions set title = 'x'`)).rejects.toThrow();
  });
});
