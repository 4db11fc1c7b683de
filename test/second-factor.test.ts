/**
 * TOTP second factor (RFC 6238) for officers and administrators: enrolment confirmed by a code, the two-step login
 * (password → challenge → code), wrong and replayed codes refused, disable with a code, an administrator's reset
 * (audited), and the secret kept out of answers after enrolment.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../src/server/auth/totp';
import { buildTestApp, type Client, type TestApp } from './helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t?.close();
});

/** The code of the current time step plus `steps` (the server accepts one step either side of now). */
const code = (secret: string, steps = 0) =>
  totpCode(secret, (Math.floor(Date.now() / 30_000) + steps) * 30_000 + 15_000);

const passwordStep = (username: string) => t.anonymous.post('/api/v1/auth/login', { username, password: 'demo1234' });
const codeStep = (challenge: string, value: string) =>
  t.anonymous.post('/api/v1/auth/login/second-factor', { challenge, code: value });

async function enrol(client: Client): Promise<string> {
  const res = await client.post('/api/v1/auth/second-factor/enrolment');
  expect(res.statusCode, res.body).toBe(200);
  const { secret, otpauthUri, qrCode } = res.json();
  expect(otpauthUri).toContain(`secret=${secret}`);
  expect(qrCode).toMatch(/^data:image\/png;base64,/);
  return secret;
}

describe('TOTP second factor', () => {
  it('is offered to officers and administrators, not to applicants or experts', async () => {
    const putuo = await t.login('putuo');
    expect((await putuo.get('/api/v1/auth/second-factor')).json()).toEqual({ available: true, enabled: false });
    for (const name of ['applicant1', 'expert1']) {
      const client = await t.login(name);
      expect((await client.get('/api/v1/auth/second-factor')).json()).toEqual({ available: false, enabled: false });
      expect((await client.post('/api/v1/auth/second-factor/enrolment')).statusCode).toBe(403);
    }
  });

  it('enrols, asks for the code at login, refuses wrong and replayed codes', async () => {
    const putuo = await t.login('putuo');
    const secret = await enrol(putuo);
    // Not active until confirmed: the password alone still logs in.
    expect((await passwordStep('putuo')).json().csrfToken).toBeTruthy();
    const wrong = await putuo.post('/api/v1/auth/second-factor/confirmation', { code: '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields[0].path).toBe('code');
    expect((await putuo.post('/api/v1/auth/second-factor/confirmation', { code: code(secret) })).statusCode).toBe(204);
    expect((await putuo.get('/api/v1/auth/second-factor')).json()).toEqual({ available: true, enabled: true });

    // Password step: no session yet, a challenge.
    const first = await passwordStep('putuo');
    expect(first.statusCode).toBe(200);
    expect(first.cookies.find((c) => c.name === 'sm_session')).toBeUndefined();
    const { challenge, secondFactorRequired } = first.json();
    expect(secondFactorRequired).toBe(true);
    // Without a code, a malformed or a wrong one: refused.
    expect((await t.anonymous.post('/api/v1/auth/login/second-factor', { challenge })).statusCode).toBe(400);
    expect((await codeStep(challenge, '12345')).statusCode).toBe(400);
    const bad = await codeStep(challenge, code(secret, 5));
    expect(bad.statusCode).toBe(401);
    expect(bad.json().message).toContain('验证码错误');
    // The right code opens the session.
    const used = code(secret, 1);
    const good = await codeStep(challenge, used);
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json().user.username).toBe('putuo');
    const cookie = good.cookies.find((c) => c.name === 'sm_session')!;
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { sm_session: cookie.value } });
    expect(me.json().user.username).toBe('putuo');
    // The challenge is spent, and the same code cannot be used again with a new one.
    expect((await codeStep(challenge, used)).statusCode).toBe(401);
    const again = (await passwordStep('putuo')).json().challenge;
    const replay = await codeStep(again, used);
    expect(replay.statusCode).toBe(401);
    // Nothing of the secret in the audit trail.
    const audit = (await t.database.db.execute(
      sql`select count(*)::int as n from audit_log where before::text like ${`%${secret}%`} or after::text like ${`%${secret}%`}`,
    )) as unknown as { rows: { n: number }[] };
    expect(audit.rows[0]!.n).toBe(0);
  });

  it('a challenge accepts five codes, then the password must be given again', async () => {
    const keqiao = await t.login('keqiao');
    const secret = await enrol(keqiao);
    expect((await keqiao.post('/api/v1/auth/second-factor/confirmation', { code: code(secret) })).statusCode).toBe(204);
    const { challenge } = (await passwordStep('keqiao')).json();
    for (let i = 0; i < 5; i++) expect((await codeStep(challenge, code(secret, 5))).statusCode).toBe(401);
    const late = await codeStep(challenge, code(secret, 1));
    expect(late.statusCode).toBe(401);
    expect(late.json().message).toContain('重新输入用户名和密码');
  });

  it('is disabled with a current code, and reset by an administrator (audited)', async () => {
    const admin = await t.login('admin');
    const secret = await enrol(admin);
    expect((await admin.post('/api/v1/auth/second-factor/confirmation', { code: code(secret) })).statusCode).toBe(204);
    expect((await admin.post('/api/v1/auth/second-factor/disable', { code: '000000' })).statusCode).toBe(400);
    expect((await admin.post('/api/v1/auth/second-factor/disable', { code: code(secret, 1) })).statusCode).toBe(204);
    expect((await passwordStep('admin')).json().csrfToken).toBeTruthy();

    // Shaoxing enrols and loses the phone; only the administrator resets it.
    const shaoxing = await t.login('shaoxing');
    const lost = await enrol(shaoxing);
    expect((await shaoxing.post('/api/v1/auth/second-factor/confirmation', { code: code(lost) })).statusCode).toBe(204);
    expect((await passwordStep('shaoxing')).json().secondFactorRequired).toBe(true);
    const users = (await admin.get('/api/v1/users?q=shaoxing')).json().items as { id: string; username: string }[];
    const id = users.find((u) => u.username === 'shaoxing')!.id;
    expect((await shaoxing.request({ method: 'DELETE', url: `/api/v1/users/${id}/second-factor` })).statusCode).toBe(
      403,
    );
    expect((await admin.request({ method: 'DELETE', url: `/api/v1/users/${id}/second-factor` })).statusCode).toBe(204);
    expect((await passwordStep('shaoxing')).json().csrfToken).toBeTruthy();
    const audit = await admin.get(`/api/v1/audit?entityId=${id}`);
    expect(audit.json().items.map((e: { action: string }) => e.action)).toContain('auth.second_factor_reset');
    expect((await admin.request({ method: 'DELETE', url: `/api/v1/users/${id}/second-factor` })).statusCode).toBe(409);
  });
});
