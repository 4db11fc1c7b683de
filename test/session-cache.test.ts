/**
 * The per-instance session cache (auth/session-cache.ts, SESSION_CACHE_SECONDS): the instance that ends a session or
 * disables an account refuses the very next request; another instance on the same database refuses it once its copy
 * is SESSION_CACHE_SECONDS old — the stated revocation latency. The clock is moved, not waited for. The second
 * instance shares the first one's PostgreSQL database, so that part runs on PostgreSQL only.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildTestApp, type Client, type TestApp, testDatabaseKind } from './helpers/app';

const CACHE_SECONDS = 2;
const env = { SESSION_CACHE_SECONDS: String(CACHE_SECONDS) };

let a: TestApp;
let b: TestApp | null = null;
beforeAll(async () => {
  a = await buildTestApp({ env });
  if (testDatabaseKind() === 'postgres') b = await buildTestApp({ env, sameDatabaseAs: a });
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});
// Date only: the databases, sockets and timers keep real time; the caches read the moved clock.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date() });
});
afterEach(() => {
  vi.useRealTimers();
});

/** The same session's cookie sent to another instance. */
const on = (instance: TestApp, client: Client) => ({
  get: (url: string): Promise<LightMyRequestResponse> =>
    instance.app.inject({ method: 'GET', url, headers: { cookie: client.cookie! } }),
});
const ME = '/api/v1/auth/me';
const PRIVATE = '/api/v1/notifications?pageSize=1';
const passCacheLifetime = () => vi.setSystemTime(Date.now() + CACHE_SECONDS * 1000);

async function disable(admin: Client, username: string) {
  const [target] = (await admin.get(`/api/v1/users?q=${username}`)).json().items;
  const res = await admin.patch(`/api/v1/users/${target.id}`, { disabled: true, version: target.version });
  expect(res.statusCode, res.body).toBe(200);
}

describe('on the instance that made the change', () => {
  it('a logged-out session is refused at the next request, though it was just cached', async () => {
    const putuo = await a.login('putuo');
    expect((await putuo.get(ME)).json().user.username).toBe('putuo');
    expect((await putuo.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await putuo.get(ME)).json().user).toBeNull();
    expect((await putuo.get(PRIVATE)).statusCode).toBe(401);
  });

  it('a disabled account is refused at the next request', async () => {
    const expert = await a.login('expert2');
    expect((await expert.get(PRIVATE)).statusCode).toBe(200);
    await disable(await a.login('admin'), 'expert2');
    expect((await expert.get(PRIVATE)).statusCode).toBe(401);
  });
});

describe.runIf(testDatabaseKind() === 'postgres')('on another instance of the same database', () => {
  it(`a logout on one instance is refused on the other within ${CACHE_SECONDS} s`, async () => {
    const officer = await a.login('keqiao');
    expect((await on(b!, officer).get(ME)).json().user.username).toBe('keqiao');
    expect((await officer.post('/api/v1/auth/logout')).statusCode).toBe(204);
    // The stated latency: the other instance may still honour its copy until it is CACHE_SECONDS old …
    expect((await on(b!, officer).get(ME)).json().user?.username).toBe('keqiao');
    passCacheLifetime();
    // … and not a moment after.
    expect((await on(b!, officer).get(ME)).json().user).toBeNull();
    expect((await on(b!, officer).get(PRIVATE)).statusCode).toBe(401);
  });

  it(`an account disabled on one instance is refused on the other within ${CACHE_SECONDS} s`, async () => {
    const expert = await a.login('expert1');
    expect((await on(b!, expert).get(PRIVATE)).statusCode).toBe(200);
    await disable(await a.login('admin'), 'expert1');
    passCacheLifetime();
    expect((await on(b!, expert).get(PRIVATE)).statusCode).toBe(401);
  });
});
