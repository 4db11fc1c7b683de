/**
 * The real server as a child process (`node --import tsx src/server/main.ts`, as in production), for tests of what
 * only a process shows: signals, kill -9, a crash on an unhandled error. It listens on a port of its own choosing
 * (PORT=0) and is ready when it prints its address; `prepareDatabase` migrates and seeds the demo accounts
 * beforehand in this process, so a start does not pay for the showcase demo.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../src/server/db/client';
import { seedDemo, seedJurisdictions, seedProgrammes } from '../../src/server/demo/seed';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const START_TIMEOUT_MS = 90_000;

export interface DatabaseTarget {
  /** PostgreSQL URL, or undefined for PGlite under `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  keyDir: string;
}

export interface ServerProcess {
  child: ChildProcess;
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  /** Exit code and signal, once it exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

/** Migrates and seeds the demo accounts and programmes, then closes the database again. */
export async function prepareDatabase(target: DatabaseTarget): Promise<void> {
  const database = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir, poolSize: 2 });
  try {
    await seedJurisdictions(database.db);
    await seedDemo(database.db);
    await seedProgrammes(database.db);
  } finally {
    await database.close();
  }
}

export async function startServer(target: DatabaseTarget, env: Record<string, string> = {}): Promise<ServerProcess> {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: target.dataDir,
    EVIDENCE_KEY_DIR: target.keyDir,
    SEED_DEMO: '0',
    LOG_LEVEL: 'warn',
    EVIDENCE_BATCH_INTERVAL_MS: '20',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    ...env,
  };
  if (target.databaseUrl) childEnv.DATABASE_URL = target.databaseUrl;
  else delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within ${START_TIMEOUT_MS / 1000} s:\n${log}`));
    }, START_TIMEOUT_MS);
    const keep = (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-50_000);
      // main.ts prints its address once it listens.
      const started = /已启动: (http:\/\/[^\s/]+)/.exec(log);
      if (started) {
        clearTimeout(timer);
        resolve(started[1]!);
      }
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code ?? signal}) before it was ready:\n${log}`));
    });
  });
  return { child, url, exited, output: () => log };
}

/** A logged-in HTTP client of a server process, surviving its restarts (sessions live in the database). */
export class HttpClient {
  private cookie = '';
  private csrfToken = '';

  constructor(public baseUrl: string) {}

  async login(username: string, password: string): Promise<this> {
    const res = await fetch(`${this.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    this.cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    this.csrfToken = ((await res.json()) as { csrfToken: string }).csrfToken;
    return this;
  }

  /** Sends a request; the status, Retry-After and parsed JSON body (null if none). Rejects if no answer came. */
  async send(
    method: string,
    url: string,
    body?: unknown,
  ): Promise<{ status: number; retryAfter: string | null; body: Record<string, unknown> | null }> {
    const res = await fetch(`${this.baseUrl}${url}`, {
      method,
      headers: {
        cookie: this.cookie,
        'x-csrf-token': this.csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return {
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
    };
  }
}
