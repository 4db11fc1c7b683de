/**
 * Opens the database: embedded PGlite (default, data under DATA_DIR) or a PostgreSQL server (DATABASE_URL), applies
 * the migrations in drizzle/ and returns one Drizzle handle typed the same for both.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { projectPath } from '../paths';
import * as schema from './schema';

export type Schema = typeof schema;
// biome-ignore lint/suspicious/noExplicitAny: the relations config type parameter is not used by our queries
export type Db = PgDatabase<PgQueryResultHKT, Schema, any>;
// biome-ignore lint/suspicious/noExplicitAny: same as above
export type Tx = PgTransaction<PgQueryResultHKT, Schema, any>;
/** Either the database or an open transaction: what domain functions take to read and write. */
export type Executor = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Tag of the newest migration applied, e.g. "0001_audit_append_only". */
  migration: string;
  /**
   * Runs `work` while holding a lock named `name` that every instance on the same database respects (a session-level
   * PostgreSQL advisory lock on a connection of its own), so start-up work such as migrations or demo seeding runs
   * once even when instances start together. PGlite serves one process, so there it simply runs `work`.
   */
  exclusive<T>(name: string, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = projectPath('drizzle');

/** The newest migration tag, from drizzle's journal. */
function latestMigrationTag(): string {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  return journal.entries.at(-1)?.tag ?? 'none';
}

export interface DatabaseOptions {
  /** postgres:// URL; when absent PGlite is used. */
  databaseUrl?: string;
  /** PGlite data folder; 'memory://' keeps it in memory (tests). */
  dataDir: string;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const migration = latestMigrationTag();
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle connection dropped by the server (restart, admin termination) must not crash the process; the pool
    // replaces it on the next query.
    pool.on('error', (error) => console.warn(`PostgreSQL connection lost: ${error.message}`));
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    const exclusive = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
      const lockClient = await pool.connect();
      try {
        await lockClient.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
        return await work();
      } finally {
        await lockClient.query('SELECT pg_advisory_unlock(hashtext($1))', [name]).catch(() => {});
        lockClient.release();
      }
    };
    // Several app instances may start at once on one server: only one migrates at a time.
    await exclusive('shangmi:migrate', () =>
      migratePg(drizzlePg(pool, { schema }), { migrationsFolder: MIGRATIONS_DIR }),
    );
    return { db, kind: 'postgres', migration, exclusive, close: () => pool.end() };
  }
  let client: PGlite;
  if (options.dataDir === 'memory://') {
    client = new PGlite();
  } else {
    const dir = path.join(options.dataDir, 'pglite');
    await mkdir(dir, { recursive: true });
    client = new PGlite(dir);
  }
  const pgliteDb = drizzlePglite(client, { schema });
  await migratePglite(pgliteDb, { migrationsFolder: MIGRATIONS_DIR });
  return {
    db: pgliteDb as unknown as Db,
    kind: 'pglite',
    migration,
    exclusive: (_name, work) => work(),
    close: () => client.close(),
  };
}

/** True if the error is PostgreSQL's unique_violation, optionally on a named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = findPgError(error);
  return e?.code === '23505' && (constraint === undefined || e.constraint === constraint);
}

/** Drizzle wraps driver errors; the PostgreSQL fields sit on the cause. */
export function findPgError(error: unknown): { code?: string; constraint?: string } | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const candidate = current as { code?: unknown; constraint?: string; cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return { code: candidate.code, constraint: candidate.constraint };
    }
    current = candidate.cause;
  }
  return undefined;
}
