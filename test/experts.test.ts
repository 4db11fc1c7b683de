// @postgresql-only: the expert pool through the use cases, no concurrency or raw SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from './helpers/app';

let t: TestApp;
let admin: Client;
let putuo: Client;
let shanghai: Client;
let shaoxing: Client;

interface Expert {
  id: string;
  name: string;
  username: string | null;
  jurisdictionCode: string;
  version: number;
  manageable: boolean;
}
const names = (items: Expert[]) => items.map((e) => e.name).sort();

/** A login with the role expert, created by the administrator. */
async function expertAccount(username: string): Promise<{ id: string; client: () => Promise<Client> }> {
  const res = await admin.post('/api/v1/users', {
    username,
    displayName: `${username} 专家`,
    password: 'expert-1234',
    role: 'expert',
  });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id, client: () => t.login(username, 'expert-1234') };
}

async function unitIdByName(client: Client, name: string): Promise<string> {
  const res = await client.get(`/api/v1/units?q=${encodeURIComponent(name)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items[0].id;
}

beforeAll(async () => {
  t = await buildTestApp();
  admin = await t.login('admin');
  putuo = await t.login('putuo');
  shanghai = await t.login('shanghai');
  shaoxing = await t.login('shaoxing');
});
afterAll(async () => {
  await t.close();
});

describe('expert registry', () => {
  it('seeds the demo experts in the national registry, linked to their accounts', async () => {
    const res = await admin.get('/api/v1/experts');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Expert[];
    expect(names(items)).toEqual(['刘鉴真', '王立法', '陈信安']);
    expect(items.map((e) => e.username).sort()).toEqual(['expert1', 'expert2', 'expert3']);
    expect(items.every((e) => e.manageable)).toBe(true);

    const me = await (await t.login('expert2')).get('/api/v1/experts/me');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ name: '陈信安', field: 'it', industries: ['64', '65'] });
  });

  it('officers see their own registry, those above and those below; only their own and below are editable', async () => {
    const created = await putuo.post('/api/v1/experts', {
      name: '周明律',
      affiliation: '上海明德律师事务所',
      field: 'law',
      industries: ['65', '72'],
      phone: '021-62001234',
      email: 'zhou@example.cn',
      background: '曾任上海某软件公司法务总监（2015—2019）',
      jurisdictionCode: '310107',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ jurisdictionName: '普陀区', manageable: true, userId: null, version: 1 });

    // Putuo sees its own and the national registry's; it may edit only its own.
    const putuoView = (await putuo.get('/api/v1/experts')).json().items as Expert[];
    expect(names(putuoView)).toEqual(['刘鉴真', '周明律', '王立法', '陈信安']);
    expect(putuoView.find((e) => e.name === '王立法')!.manageable).toBe(false);
    expect(putuoView.find((e) => e.name === '周明律')!.manageable).toBe(true);
    // Shanghai sees Putuo's expert below it; Shaoxing sees only the national registry's.
    expect(names((await shanghai.get('/api/v1/experts')).json().items)).toContain('周明律');
    expect(names((await shaoxing.get('/api/v1/experts')).json().items)).toEqual(['刘鉴真', '王立法', '陈信安']);
    expect((await shaoxing.get(`/api/v1/experts/${created.json().id}`)).statusCode).toBe(404);
    expect((await admin.get('/api/v1/experts')).json().total).toBeGreaterThanOrEqual(4);

    // A district cannot edit a registry above it, nor create in another registry.
    const cityExpert = putuoView.find((e) => e.name === '王立法')!;
    const denied = await putuo.patch(`/api/v1/experts/${cityExpert.id}`, {
      version: cityExpert.version,
      phone: '021-1',
    });
    expect(denied.statusCode).toBe(403);
    const elsewhere = await putuo.post('/api/v1/experts', {
      name: '越某',
      affiliation: '绍兴文理学院',
      field: 'industry',
      jurisdictionCode: '330600',
    });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().message).toContain('本辖区或下级辖区');
  });

  it('filters by field, industry and text', async () => {
    const byField = (await shanghai.get('/api/v1/experts?field=forensics')).json().items as Expert[];
    expect(names(byField)).toEqual(['刘鉴真']);
    const byIndustry = (await shanghai.get('/api/v1/experts?industry=65')).json().items as Expert[];
    expect(names(byIndustry)).toEqual(['周明律', '陈信安']);
    const byText = (await shanghai.get(`/api/v1/experts?q=${encodeURIComponent('法务总监')}`)).json().items as Expert[];
    expect(names(byText)).toEqual(['周明律']);
    const bad = await shanghai.get('/api/v1/experts?industry=00');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation_failed');
  });

  it('refuses bad input with Chinese field messages', async () => {
    const res = await putuo.post('/api/v1/experts', {
      name: '',
      affiliation: '某单位',
      field: 'astrology',
      industries: ['65', '65', '99'],
      email: 'not-an-email',
      jurisdictionCode: '310107',
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('validation_failed');
    const paths = body.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'field', 'email']));
    expect(body.fields.some((f: { path: string }) => f.path.startsWith('industries'))).toBe(true);
    expect(body.message).toMatch(/[\u4e00-\u9fa5]/);

    const unknownJurisdiction = await admin.post('/api/v1/experts', {
      name: '某专家',
      affiliation: '某单位',
      field: 'it',
      jurisdictionCode: '999999',
    });
    expect(unknownJurisdiction.statusCode).toBe(400);
    expect(unknownJurisdiction.json().fields[0].path).toBe('jurisdictionCode');
  });

  it('links a login only if it has the role expert, once', async () => {
    const applicantId = (await (await t.login('applicant1')).get('/api/v1/auth/me')).json().user.id;
    const wrongRole = await putuo.post('/api/v1/experts', {
      name: '钱某',
      affiliation: '某大学',
      field: 'law',
      jurisdictionCode: '310107',
      userId: applicantId,
    });
    expect(wrongRole.statusCode).toBe(400);
    expect(wrongRole.json().fields[0]).toEqual({ path: 'userId', message: '只能关联角色为“专家”的账号' });

    const account = await expertAccount('expert-qian');
    const linked = await putuo.post('/api/v1/experts', {
      name: '钱学鉴',
      affiliation: '上海某司法鉴定所',
      field: 'forensics',
      jurisdictionCode: '310107',
      userId: account.id,
    });
    expect(linked.statusCode, linked.body).toBe(201);
    const twice = await putuo.post('/api/v1/experts', {
      name: '钱学鉴（重复）',
      affiliation: '上海某司法鉴定所',
      field: 'forensics',
      jurisdictionCode: '310107',
      userId: account.id,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toBe('该专家账号已关联其他专家');
    const me = await (await account.client()).get('/api/v1/experts/me');
    expect(me.json().name).toBe('钱学鉴');
  });

  it('edits with the version read; a stale version is a 409', async () => {
    const list = (await putuo.get(`/api/v1/experts?q=${encodeURIComponent('周明律')}`)).json().items as Expert[];
    const expert = list[0]!;
    const first = await putuo.patch(`/api/v1/experts/${expert.id}`, {
      version: expert.version,
      affiliation: '上海明德律师事务所（合伙人）',
      industries: ['65'],
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ version: expert.version + 1, industries: ['65'] });
    const stale = await putuo.patch(`/api/v1/experts/${expert.id}`, { version: expert.version, phone: '021-5' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toContain('已被他人修改');

    const audit = (await admin.get(`/api/v1/audit?entityType=expert&entityId=${expert.id}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['expert.create', 'expert.update']),
    );
  });

  it('applicants and experts do not browse the registry', async () => {
    expect((await (await t.login('applicant1')).get('/api/v1/experts')).statusCode).toBe(403);
    expect((await (await t.login('expert1')).get('/api/v1/experts')).statusCode).toBe(403);
    expect((await (await t.login('applicant1')).post('/api/v1/experts', {})).statusCode).toBe(400);
    const res = await (await t.login('applicant1')).post('/api/v1/experts', {
      name: '某',
      affiliation: '某',
      field: 'law',
      jurisdictionCode: '310107',
    });
    expect(res.statusCode).toBe(403);
    expect((await t.anonymous.get('/api/v1/experts')).statusCode).toBe(401);
  });
});

