/**
 * Two app processes on one PostgreSQL serve the same logged-in user: sessions live in the database.
 * PostgreSQL only (PGlite is a single-process embedded database).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, testDatabaseKind } from './helpers/app';

const onPostgres = testDatabaseKind() === 'postgres';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function startInstance(databaseUrl: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      SEED_DEMO: '1',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`instance exited: ${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill();
  throw new Error(`instance did not start: ${output}`);
}

describe.runIf(onPostgres)('several app instances on one PostgreSQL', () => {
  const children: ChildProcess[] = [];
  let drop: () => Promise<void> = async () => {};
  let ports: number[] = [];

  beforeAll(async () => {
    const db = await createPostgresDatabase();
    drop = db.drop;
    ports = [await freePort(), await freePort()];
    // Started together: migrations and demo seeding must serialise between them.
    children.push(...(await Promise.all(ports.map((p) => startInstance(db.url, p)))));
  }, 120_000);

  afterAll(async () => {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
    await drop();
  });

  it('a session opened on one instance is honoured by the other, including CSRF and logout', async () => {
    const [a, b] = ports.map((p) => `http://127.0.0.1:${p}/api/v1`);
    const login = await fetch(`${a}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'putuo', password: 'demo1234' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const me = await fetch(`${b}/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { username: string } }).user.username).toBe('putuo');
    const logout = await fetch(`${b}/auth/logout`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(logout.status).toBe(204);
    expect(
      ((await (await fetch(`${a}/auth/me`, { headers: { cookie } })).json()) as { user: unknown }).user,
    ).toBeNull();
  });
});
