/**
 * Builds a fresh app for one API test file: a new in-memory PGlite (TEST_DB=pglite) or a new database on the
 * PostgreSQL server that test/setup/postgres-global.ts prepared (TEST_DB=postgres), migrated and seeded with the
 * demo data, plus helpers to log in as a demo account and send requests with its cookie and CSRF token.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../../src/server/app';
import { type Config, loadConfig } from '../../src/server/config';
import { type Database, openDatabase } from '../../src/server/db/client';
import { seedCaseGuides } from '../../src/server/demo/rights-cases';
import { DEMO_PASSWORD, seedDemo, seedJurisdictions, seedProgrammes } from '../../src/server/demo/seed';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection URL of a PostgreSQL server on which tests may create and drop databases. */
    postgresAdminUrl: string;
    /** Name prefix of this run's test databases. */
    testDatabasePrefix: string;
  }
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  /** Log in as a demo account; returns a client bound to that session. */
  login(username: string, password?: string): Promise<Client>;
  /** A client with no session. */
  anonymous: Client;
  close(): Promise<void>;
}

export interface Client {
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  cookie: string | null;
  csrfToken: string | null;
}

export function testDatabaseKind(): 'pglite' | 'postgres' {
  return process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

/** Creates a new empty database on the test server and returns its URL and a function that drops it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = inject('postgresAdminUrl');
  const name = `${inject('testDatabasePrefix')}${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function buildTestApp(
  options: {
    seed?: boolean;
    env?: Record<string, string>;
    sameDatabaseAs?: TestApp;
    pgliteDataDir?: string;
    webDist?: string;
  } = {},
): Promise<TestApp> {
  let dropDatabase: (() => Promise<void>) | undefined;
  let databaseUrl: string | undefined;
  if (options.sameDatabaseAs) {
    // A second app instance on the first one's PostgreSQL database and key files (PostgreSQL only).
    databaseUrl = options.sameDatabaseAs.config.DATABASE_URL;
    if (!databaseUrl) throw new Error('sameDatabaseAs needs TEST_DB=postgres');
  } else if (testDatabaseKind() === 'postgres') {
    const created = await createPostgresDatabase();
    databaseUrl = created.url;
    dropDatabase = created.drop;
  }
  const keyDir = options.sameDatabaseAs?.config.evidenceKeyDir ?? mkdtempSync(path.join(tmpdir(), 'shangmi-keys-'));
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    EVIDENCE_KEY_DIR: keyDir,
    EVIDENCE_BATCH_INTERVAL_MS: '20',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...options.env,
  });
  const database = await openDatabase({
    databaseUrl,
    dataDir: databaseUrl ? 'memory://' : (options.pgliteDataDir ?? 'memory://'),
    poolSize: 4,
  });
  await seedJurisdictions(database.db);
  if (options.seed !== false && !options.sameDatabaseAs) {
    await seedDemo(database.db);
    await seedProgrammes(database.db);
    await seedCaseGuides(database.db);
  }
  // The web app only when a test brings its own build folder (dist/web may be absent or mid-rebuild).
  const app = options.webDist
    ? await buildApp({ config, database, webDist: options.webDist })
    : await buildApp({ config, database, serveWeb: false });
  await app.ready();

  const makeClient = (cookie: string | null, csrfToken: string | null): Client => {
    const request = (opts: InjectOptions): Promise<LightMyRequestResponse> =>
      app.inject({
        ...opts,
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
          ...opts.headers,
        },
      });
    return {
      cookie,
      csrfToken,
      request,
      get: (url) => request({ method: 'GET', url }),
      post: (url, payload) => request({ method: 'POST', url, payload: payload as InjectOptions['payload'] }),
      patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] }),
    };
  };

  return {
    app,
    database,
    config,
    anonymous: makeClient(null, null),
    async login(username, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      return makeClient(cookie, res.json().csrfToken);
    },
    async close() {
      await app.close();
      await database.close();
      await dropDatabase?.();
      if (!options.sameDatabaseAs) rmSync(keyDir, { recursive: true, force: true });
    },
  };
}
