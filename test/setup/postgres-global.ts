/**
 * Global setup of the api-postgres project: finds a PostgreSQL server the suite may create databases on, or starts a
 * throwaway cluster from the installed binaries, and hands its URL to the tests (`inject('postgresAdminUrl')`).
 * Each test file creates its own fresh database there (test/helpers/app.ts); teardown drops any this run left behind
 * and stops a throwaway cluster. It never skips: with no server and no binaries it fails saying what to install.
 *
 * - `TEST_DATABASE_URL` unset: uses postgres://postgres@127.0.0.1:5432/test, else falls back to a throwaway cluster.
 * - `TEST_DATABASE_URL` set: uses that server and fails if it does not work, unless `TEST_DATABASE_FALLBACK=1`.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/server/db/client';
import { seedTestData, type TestDataKind } from '../helpers/seed-data';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';
const INSTALL_HINT =
  'Install the PostgreSQL server (Debian/Ubuntu: apt-get install postgresql; `npm test` does this itself when run as ' +
  'root), or set TEST_DATABASE_URL to a server where the tests may create databases.';

const log = (message: string) => console.log(`[postgres] ${message}`);

/** The URL without its password, for messages. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

/** Connects, creates and drops a probe database. Returns null when all of that works, else what went wrong. */
async function probe(url: string, probeName: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    return `no connection (${reason(error)})`;
  }
  try {
    await client.query(`CREATE DATABASE "${probeName}"`);
    await client.query(`DROP DATABASE "${probeName}" WITH (FORCE)`);
    return null;
  } catch (error) {
    return `connected, but cannot CREATE DATABASE (${reason(error)})`;
  } finally {
    await client.end().catch(() => {});
  }
}

function reason(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return reason(error.errors[0]);
  if (error instanceof Error) return error.message || (error as NodeJS.ErrnoException).code || error.name;
  return String(error);
}

// ---- throwaway cluster ---------------------------------------------------------------------------------------------

