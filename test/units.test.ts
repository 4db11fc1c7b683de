import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers/app';
import { buildUnit, makeCreditCode, withWrongCheckChar } from './helpers/factories';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

async function anyUnitIn(jurisdictionCode: string) {
  const admin = await t.login('admin');
  const res = await admin.get(`/api/v1/units?jurisdictionCode=${jurisdictionCode}&pageSize=200`);
  expect(res.statusCode).toBe(200);
  const items = res.json().items as { id: string; name: string; jurisdictionCode: string }[];
  expect(items.length).toBeGreaterThan(0);
  return items;
}

describe('units: registration', () => {
  it('an officer registers a unit in its district, with contacts, and it appears in its list', async () => {
    const putuo = await t.login('putuo');
    const input = buildUnit();
    const res = await putuo.post('/api/v1/units', input);
    expect(res.statusCode, res.body).toBe(201);
    const { unit, warnings } = res.json();
    expect(unit).toMatchObject({
      name: input.name,
      creditCode: input.creditCode,
      jurisdictionName: '普陀区',
      version: 1,
    });
    expect(unit.contacts).toHaveLength(2);
    expect(warnings).toEqual([]);
    const list = await putuo.get(`/api/v1/units?q=${encodeURIComponent(input.name)}`);
    expect(list.json().items.map((u: { id: string }) => u.id)).toContain(unit.id);
  });

  it('refuses a wrong check character, naming the field and the expected character', async () => {
    const putuo = await t.login('putuo');
    const good = makeCreditCode();
    const res = await putuo.post('/api/v1/units', buildUnit({ creditCode: withWrongCheckChar(good) }));
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('validation_failed');
    expect(body.fields).toContainEqual({ path: 'creditCode', message: `统一社会信用代码校验位错误，应为 ${good[17]}` });
  });

  it('refuses a duplicate credit code with 409 and keeps the first unit intact', async () => {
    const putuo = await t.login('putuo');
    const input = buildUnit();
    const first = await putuo.post('/api/v1/units', input);
    expect(first.statusCode).toBe(201);
    const again = await putuo.post('/api/v1/units', { ...buildUnit(), creditCode: input.creditCode });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'duplicate', fields: [{ path: 'creditCode' }] });
    const stored = await putuo.get(`/api/v1/units/${first.json().unit.id}`);
    expect(stored.json().name).toBe(input.name);
  });

  it('warns, but saves, when the credit code names an unknown region', async () => {
    const putuo = await t.login('putuo');
    const res = await putuo.post('/api/v1/units', buildUnit({ creditCode: makeCreditCode('999999') }));
    expect(res.statusCode).toBe(201);
    expect(res.json().warnings[0]).toMatchObject({ path: 'creditCode' });
  });

  it('validates postcode, industry and references', async () => {
    const putuo = await t.login('putuo');
    const bad = await putuo.post('/api/v1/units', buildUnit({ postcode: '20033', industryCode: 'ZZ' }));
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['postcode', 'industryCode']));
    const noPark = await putuo.post('/api/v1/units', buildUnit({ parkId: '00000000-0000-4000-8000-000000000000' }));
    expect(noPark.statusCode).toBe(400);
    expect(noPark.json().fields[0].path).toBe('parkId');
  });

  it('an enterprise may sit in a park; an association lists its members', async () => {
    const putuo = await t.login('putuo');
    const park = (
      await putuo.post('/api/v1/units', buildUnit({ kind: 'park', name: '普陀测试科技园', industryCode: '72' }))
    ).json().unit;
    const firm = (await putuo.post('/api/v1/units', buildUnit({ parkId: park.id }))).json().unit;
    expect(firm.park).toEqual({ id: park.id, name: '普陀测试科技园' });
    const association = await putuo.post(
      '/api/v1/units',
      buildUnit({
        kind: 'association',
        name: '普陀测试行业协会',
        creditCode: makeCreditCode('310107', '51'),
        industryCode: '94',
        memberIds: [firm.id],
      }),
    );
    expect(association.statusCode, association.body).toBe(201);
    expect(association.json().unit.members.map((m: { id: string }) => m.id)).toEqual([firm.id]);
    const parkDetail = await putuo.get(`/api/v1/units/${park.id}`);
    expect(parkDetail.json().parkTenants.map((u: { id: string }) => u.id)).toContain(firm.id);
    const notAssociation = await putuo.post('/api/v1/units', buildUnit({ memberIds: [firm.id] }));
    expect(notAssociation.statusCode).toBe(400);
  });
});

