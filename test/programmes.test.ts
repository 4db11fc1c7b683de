import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProgrammeYaml } from '../src/core/programs/load';
import { openDatabase } from '../src/server/db/client';
import { auditLog, programmes } from '../src/server/db/schema';
import { buildTestApp, type TestApp, testDatabaseKind } from './helpers/app';

let t: TestApp;
const putuoYaml = readFileSync('programs/putuo-2022.yaml', 'utf8');

beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('programmes', () => {
  it('demo mode ships the seed programmes, published, readable by anyone logged in with computed caps', async () => {
    const applicant = await t.login('applicant3');
    const list = (await applicant.get('/api/v1/programs')).json().items;
    expect(list.map((p: { code: string }) => p.code).sort()).toHaveLength(5);
    const shijingshan = list.find((p: { ownerJurisdictionCode: string }) => p.ownerJurisdictionCode === '110107');
    const detail = (await applicant.get(`/api/v1/programs/${shijingshan.id}`)).json();
    const point = detail.kinds.find((k: { category: string }) => k.category === 'point');
    expect(point.rubric).toMatchObject({ form: 'scored', maxTotal: 100, passMark: 80 });
    const putuo = list.find((p: { ownerJurisdictionCode: string }) => p.ownerJurisdictionCode === '310107');
    const putuoDetail = (await applicant.get(`/api/v1/programs/${putuo.id}`)).json();
    const putuoPoint = putuoDetail.kinds.find((k: { category: string }) => k.category === 'point');
    expect(putuoPoint.rubric.bonusGroups[0]).toMatchObject({
      cap: 10,
      itemsTotal: 12,
      effectiveMax: 10,
      exceedsCap: true,
    });
  });

  it('a city officer imports a new draft version, publishes it, and it is then immutable', async () => {
    const shanghai = await t.login('shanghai');
    const imported = await shanghai.post('/api/v1/programs', { yaml: putuoYaml });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toMatchObject({ status: 'draft', version: 2 });
    const id = imported.json().id;
    const edited = imported.json().definition;
    edited.title = `${edited.title}（修订）`;
    expect((await shanghai.patch(`/api/v1/programs/${id}`, { definition: edited })).statusCode).toBe(200);
    const published = await shanghai.post(`/api/v1/programs/${id}/publish`);
    expect(published.statusCode).toBe(200);
    expect((await shanghai.post(`/api/v1/programs/${id}/publish`)).statusCode).toBe(409);
    expect((await shanghai.patch(`/api/v1/programs/${id}`, { definition: edited })).statusCode).toBe(409);
    await expect(
      t.database.db.execute(sql`update programmes set title = 'x' where status = 'published'`),
    ).rejects.toThrow();
    const clone = await shanghai.post(`/api/v1/programs/${id}/clone`);
    expect(clone.json()).toMatchObject({ status: 'draft', version: 3 });
    const exported = await shanghai.get(`/api/v1/programs/${id}/export`);
    expect(exported.body).toContain('（修订）');
  });

  it('refuses an invalid document listing every problem, and stores nothing', async () => {
    const shanghai = await t.login('shanghai');
    const before = (await shanghai.get('/api/v1/programs')).json().items.length;
    const broken = putuoYaml.replace(/^year: .*$/m, 'year: 1800').replace(/^title: .*$/m, 'title: ""');
    const res = await shanghai.post('/api/v1/programs', { yaml: broken });
    expect(res.statusCode).toBe(400);
    const paths = res.json().fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['year', 'title']));
    expect((await shanghai.get('/api/v1/programs')).json().items.length).toBe(before);
  });

  it('a district bureau imports and publishes its own district-level programme, and only that', async () => {
    const putuo = await t.login('putuo');
    const own = await putuo.post('/api/v1/programs', { yaml: putuoYaml });
    expect(own.statusCode, own.body).toBe(201);
    const published = await putuo.post(`/api/v1/programs/${own.json().id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', ownerJurisdictionCode: '310107' });
    const audit = (await putuo.get(`/api/v1/audit?entityId=${own.json().id}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['programme.import', 'programme.publish']),
    );

    // Not another jurisdiction's programme, not the city's, and no city-level kinds in its own.
    const shaoxingYaml = readFileSync('programs/shaoxing-2021.yaml', 'utf8');
    const foreign = await putuo.post('/api/v1/programs', { yaml: shaoxingYaml });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().message).toBe('只能管理本辖区及下级辖区的工作方案');
    const city = await putuo.post('/api/v1/programs', {
      yaml: putuoYaml.replace(/^ownerJurisdiction: .*$/m, "ownerJurisdiction: '310000'"),
    });
    expect(city.statusCode).toBe(403);
    const municipal = await putuo.post('/api/v1/programs', {
      yaml: putuoYaml
        .replace('code: putuo-2022', 'code: putuo-2022-city')
        .replace(/level: district\n/, 'level: municipal\n'),
    });
    expect(municipal.statusCode, municipal.body).toBe(403);
    expect(municipal.json().message).toMatch(/^区县监管部门只能发布区县级工作方案，“.+”的级别为市级$/);
    expect(municipal.json().fields[0].path).toMatch(/^kinds\.\d+\.level$/);
  });

  it('applicants may not manage programmes; drafts stay hidden from other bureaus', async () => {
    const shaoxing = await t.login('shaoxing');
    const draft = (await (await t.login('shanghai')).post('/api/v1/programs', { yaml: putuoYaml })).json();
    expect((await shaoxing.get(`/api/v1/programs/${draft.id}`)).statusCode).toBe(404);
    expect((await shaoxing.post(`/api/v1/programs/${draft.id}/publish`)).statusCode).toBe(403);
    const applicant = await t.login('applicant1');
    expect(
      (await applicant.get('/api/v1/programs')).json().items.every((p: { status: string }) => p.status === 'published'),
    ).toBe(true);
  });

  it('refuses a caller who may not manage the programme before reading the document', async () => {
    // Found by the authorisation matrix: a broken document used to answer 400 with its problems to anyone.
    const broken = { yaml: 'code: broken\n' };
    const applicant = await t.login('applicant1');
    const importing = await applicant.post('/api/v1/programs', broken);
    expect(importing.statusCode, importing.body).toBe(403);
    expect(importing.json()).toEqual({ code: 'forbidden', message: '只有监管部门可以管理工作方案' });
    const draft = (await (await t.login('shanghai')).post('/api/v1/programs', { yaml: putuoYaml })).json();
    const editing = await (await t.login('keqiao')).patch(`/api/v1/programs/${draft.id}`, broken);
    expect(editing.statusCode, editing.body).toBe(403);
    expect((await applicant.patch(`/api/v1/programs/${draft.id}`, broken)).statusCode).toBe(403);
  });
});

