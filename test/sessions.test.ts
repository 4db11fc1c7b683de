/**
 * Session hardening: the cookie is Secure over HTTPS (as a trusted proxy reports it) or with COOKIE_SECURE; an idle
 * session is refused and its last-seen time is not written on every request; expired and idle sessions are purged.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app';
import { buildTestApp, type TestApp } from './helpers/app';

let t: TestApp;
beforeAll(async () => {
  // These tests age sessions in the table behind the app's back; a cached copy would hide that for a few seconds
  // (the cache and its revocation latency have their own file, session-cache.test.ts).
  t = await buildTestApp({ env: { TRUST_PROXY: '10.0.0.1', SESSION_IDLE_MINUTES: '30', SESSION_CACHE_SECONDS: '0' } });
});
afterAll(async () => {
  await t?.close();
});

const sessionCookie = (res: { cookies: { name: string; value: string; secure?: boolean }[] }) =>
  res.cookies.find((c) => c.name === 'sm_session')!;
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

async function lastSeen(token: string): Promise<Date | null> {
  const result = (await t.database.db.execute(
    sql`select last_seen_at from sessions where id = ${hash(token)}`,
  )) as unknown as { rows: { last_seen_at: Date | string }[] };
  const value = result.rows[0]?.last_seen_at;
  return value ? new Date(value) : null;
}

async function backdate(token: string, seconds: number): Promise<void> {
  await t.database.db.execute(
    sql`update sessions set last_seen_at = now() - make_interval(secs => ${seconds}) where id = ${hash(token)}`,
  );
}

async function login(headers: Record<string, string> = {}, remoteAddress?: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'putuo', password: 'demo1234' },
    headers,
    ...(remoteAddress ? { remoteAddress } : {}),
  });
  expect(res.statusCode).toBe(200);
  return sessionCookie(res);
}

const me = async (token: string) =>
  (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { sm_session: token } })).json().user;

describe('session cookie', () => {
  it('is not Secure over plain HTTP, and a client cannot claim HTTPS with a forged header', async () => {
    expect((await login()).secure).toBeFalsy();
    expect((await login({ 'x-forwarded-proto': 'https' })).secure).toBeFalsy();
  });

  it('is Secure when the trusted proxy says the request came over HTTPS', async () => {
    expect((await login({ 'x-forwarded-proto': 'https', 'x-forwarded-for': '192.0.2.1' }, '10.0.0.1')).secure).toBe(
      true,
    );
  });

  it('is always Secure with COOKIE_SECURE=1', async () => {
    // An instance of the same deployment configured with COOKIE_SECURE=1.
    const secure = await buildApp({
      config: { ...t.config, COOKIE_SECURE: true },
      database: t.database,
      serveWeb: false,
    });
    try {
      const res = await secure.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'putuo', password: 'demo1234' },
      });
      expect(res.statusCode).toBe(200);
      expect(sessionCookie(res).secure).toBe(true);
    } finally {
      await secure.close();
    }
  });
});

describe('idle timeout', () => {
  it('refuses a session unused for longer than SESSION_IDLE_MINUTES', async () => {
    const { value } = await login();
    await backdate(value, 29 * 60);
    expect((await me(value))?.username).toBe('putuo');
    await backdate(value, 31 * 60);
    expect(await me(value)).toBeNull();
  });

  it('moves last-seen forward at most once a minute, not on every request', async () => {
    const { value } = await login();
    await backdate(value, 10);
    const before = await lastSeen(value);
    expect((await me(value))?.username).toBe('putuo');
    expect(await lastSeen(value)).toEqual(before);
    await backdate(value, 120);
    const stale = await lastSeen(value);
    expect((await me(value))?.username).toBe('putuo');
    const touched = await lastSeen(value);
    expect(touched!.getTime()).toBeGreaterThan(stale!.getTime() + 100_000);
  });
});

describe('purge', () => {
  it('an app instance deletes expired and idle sessions when it starts (and then periodically)', async () => {
    const expired = await login();
    const idle = await login();
    const live = await login();
    await t.database.db.execute(
      sql`update sessions set expires_at = now() - interval '1 minute' where id = ${hash(expired.value)}`,
    );
    await backdate(idle.value, 31 * 60);
    const count = async (token: string) => {
      const result = (await t.database.db.execute(
        sql`select count(*)::int as n from sessions where id = ${hash(token)}`,
      )) as unknown as { rows: { n: number }[] };
      return result.rows[0]!.n;
    };
    expect([await count(expired.value), await count(idle.value), await count(live.value)]).toEqual([1, 1, 1]);
    // Another instance on the same database, as a deployment starts one.
    const other = await buildApp({ config: t.config, database: t.database, serveWeb: false });
    await other.ready();
    await other.close();
    expect([await count(expired.value), await count(idle.value), await count(live.value)]).toEqual([0, 0, 1]);
  });
});