/** The bin directory of the newest installed PostgreSQL with initdb and pg_ctl (Debian layout, then PATH). */
function findPgBin(): string | null {
  const has = (dir: string) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'));
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
    for (const v of versions) if (has(path.join(root, v, 'bin'))) return path.join(root, v, 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir && has(dir)) return dir;
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

const isRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL binary; as root, as the `postgres` system user, since initdb and postgres refuse to run as root. */
function runPg(file: string, args: string[], timeout = 120_000): string {
  const [cmd, cmdArgs] = isRoot() ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  try {
    return execFileSync(cmd as string, cmdArgs as string[], { stdio: 'pipe', timeout, encoding: 'utf8' });
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${path.basename(file)} failed: ${(e.stderr || e.stdout || e.message).trim()}`);
  }
}

/** A fresh temp directory the cluster's owner may write to (as root: chowned to `postgres`). */
function makeClusterDir(): string {
  if (!isRoot()) return mkdtempSync(path.join(tmpdir(), 'shangmi-pg-'));
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
  } catch {
    throw new Error(
      'Running as root, a throwaway PostgreSQL cluster must run as the `postgres` system user, which does not exist. ' +
        INSTALL_HINT,
    );
  }
  // os.tmpdir() may lie under a directory `postgres` cannot enter (e.g. TMPDIR=/root/tmp); /tmp always works.
  for (const base of [...new Set([tmpdir(), '/tmp'])]) {
    const dir = mkdtempSync(path.join(base, 'shangmi-pg-'));
    execFileSync('chown', ['postgres:postgres', dir]);
    try {
      execFileSync('runuser', ['-u', 'postgres', '--', 'test', '-w', dir], { stdio: 'ignore' });
      return dir;
    } catch {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  throw new Error('No temp directory the `postgres` user can write to');
}

interface Cluster {
  url: string;
  dir: string;
  stop(): void;
}

async function startThrowawayCluster(): Promise<Cluster> {
  const bin = findPgBin();
  if (!bin)
    throw new Error('No PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql/*/bin or on PATH.');
  const started = Date.now();
  const dir = makeClusterDir();
  const data = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  const pgCtl = path.join(bin, 'pg_ctl');
  let running = false;
  const stop = () => {
    if (running) {
      running = false;
      try {
        runPg(pgCtl, ['-D', data, '-m', 'immediate', '-w', '-t', '30', 'stop'], 60_000);
      } catch (error) {
        console.warn(`[postgres] could not stop the throwaway cluster in ${dir}:`, error);
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // If Vitest exits without running the teardown, still stop the cluster rather than leave a postmaster behind.
  process.once('exit', stop);

  try {
    const initdb = ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync'];
    try {
      runPg(path.join(bin, 'initdb'), [...initdb, '--locale=C.UTF-8']); // what the machines' own clusters use
    } catch {
      rmSync(data, { recursive: true, force: true });
      runPg(path.join(bin, 'initdb'), [...initdb, '--no-locale']); // systems without a C.UTF-8 locale
    }
    // A port could be taken between choosing and binding it: try a few.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const options = [
        `-p ${port}`,
        `-k '${dir}'`,
        '-c listen_addresses=127.0.0.1',
        // Durability is pointless for a throwaway cluster; these make it much faster.
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        '-c max_connections=200',
      ].join(' ');
      try {
        runPg(pgCtl, ['-D', data, '-l', logFile, '-o', options, '-w', '-t', '60', 'start']);
        running = true;
        const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        log(`throwaway cluster (${bin}) ready at ${url} in ${seconds} s; data in ${dir}`);
        return {
          url,
          dir,
          stop: () => {
            process.removeListener('exit', stop);
            stop();
          },
        };
      } catch (error) {
        if (attempt >= 3) {
          const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n') : '';
          throw new Error(`${(error as Error).message}\n${tail}`);
        }
      }
    }
  } catch (error) {
    process.removeListener('exit', stop);
    stop();
    throw new Error(`Could not start a throwaway PostgreSQL cluster: ${(error as Error).message}`);
  }
}

// ---- setup / teardown ----------------------------------------------------------------------------------------------

async function dropDatabasesOfRun(url: string, prefix: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => {});
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      'select datname from pg_database where starts_with(datname, $1)',
      [prefix],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    return rows.length;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Two template databases, migrated and seeded once per run: one with the demo data and the seed programmes, one with
 * only the jurisdictions. Each test file's database is a copy of one (`CREATE DATABASE … TEMPLATE`, see
 * test/helpers/app.ts) instead of being migrated and seeded again; the migrations and seeds still run here every run.
 */
async function createTemplates(url: string, prefix: string): Promise<Record<TestDataKind, string>> {
  const templates: Record<TestDataKind, string> = {
    seeded: `${prefix}template_seeded`,
    bare: `${prefix}template_bare`,
  };
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    for (const [kind, name] of Object.entries(templates) as [TestDataKind, string][]) {
      await admin.query(`CREATE DATABASE "${name}"`);
      const target = new URL(url);
      target.pathname = `/${name}`;
      const database = await openDatabase({ databaseUrl: target.toString(), dataDir: 'memory://', poolSize: 2 });
      try {
        await seedTestData(database.db, kind);
      } finally {
        await database.close();
      }
    }
  } finally {
    await admin.end();
  }
  return templates;
}

export default async function setup(project: TestProject) {
  const explicit = process.env.TEST_DATABASE_URL?.trim() || undefined;
  const wanted = explicit ?? DEFAULT_URL;
  const mayFallBack = !explicit || process.env.TEST_DATABASE_FALLBACK === '1';
  // Databases of this run share a prefix, so teardown never touches another run's on a shared server.
  const prefix = `shangmi_test_${randomBytes(4).toString('hex')}_`;

  let url = wanted;
  let cluster: Cluster | undefined;
  const problem = await probe(wanted, `${prefix}probe`);
  if (problem === null) {
    log(`using ${redact(wanted)}`);
  } else if (!mayFallBack) {
    throw new Error(
      `TEST_DATABASE_URL=${redact(wanted)} cannot be used for the tests: ${problem}. Fix or unset it, ` +
        'or set TEST_DATABASE_FALLBACK=1 to start a throwaway cluster from the installed PostgreSQL binaries instead.',
    );
  } else {
    log(`${redact(wanted)}: ${problem}; starting a throwaway cluster from the installed binaries`);
    try {
      cluster = await startThrowawayCluster();
    } catch (error) {
      throw new Error(
        `No usable PostgreSQL server for the api-postgres tests: ${redact(wanted)}: ${problem}. ` +
          `${(error as Error).message} ${INSTALL_HINT}`,
      );
    }
    url = cluster.url;
    const again = await probe(url, `${prefix}probe`);
    if (again !== null) {
      cluster.stop();
      throw new Error(`The throwaway PostgreSQL cluster does not work: ${again}`);
    }
  }

  project.provide('postgresAdminUrl', url);
  project.provide('testDatabasePrefix', prefix);
  project.provide('postgresTemplates', await createTemplates(url, prefix));

  return async () => {
    if (cluster) {
      cluster.stop();
      log('throwaway cluster stopped and removed');
      return;
    }
    try {
      const dropped = await dropDatabasesOfRun(url, prefix);
      if (dropped > 0) log(`dropped ${dropped} leftover test database(s) of this run`);
    } catch (error) {
      console.warn(`[postgres] could not drop this run's leftover databases (${prefix}*):`, error);
    }
  };
}
