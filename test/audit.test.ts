import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers/app';
import { buildUnit, makeCreditCode } from './helpers/factories';

let t: TestApp;
// db.execute's result type is driver-specific; both drivers return { rows }.
const countRows = (result: unknown) => Number(((result as { rows: { n: number }[] }).rows[0] as { n: number }).n);
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('audit trail', () => {
  it('records who changed what, from where, with before and after', async () => {
    const putuo = await t.login('putuo');
    const unit = (await putuo.post('/api/v1/units', buildUnit())).json().unit;
    await putuo.patch(`/api/v1/units/${unit.id}`, { staffCount: 999, version: 1 });
    const res = await putuo.get(`/api/v1/audit?entityType=unit&entityId=${unit.id}`);
    expect(res.statusCode).toBe(200);
    const [update, create] = res.json().items;
    expect(create).toMatchObject({
      action: 'unit.create',
      ip: '127.0.0.1',
      actorName: expect.stringContaining('putuo'),
    });
    expect(update).toMatchObject({ action: 'unit.update', before: { staffCount: 120 }, after: { staffCount: 999 } });
  });

  it('a failed change writes no audit entry (same transaction)', async () => {
    const putuo = await t.login('putuo');
    const input = buildUnit();
    await putuo.post('/api/v1/units', input);
    const count = async () => countRows(await t.database.db.execute(sql`select count(*)::int as n from audit_log`));
    const before = await count();
    const dup = await putuo.post('/api/v1/units', { ...buildUnit(), creditCode: input.creditCode });
    expect(dup.statusCode).toBe(409);
    expect(await count()).toBe(before);
  });

  it('officers read only their subtree; applicants and experts cannot read it', async () => {
    const keqiao = await t.login('keqiao');
    const keqiaoUnit = (
      await keqiao.post(
        '/api/v1/units',
        buildUnit({ jurisdictionCode: '330603', creditCode: makeCreditCode('330603') }),
      )
    ).json().unit;
    const putuo = await t.login('putuo');
    const putuoView = await putuo.get(`/api/v1/audit?entityId=${keqiaoUnit.id}`);
    expect(putuoView.json().total).toBe(0);
    const shaoxing = await t.login('shaoxing');
    expect((await shaoxing.get(`/api/v1/audit?entityId=${keqiaoUnit.id}`)).json().total).toBe(1);
    expect((await (await t.login('applicant1')).get('/api/v1/audit')).statusCode).toBe(403);
    expect((await (await t.login('expert1')).get('/api/v1/audit')).statusCode).toBe(403);
  });

  it('the database refuses UPDATE, DELETE and TRUNCATE of the trail', async () => {
    const db = t.database.db;
    await expect(db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_log`)).rejects.toThrow();
    const n = countRows(await db.execute(sql`select count(*)::int as n from audit_log`));
    expect(n).toBeGreaterThan(0);
  });
});