describe('programme CLI', () => {
  it('validates a file without a database, listing every problem of a broken one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shangmi-prog-'));
    try {
      const cli = (file: string) =>
        spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'program', 'validate', file], {
          encoding: 'utf8',
        });
      const good = cli('programs/shaoxing-2021.yaml');
      expect(good.status, good.stderr).toBe(0);
      const brokenFile = path.join(dir, 'broken.yaml');
      writeFileSync(brokenFile, putuoYaml.replace(/^year: .*$/m, 'year: 1800').replace(/^title: .*$/m, 'title: ""'));
      const bad = cli(brokenFile);
      expect(bad.status).toBe(1);
      expect(bad.stderr).toMatch(/共 \d+ 处问题/);
      expect(bad.stderr).toContain('year');
      expect(bad.stderr).toContain('title');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // The CLI opens its own embedded database; once is enough (the PostgreSQL project runs the same code).
  it.runIf(testDatabaseKind() === 'pglite')(
    'imports and publishes in one step, audited, exports what it imported, and a broken import leaves nothing',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'shangmi-cli-'));
      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'silent' };
      delete env.DATABASE_URL;
      const cli = (...args: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], { encoding: 'utf8', env });
      try {
        const imported = cli('program', 'import', 'programs/putuo-2022.yaml', '--publish');
        expect(imported.status, imported.stderr).toBe(0);
        expect(imported.stdout).toContain('已导入 putuo-2022 第 1 版并发布');
        const broken = path.join(dir, 'broken.yaml');
        writeFileSync(broken, putuoYaml.replace(/^year: .*$/m, 'year: 1800'));
        expect(cli('program', 'import', broken, '--publish').status).toBe(1);
        const exported = cli('program', 'export', 'putuo-2022');
        expect(exported.status, exported.stderr).toBe(0);
        expect(parseProgrammeYaml(exported.stdout)).toEqual(parseProgrammeYaml(putuoYaml));

        const database = await openDatabase({ dataDir: dir });
        try {
          const rows = await database.db
            .select({ version: programmes.version, status: programmes.status })
            .from(programmes)
            .where(eq(programmes.code, 'putuo-2022'));
          expect(rows).toEqual([{ version: 1, status: 'published' }]);
          const actions = await database.db
            .select({ action: auditLog.action })
            .from(auditLog)
            .where(eq(auditLog.entityType, 'programme'));
          expect(actions.map((a) => a.action).sort()).toEqual(['programme.import', 'programme.publish']);
        } finally {
          await database.close();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
