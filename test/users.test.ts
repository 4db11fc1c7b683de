// @postgresql-only: account administration through the use cases, no concurrency or raw SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('user administration', () => {
  it('admin creates an officer bound to a jurisdiction, who can then log in', async () => {
    const admin = await t.login('admin');
    const res = await admin.post('/api/v1/users', {
      username: 'yuecheng',
      displayName: '越城区市场监督管理局',
      password: 'officer-123',
      role: 'officer',
      jurisdictionCode: '330602',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).not.toHaveProperty('passwordHash');
    const officer = await t.login('yuecheng', 'officer-123');
    expect((await officer.get('/api/v1/auth/me')).json().user.jurisdictionCode).toBe('330602');
  });

  it('requires the binding of the role and refuses duplicate usernames', async () => {
    const admin = await t.login('admin');
    const unbound = await admin.post('/api/v1/users', {
      username: 'loose',
      displayName: '无辖区',
      password: 'officer-123',
      role: 'officer',
    });
    expect(unbound.statusCode).toBe(400);
    expect(unbound.json().fields[0].path).toBe('jurisdictionCode');
    const dup = await admin.post('/api/v1/users', {
      username: 'putuo',
      displayName: '重复',
      password: 'officer-123',
      role: 'expert',
    });
    expect(dup.statusCode).toBe(409);
  });

  it('disabling an account ends its sessions and blocks login', async () => {
    const admin = await t.login('admin');
    const expert = await t.login('expert3');
    const list = (await admin.get('/api/v1/users?q=expert3')).json().items;
    const target = list[0];
    const res = await admin.patch(`/api/v1/users/${target.id}`, { disabled: true, version: target.version });
    expect(res.statusCode, res.body).toBe(200);
    expect((await expert.get('/api/v1/auth/me')).json().user).toBeNull();
    const login = await t.anonymous.post('/api/v1/auth/login', { username: 'expert3', password: 'demo1234' });
    expect(login.statusCode).toBe(403);
  });

  it('only admins manage users', async () => {
    for (const who of ['putuo', 'shanghai', 'applicant1', 'expert1']) {
      const client = await t.login(who);
      expect((await client.get('/api/v1/users')).statusCode).toBe(403);
      expect(
        (
          await client.post('/api/v1/users', {
            username: 'x-y-z',
            displayName: 'x',
            password: 'password-1',
            role: 'expert',
          })
        ).statusCode,
      ).toBe(403);
    }
  });
});

describe('jurisdictions', () => {
  it('lists the seed places in tree order, public', async () => {
    const res = await t.anonymous.get('/api/v1/jurisdictions');
    const items = res.json().items as { code: string; name: string; path: string }[];
    const byCode = new Map(items.map((j) => [j.code, j]));
    expect(byCode.get('310107')?.path).toBe('000000.310000.310107.');
    expect(byCode.get('330603')?.name).toBe('柯桥区');
    expect(byCode.get('420104')?.name).toBe('硚口区');
    expect(byCode.get('110107')?.name).toBe('石景山区');
    expect(items.some((j) => j.name === '东湖新技术开发区')).toBe(true);
  });

  it('admins add a jurisdiction under a parent; others may not', async () => {
    const admin = await t.login('admin');
    const res = await admin.post('/api/v1/jurisdictions', {
      code: '330699',
      name: '绍兴滨海新区',
      level: 'functional_zone',
      parentCode: '330600',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().path).toBe('000000.330000.330600.330699.');
    const shaoxing = await t.login('shaoxing');
    expect((await shaoxing.get('/api/v1/units?jurisdictionCode=330699')).statusCode).toBe(200);
    const putuo = await t.login('putuo');
    expect(
      (
        await putuo.post('/api/v1/jurisdictions', {
          code: '310199',
          name: 'x',
          level: 'district',
          parentCode: '310000',
        })
      ).statusCode,
    ).toBe(403);
    const wrongLevel = await admin.post('/api/v1/jurisdictions', {
      code: '330698',
      name: '错误层级',
      level: 'provincial',
      parentCode: '330600',
    });
    expect(wrongLevel.statusCode).toBe(400);
  });
});
