// @postgresql-only: login, logout and CSRF through the use cases; the throttle and sessions have files on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers/app';
import { buildUnit, makeCreditCode } from './helpers/factories';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('auth', () => {
  it('logs in with an HttpOnly SameSite session cookie and answers /me', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'putuo', password: 'demo1234' },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'sm_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(res.json().user).toMatchObject({ username: 'putuo', role: 'officer', jurisdictionCode: '310107' });
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { sm_session: cookie.value } });
    expect(me.json().user.username).toBe('putuo');
  });

  it('refuses a wrong password and an unknown user with the same message', async () => {
    const wrong = await t.anonymous.post('/api/v1/auth/login', { username: 'putuo', password: 'nope-nope' });
    const unknown = await t.anonymous.post('/api/v1/auth/login', { username: 'nobody', password: 'nope-nope' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe(unknown.json().message);
  });

  it('refuses state changes without the session CSRF token', async () => {
    const putuo = await t.login('putuo');
    const res = await putuo.request({
      method: 'POST',
      url: '/api/v1/units',
      payload: buildUnit(),
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_failed');
  });

  it('logout ends the session', async () => {
    const putuo = await t.login('putuo');
    expect((await putuo.post('/api/v1/auth/logout')).statusCode).toBe(204);
    const me = await putuo.get('/api/v1/auth/me');
    // Anonymous is a normal state of the session probe: 200 with no user, so public pages log no error.
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({ user: null, csrfToken: null });
  });

  it('rate-limits login attempts', async () => {
    const limited = await buildTestApp({ seed: false, env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        codes.push(
          (await limited.anonymous.post('/api/v1/auth/login', { username: 'someone', password: 'wrong-pass' }))
            .statusCode,
        );
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
      const last = await limited.anonymous.post('/api/v1/auth/login', { username: 'someone', password: 'wrong-pass' });
      expect(last.json()).toMatchObject({ code: 'rate_limited' });
      // When to try again: the header in seconds, the message in words.
      const retryAfter = Number(last.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(last.json().retryAfterSeconds).toBe(retryAfter);
      expect(last.json().message).toBe(`请求过于频繁，请在 ${retryAfter} 秒后再试`);
    } finally {
      await limited.close();
    }
    // It opens an app of its own.
  }, 120_000);

  it('self-registration creates the unit and its applicant account together, under an assigned login name', async () => {
    const unit = buildUnit({ jurisdictionCode: '330603', creditCode: makeCreditCode('330603'), postcode: '312030' });
    const res = await t.anonymous.post('/api/v1/auth/register', {
      username: 'newfirm',
      password: 'secret-123',
      displayName: '新企业联系人',
      unit,
    });
    expect(res.statusCode, res.body).toBe(201);
    const username = res.json().username;
    expect(username).toMatch(/^newfirm-[a-z2-9]{4}$/);
    const client = await t.login(username, 'secret-123');
    const me = (await client.get('/api/v1/auth/me')).json().user;
    expect(me).toMatchObject({ role: 'applicant', unitId: res.json().unitId });
    const keqiao = await t.login('keqiao');
    const list = await keqiao.get(`/api/v1/units?q=${encodeURIComponent(unit.name)}`);
    expect(list.json().total).toBe(1);
  });

  it('registration answers the same whether the chosen username is taken or not (no account enumeration)', async () => {
    const register = (username: string) =>
      t.anonymous.post('/api/v1/auth/register', {
        username,
        password: 'secret-123',
        displayName: '联系人',
        unit: buildUnit({ jurisdictionCode: '330603', creditCode: makeCreditCode('330603') }),
      });
    // `putuo` is an existing officer account, `freshname` exists nowhere: both answers have the same shape.
    const taken = await register('putuo');
    const free = await register('freshname');
    expect([taken.statusCode, free.statusCode]).toEqual([201, 201]);
    expect(Object.keys(taken.json()).sort()).toEqual(Object.keys(free.json()).sort());
    expect(taken.json().username).toMatch(/^putuo-[a-z2-9]{4}$/);
    expect(free.json().username).toMatch(/^freshname-[a-z2-9]{4}$/);
    // Registering a name and logging in with it tells nothing either: the chosen name is never the login name.
    const probe = await t.anonymous.post('/api/v1/auth/login', { username: 'freshname', password: 'secret-123' });
    expect(probe.statusCode).toBe(401);
    // The officer's account is untouched.
    expect((await t.login('putuo')).csrfToken).toBeTruthy();
  });
});

describe('bad input is 4xx JSON, never 5xx', () => {
  it('malformed JSON', async () => {
    const putuo = await t.login('putuo');
    const res = await putuo.request({
      method: 'POST',
      url: '/api/v1/units',
      payload: '{"name":',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
  });

  it('wrong types and unknown fields', async () => {
    const putuo = await t.login('putuo');
    const wrongType = await putuo.post('/api/v1/units', { ...buildUnit(), staffCount: 'many' });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().fields[0].path).toBe('staffCount');
    const unknown = await putuo.post('/api/v1/units', { ...buildUnit(), isAdmin: true });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('isAdmin');
    const badQuery = await putuo.get('/api/v1/units?page=0&foo=1');
    expect(badQuery.statusCode).toBe(400);
    const badId = await putuo.get('/api/v1/units/not-a-uuid');
    expect(badId.statusCode).toBe(400);
  });

  it('oversize bodies', async () => {
    const putuo = await t.login('putuo');
    const res = await putuo.post('/api/v1/units', { ...buildUnit(), name: 'x'.repeat(2 * 1024 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('payload_too_large');
  });

  it('unknown API paths', async () => {
    const res = await t.anonymous.get('/api/v1/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
  });
});

describe('OpenAPI', () => {
  it('serves an OpenAPI 3.1 document with the routes and the Swagger UI', async () => {
    const res = await t.anonymous.get('/api/v1/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/v1/auth/login',
      '/api/v1/units',
      '/api/v1/units/{id}',
      '/api/v1/audit',
      '/api/v1/health',
      '/api/v1/jurisdictions',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect((await t.anonymous.get('/api/docs/')).statusCode).toBe(200);
  });
});
