/**
 * Global setup of the api-postgres project: finds a PostgreSQL server the suite may create databases on, or starts a
 * throwaway cluster from the installed binaries, and hands its URL to the tests (`inject('postgresAdminUrl')`).
 * Each test file creates its own fresh database there (test/helpers/app.ts); teardown drops any this run left behind
 * and stops a throwaway cluster. It never skips: with no server and no binaries it fails saying what to install.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';

async function canCreateDatabases(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const { rows } = await client.query(
      'select rolcreatedb or rolsuper as ok from pg_roles where rolname = current_user',
    );
    return rows[0]?.ok === true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function findPgBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const bin = path.join(root, v, 'bin');
    if (existsSync(path.join(bin, 'pg_ctl')) && existsSync(path.join(bin, 'initdb'))) return bin;
  }
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port')),
      );
    });
  });
}

/** Runs a PostgreSQL binary as the `postgres` system user when we are root (initdb refuses to run as root). */
function runPg(bin: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', bin, ...args], { stdio: 'pipe' });
  else execFileSync(bin, args, { stdio: 'pipe' });
}

async function startThrowawayCluster(): Promise<{ url: string; stop: () => void }> {
  const bin = findPgBin();
  if (!bin) {
    throw new Error(
      'No PostgreSQL server answers at TEST_DATABASE_URL and no PostgreSQL binaries are installed. ' +
        'Install them (apt-get install postgresql) or set TEST_DATABASE_URL to a server where the tests may create databases.',
    );
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'shangmi-pg-'));
  if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  const data = path.join(dir, 'data');
  const port = await freePort();
  runPg(path.join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '--encoding=UTF8',
    '--no-instructions',
  ]);
  runPg(path.join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    path.join(dir, 'log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    '-w',
    'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        runPg(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

async function dropLeftovers(url: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('select datname from pg_database where starts_with(datname, $1)', [prefix]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject) {
  const wanted = process.env.TEST_DATABASE_URL ?? DEFAULT_URL;
  let url = wanted;
  let stop: (() => void) | undefined;
  if (!(await canCreateDatabases(wanted))) {
    console.warn(`[postgres] ${wanted} does not answer (or may not create databases); starting a throwaway cluster`);
    const cluster = await startThrowawayCluster();
    url = cluster.url;
    stop = cluster.stop;
  }
  // Databases of this run share a prefix, so teardown never touches another run's on a shared server.
  const prefix = `shangmi_test_${randomBytes(3).toString('hex')}_`;
  project.provide('postgresAdminUrl', url);
  project.provide('testDatabasePrefix', prefix);
  return async () => {
    await dropLeftovers(url, prefix).catch((error) =>
      console.warn('[postgres] could not drop leftover databases:', error),
    );
    stop?.();
  };
}
