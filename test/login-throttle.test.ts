/**
 * Login throttles (auth/throttle.ts): counted in the database per client IP, per account and globally, so neither a
 * forged X-Forwarded-For, nor spreading guesses over accounts or over instances, escapes them; TRUST_PROXY decides
 * whose forwarded address is believed.
 */
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../src/server/app';
import { buildTestApp, type TestApp, testDatabaseKind } from './helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({
    env: { LOGIN_RATE_LIMIT_PER_MINUTE: '4', LOGIN_FAILURES_PER_ACCOUNT: '3', TRUST_PROXY: '10.0.0.0/8' },
  });
});
afterAll(async () => {
  await t?.close();
});

type Injector = { inject(options: InjectOptions): ReturnType<TestApp['app']['inject']> };
const attempt = (app: Injector, username: string, password: string, extra: Partial<InjectOptions> = {}) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, ...extra });

async function lastLoginIp(username: string): Promise<string | null> {
  const result = (await t.database.db.execute(
    sql`select a.ip from audit_log a join users u on u.id = a.actor_id
        where a.action = 'auth.login' and u.username = ${username} order by a.id desc limit 1`,
  )) as unknown as { rows: { ip: string | null }[] };
  return result.rows[0]?.ip ?? null;
}

// Each test uses its own client addresses and accounts, so their counts stay apart.
describe('login throttles', () => {
  // The per-IP limit is a fixed one-minute window: on a slow machine a test's attempts could straddle a minute's end
  // and be counted in two windows. The clock is held at the start of a minute (only Date; timers run as usual).
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Math.floor(Date.now() / 60_000) * 60_000 + 1_000);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a forged X-Forwarded-For neither resets the per-IP count nor reaches the audit trail', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await attempt(t.app, `nobody-a${i}`, 'wrong-pass', {
        remoteAddress: '198.51.100.1',
        headers: { 'x-forwarded-for': `203.0.113.${i}` },
      });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 401, 429, 429]);
    // From another client address (its own count), with a forged header: the audit records the socket's address.
    const ok = await attempt(t.app, 'putuo', 'demo1234', {
      remoteAddress: '198.51.100.2',
      headers: { 'x-forwarded-for': '203.0.113.99' },
    });
    expect(ok.statusCode).toBe(200);
    expect(await lastLoginIp('putuo')).toBe('198.51.100.2');
  });

  it('with TRUST_PROXY the proxy-forwarded address is the client: its own count, and what the audit records', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await attempt(t.app, `nobody-b${i}`, 'wrong-pass', {
        remoteAddress: '10.1.2.3',
        headers: { 'x-forwarded-for': `192.0.2.${i}` },
      });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 401, 401, 401]);
    const ok = await attempt(t.app, 'putuo', 'demo1234', {
      remoteAddress: '10.1.2.3',
      headers: { 'x-forwarded-for': '192.0.2.44' },
    });
    expect(ok.statusCode).toBe(200);
    expect(await lastLoginIp('putuo')).toBe('192.0.2.44');
  });

  it('spraying one password over many accounts from one IP is stopped', async () => {
    const codes: number[] = [];
    for (const name of ['putuo', 'shanghai', 'shaoxing', 'keqiao', 'wuhan', 'hongshan', 'shijingshan', 'admin']) {
      codes.push((await attempt(t.app, name, 'Password1', { remoteAddress: '198.51.100.20' })).statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 401, 429, 429, 429, 429]);
  });

  it('guesses at one account from many IPs are stopped, and the right password is then refused too', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      codes.push((await attempt(t.app, 'expert1', 'guess', { remoteAddress: `198.51.100.${30 + i}` })).statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 429]);
    const right = await attempt(t.app, 'expert1', 'demo1234', { remoteAddress: '198.51.100.40' });
    expect(right.statusCode).toBe(429);
    expect(right.json().retryAfterSeconds).toBeGreaterThan(0);
    expect(Number(right.headers['retry-after'])).toBe(right.json().retryAfterSeconds);
    // Other accounts are not locked, and successful logins do not count as failures.
    for (let i = 0; i < 5; i++) {
      const res = await attempt(t.app, 'expert2', 'demo1234', { remoteAddress: `198.51.100.${50 + i}` });
      expect(res.statusCode).toBe(200);
    }
  });
});

describe('login throttles across instances', () => {
  it('two app instances on one database share the per-IP and the global counts', async () => {
    const env = { LOGIN_RATE_LIMIT_PER_MINUTE: '4', LOGIN_FAILURES_GLOBAL: '8' };
    const first = await buildTestApp({ seed: false, env });
    const closers: (() => Promise<unknown>)[] = [() => first.close()];
    try {
      let second: Injector;
      if (testDatabaseKind() === 'postgres') {
        const other = await buildTestApp({ sameDatabaseAs: first, env });
        closers.unshift(() => other.close());
        second = other.app;
      } else {
        // PGlite is one process's database: a second app on the same database object.
        const other = await buildApp({ config: first.config, database: first.database, serveWeb: false });
        await other.ready();
        closers.unshift(() => other.close());
        second = other;
      }
      const app = (i: number) => (i % 2 ? second : first.app);
      const perIp: number[] = [];
      for (let i = 0; i < 6; i++) perIp.push((await attempt(app(i), 'someone', 'wrong-pass')).statusCode);
      expect(perIp).toEqual([401, 401, 401, 401, 429, 429]);
      // Six failures counted globally so far; from fresh addresses and accounts the brake allows two more.
      const global: number[] = [];
      for (let i = 0; i < 4; i++) {
        global.push((await attempt(app(i), `user${i}`, 'guess', { remoteAddress: `198.51.100.${60 + i}` })).statusCode);
      }
      expect(global).toEqual([401, 401, 429, 429]);
      expect((await attempt(first.app, 'user9', 'guess', { remoteAddress: '198.51.100.99' })).json()).toMatchObject({
        code: 'rate_limited',
        message: expect.stringMatching(/^请求过于频繁，请在 \d+ (秒|分钟)后再试$/),
      });
    } finally {
      for (const close of closers) await close();
    }
  }, 120_000);
});