describe('units: who sees what', () => {
  it('a Putuo officer neither lists nor reads Shaoxing units, nor registers one there', async () => {
    const putuo = await t.login('putuo');
    const shaoxingUnits = await anyUnitIn('330600');
    const list = await putuo.get('/api/v1/units?pageSize=200');
    const ids = list.json().items.map((u: { id: string }) => u.id);
    for (const u of shaoxingUnits) expect(ids).not.toContain(u.id);
    expect(list.json().items.every((u: { jurisdictionCode: string }) => u.jurisdictionCode === '310107')).toBe(true);
    const filtered = await putuo.get('/api/v1/units?jurisdictionCode=330603');
    expect(filtered.json()).toEqual({ items: [], total: 0 });
    const read = await putuo.get(`/api/v1/units/${shaoxingUnits[0]!.id}`);
    expect(read.statusCode).toBe(404);
    const create = await putuo.post('/api/v1/units', buildUnit({ jurisdictionCode: '330603' }));
    expect(create.statusCode).toBe(403);
    const patch = await putuo.patch(`/api/v1/units/${shaoxingUnits[0]!.id}`, { name: '篡改', version: 1 });
    expect(patch.statusCode).toBe(404);
  });

  it('a city officer sees its whole subtree; the Shanghai officer sees Putuo', async () => {
    const shaoxing = await t.login('shaoxing');
    const keqiaoUnits = await anyUnitIn('330603');
    const res = await shaoxing.get(`/api/v1/units/${keqiaoUnits[0]!.id}`);
    expect(res.statusCode).toBe(200);
    const shanghai = await t.login('shanghai');
    const putuoUnits = await anyUnitIn('310107');
    expect((await shanghai.get(`/api/v1/units/${putuoUnits[0]!.id}`)).statusCode).toBe(200);
  });

  it('an applicant reads and edits only its own unit', async () => {
    const applicant = await t.login('applicant1');
    const me = (await applicant.get('/api/v1/auth/me')).json().user;
    const list = await applicant.get('/api/v1/units');
    expect(list.json().items.map((u: { id: string }) => u.id)).toEqual([me.unitId]);
    const own = await applicant.get(`/api/v1/units/${me.unitId}`);
    expect(own.statusCode).toBe(200);
    const other = (await anyUnitIn('310107')).find((u) => u.id !== me.unitId)!;
    expect((await applicant.get(`/api/v1/units/${other.id}`)).statusCode).toBe(404);
    expect((await applicant.post('/api/v1/units', buildUnit())).statusCode).toBe(403);
    const edit = await applicant.patch(`/api/v1/units/${me.unitId}`, { staffCount: 321, version: own.json().version });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json().unit.staffCount).toBe(321);
  });

  it('an expert sees no units yet (an empty list) and cannot open one', async () => {
    const expert = await t.login('expert1');
    const res = await expert.get('/api/v1/units');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [], total: 0 });
    const someUnit = (await anyUnitIn('310107'))[0]!;
    expect((await expert.get(`/api/v1/units/${someUnit.id}`)).statusCode).toBe(404);
  });

  it('anonymous callers get 401', async () => {
    expect((await t.anonymous.get('/api/v1/units')).statusCode).toBe(401);
    expect((await t.anonymous.post('/api/v1/units', buildUnit())).statusCode).toBe(401);
    expect((await t.anonymous.get('/api/v1/audit')).statusCode).toBe(401);
  });
});

describe('units: editing', () => {
  it('a stale version gets 409 and the newer change is kept', async () => {
    const putuo = await t.login('putuo');
    const unit = (await putuo.post('/api/v1/units', buildUnit())).json().unit;
    const first = await putuo.patch(`/api/v1/units/${unit.id}`, { name: '第一次修改', version: 1 });
    expect(first.statusCode).toBe(200);
    expect(first.json().unit.version).toBe(2);
    const stale = await putuo.patch(`/api/v1/units/${unit.id}`, { name: '过期修改', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect((await putuo.get(`/api/v1/units/${unit.id}`)).json().name).toBe('第一次修改');
  });

  it('of two concurrent edits of the same version, one wins and the other gets 409', async () => {
    const putuo = await t.login('putuo');
    const unit = (await putuo.post('/api/v1/units', buildUnit())).json().unit;
    const results = await Promise.all([
      putuo.patch(`/api/v1/units/${unit.id}`, { name: '并发修改甲', version: 1 }),
      putuo.patch(`/api/v1/units/${unit.id}`, { name: '并发修改乙', version: 1 }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it('replaces contacts when they are sent', async () => {
    const putuo = await t.login('putuo');
    const unit = (await putuo.post('/api/v1/units', buildUnit())).json().unit;
    const res = await putuo.patch(`/api/v1/units/${unit.id}`, {
      version: 1,
      contacts: [{ role: 'liaison', name: '赵敏', officePhone: '021-62005678' }],
    });
    expect(res.json().unit.contacts).toMatchObject([{ role: 'liaison', name: '赵敏' }]);
  });
});