describe('conflicts of interest', () => {
  it('an expert declares on its own record; an officer over the unit confirms or dismisses it, once', async () => {
    const expert1 = await t.login('expert1');
    const me = (await expert1.get('/api/v1/experts/me')).json() as Expert;
    const unitId = await unitIdByName(putuo, '上海云衡软件科技有限公司');

    const declared = await expert1.post(`/api/v1/experts/${me.id}/conflicts`, {
      unitId,
      kind: 'former_employment',
      note: '2018—2020 年曾任该公司法律顾问',
    });
    expect(declared.statusCode, declared.body).toBe(201);
    expect(declared.json()).toMatchObject({
      status: 'declared',
      kind: 'former_employment',
      unitName: '上海云衡软件科技有限公司',
    });
    const again = await expert1.post(`/api/v1/experts/${me.id}/conflicts`, { unitId, kind: 'former_employment' });
    expect(again.statusCode).toBe(409);

    // Not on someone else's record.
    const other = (await (await t.login('expert2')).get('/api/v1/experts/me')).json() as Expert;
    expect(
      (await expert1.post(`/api/v1/experts/${other.id}/conflicts`, { unitId, kind: 'declared_other' })).statusCode,
    ).toBe(404);

    const conflictId = declared.json().id;
    // Another bureau does not see it; an expert cannot decide it.
    expect((await shaoxing.post(`/api/v1/conflicts/${conflictId}/decision`, { status: 'confirmed' })).statusCode).toBe(
      404,
    );
    expect((await expert1.post(`/api/v1/conflicts/${conflictId}/decision`, { status: 'dismissed' })).statusCode).toBe(
      403,
    );
    expect((await putuo.post(`/api/v1/conflicts/${conflictId}/decision`, { status: 'declared' })).statusCode).toBe(400);

    const pending = (await putuo.get('/api/v1/conflicts?status=declared')).json();
    expect(pending.items.map((c: { id: string }) => c.id)).toContain(conflictId);
    expect((await shaoxing.get('/api/v1/conflicts')).json().total).toBe(0);

    const decided = await putuo.post(`/api/v1/conflicts/${conflictId}/decision`, { status: 'confirmed' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'confirmed', decidedByName: '普陀区市场监督管理局' });
    const twice = await putuo.post(`/api/v1/conflicts/${conflictId}/decision`, { status: 'dismissed' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toContain('已处理');

    const mine = (await expert1.get(`/api/v1/experts/${me.id}/conflicts`)).json();
    expect(mine.items).toHaveLength(1);
    expect((await putuo.get(`/api/v1/experts/${me.id}/conflicts`)).json().total).toBe(1);
    // Shaoxing sees the national expert but not its conflicts with Putuo's units.
    expect((await shaoxing.get(`/api/v1/experts/${me.id}/conflicts`)).json().total).toBe(0);
  });

  it('an officer declares only for units of its jurisdiction; applicants only about experts on their panels', async () => {
    const expert3 = (await (await t.login('expert3')).get('/api/v1/experts/me')).json() as Expert;
    const keqiaoUnit = await unitIdByName(shaoxing, '绍兴柯桥锦程纺织印染有限公司');
    const outside = await putuo.post(`/api/v1/experts/${expert3.id}/conflicts`, {
      unitId: keqiaoUnit,
      kind: 'declared_other',
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().fields[0].path).toBe('unitId');

    const applicant = await t.login('applicant1');
    const applicantUnit = (await applicant.get('/api/v1/auth/me')).json().user.unitId;
    const notOnPanel = await applicant.post(`/api/v1/experts/${expert3.id}/conflicts`, {
      unitId: applicantUnit,
      kind: 'declared_other',
    });
    expect(notOnPanel.statusCode).toBe(404);
  });
});
