/** A database for one benchmark: embedded PGlite in memory, or a new database on the PostgreSQL server, dropped after. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../src/server/db/client';

const POSTGRES_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function openBenchDatabase(
  kind: 'pglite' | 'postgres',
): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (kind === 'pglite') return { database: await openDatabase({ dataDir: 'memory://' }), drop: async () => {} };
  const { url, drop } = await createPostgresBenchDatabase();
  return { database: await openDatabase({ databaseUrl: url, dataDir: 'unused' }), drop };
}

/** An empty database on the PostgreSQL server, for servers the benchmark starts itself; `drop` removes it. */
export async function createPostgresBenchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `shangmi_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: POSTGRES_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
