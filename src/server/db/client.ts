/**
 * Opens the database: embedded PGlite (default, data under DATA_DIR) or a PostgreSQL server (DATABASE_URL), applies
 * the migrations in drizzle/ and returns one Drizzle handle typed the same for both.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'drizzle-orm/logger';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { DEFAULT_POOL_SIZE } from '../config';
import { projectPath } from '../paths';
import { grantAppRole } from './roles';
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
  /** postgres:// URL of the schema's owner (PostgreSQL only): migrations and the app role's grants run through it,
   * and databaseUrl's role then owns nothing (src/server/db/roles.ts). Absent: databaseUrl migrates. */
  migrationUrl?: string;
  /** PGlite data folder; 'memory://' keeps it in memory (tests). */
  dataDir: string;
  /** PGlite in memory only: start from this dump (`PGlite.dumpDataDir`) instead of an empty cluster. The tests start
   * every file from one migrated and seeded dump, which is several times cheaper than a fresh cluster. */
  pgliteDump?: Blob;
  /** Pool size for PostgreSQL (DATABASE_POOL_SIZE). */
  poolSize?: number;
  /** PostgreSQL `application_name` of the pool's connections (operators and tests find the app's backends by it). */
  applicationName?: string;
  /** Sees every statement Drizzle sends, with its parameters (the province benchmark records what a request asks). */
  logger?: Logger;
}

/** The `application_name` the app's PostgreSQL connections carry unless told otherwise. */
export const APPLICATION_NAME = 'shangmi';

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const migration = latestMigrationTag();
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? DEFAULT_POOL_SIZE,
      application_name: options.applicationName ?? APPLICATION_NAME,
      // Notice a peer that vanished without closing the socket (network cut, failover) instead of waiting forever.
      keepAlive: true,
    });
    // A connection dropped by the server (restart, failover, pg_terminate_backend) must never crash the process. The
    // pool forwards errors of idle connections to its own 'error' event; a connection checked out (a transaction, the
    // lock client below) emits them on the client itself, where an unheard 'error' event would kill the process. The
    // query running on it rejects anyway (the request answers 503, see isConnectionLoss), and the pool discards a
    // client that is no longer queryable when it is released, so the next query reconnects.
    const warnLost = (error: Error) => console.warn(`PostgreSQL connection lost: ${error.message}`);
    pool.on('error', warnLost);
    pool.on('connect', (client) => client.on('error', warnLost));
    releaseLostClients(pool);
    const db = drizzlePg(pool, { schema, logger: options.logger }) as unknown as Db;
    const exclusive = <T>(name: string, work: () => Promise<T>) => exclusiveOn(pool, name, work);
    try {
      if (options.migrationUrl) {
        const { rows } = await pool.query<{ name: string }>('SELECT current_user AS name');
        const migrator = new pg.Pool({ connectionString: options.migrationUrl, max: 2 });
        migrator.on('error', (error) => console.warn(`PostgreSQL connection lost: ${error.message}`));
        try {
          // Several app instances may start at once on one server: only one migrates at a time.
          await exclusiveOn(migrator, 'shangmi:migrate', async () => {
            await migratePg(drizzlePg(migrator, { schema }), { migrationsFolder: MIGRATIONS_DIR });
            await grantAppRole(migrator, rows[0]!.name);
          });
        } finally {
          await migrator.end();
        }
      } else {
        await exclusive('shangmi:migrate', () =>
          migratePg(drizzlePg(pool, { schema }), { migrationsFolder: MIGRATIONS_DIR }),
        );
      }
    } catch (error) {
      await pool.end();
      throw error;
    }
    return { db, kind: 'postgres', migration, exclusive, close: () => pool.end() };
  }
  let client: PGlite;
  if (options.dataDir === 'memory://') {
    client = new PGlite(options.pgliteDump ? { loadDataDir: options.pgliteDump } : {});
  } else {
    const dir = path.join(options.dataDir, 'pglite');
    await mkdir(dir, { recursive: true });
    client = new PGlite(dir);
  }
  const pgliteDb = drizzlePglite(client, { schema, logger: options.logger });
  const before = await appliedMigrations(client);
  await migratePglite(pgliteDb, { migrationsFolder: MIGRATIONS_DIR });
  // PGlite runs no autovacuum: after migrations that rewrote tables (0032 rewrote every base and application), pages
  // lose their visibility map and the statistics go stale until someone vacuums, and index-only scans read the heap
  // again (a province's targets: 10 → 23 ms). So a start that applied migrations to a data folder vacuums it once.
  if (options.dataDir !== 'memory://' && (await appliedMigrations(client)) > before)
    await client.exec('VACUUM ANALYZE');
  return {
    db: pgliteDb as unknown as Db,
    kind: 'pglite',
    migration,
    exclusive: (_name, work) => work(),
    close: () => client.close(),
  };
}

/**
 * A client checked out of the pool whose connection breaks is released to the pool at once (with the error, so the
 * pool discards it), and a later release by its user does nothing. Without this a slot can leak for good: Drizzle's
 * `transaction()` releases its client in a `finally` that starts only after BEGIN succeeded, so a connection lost
 * during BEGIN never returns its slot, and after a few such losses every request waits forever for a connection.
 */
function releaseLostClients(pool: pg.Pool): void {
  const connect = pool.connect.bind(pool);
  const guard = (client: pg.PoolClient): pg.PoolClient => {
    const release = client.release;
    let released = false;
    const releaseOnce = (error?: Error | boolean) => {
      if (released) return;
      released = true;
      client.removeListener('error', onLost);
      release(error);
    };
    const onLost = (error: Error) => releaseOnce(error);
    client.once('error', onLost);
    client.release = releaseOnce;
    return client;
  };
  // pg-pool's own `query()` passes a callback; only the promise form (Drizzle, `exclusive`) hands clients out.
  pool.connect = ((callback?: Parameters<pg.Pool['connect']>[0]) =>
    callback ? connect(callback) : connect().then(guard)) as pg.Pool['connect'];
}

/** Runs `work` holding a session-level advisory lock named `name` on a connection of its own from `pool`. */
async function exclusiveOn<T>(pool: pg.Pool, name: string, work: () => Promise<T>): Promise<T> {
  const lockClient = await pool.connect();
  try {
    await lockClient.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    return await work();
  } finally {
    await lockClient.query('SELECT pg_advisory_unlock(hashtext($1))', [name]).catch(() => {});
    lockClient.release();
  }
}

/** Names already given to a prepared statement: PostgreSQL keeps one text per name on each connection. */
const preparedNames = new Set<string>();

/**
 * A hot query of fixed shape, built by Drizzle once per database handle instead of on every call (building the SQL
 * costs more server CPU than sending it: bench/README.md, load), and run as the named prepared statement `name`, so
 * PostgreSQL parses it once per connection too (PGlite ignores the name). `build` receives the handle and returns
 * `query.prepare(name)` with `sql.placeholder(...)` for every value; callers pass the values to `execute`. The query
 * must select its columns by name (never `select *`), so that a migration adding columns never changes the result
 * shape a connection has prepared. Each name may be used once in the process.
 */
export function preparedQuery<P>(name: string, build: (db: Executor, name: string) => P): (db: Executor) => P {
  if (preparedNames.has(name)) throw new Error(`prepared statement "${name}" is defined twice`);
  preparedNames.add(name);
  const byHandle = new WeakMap<Executor, P>();
  return (db) => {
    let prepared = byHandle.get(db);
    if (prepared === undefined) {
      prepared = build(db, name);
      byHandle.set(db, prepared);
    }
    return prepared;
  };
}

/** True if the error is PostgreSQL's unique_violation, optionally on a named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = findPgError(error);
  return e?.code === '23505' && (constraint === undefined || e.constraint === constraint);
}

const CONNECTION_LOSS_MESSAGES = [
  'Connection terminated',
  'connection error and is not queryable',
  'Client was closed and is not queryable',
  'timeout exceeded when trying to connect',
  'Cannot use a pool after calling end on the pool',
];
const CONNECTION_LOSS_SYSCALL_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

/**
 * True if the error means the database could not be reached or the connection broke (server restart or failover,
 * an administrator terminating the backend, the network): a transient condition the request answers with 503, not
 * a fault of the request. SQLSTATE class 08 (connection exception), 57P01–57P03 (the server is shutting down or
 * starting), 53300 (too many connections), the driver's own messages, and socket errors.
 */
export function isConnectionLoss(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string') {
      const code = candidate.code;
      if (code.startsWith('08') && code.length === 5) return true;
      if (code === '57P01' || code === '57P02' || code === '57P03' || code === '53300') return true;
      if (CONNECTION_LOSS_SYSCALL_CODES.has(code)) return true;
    }
    if (typeof candidate.message === 'string') {
      const message = candidate.message;
      if (CONNECTION_LOSS_MESSAGES.some((m) => message.includes(m))) return true;
    }
    current = candidate.cause;
  }
  return false;
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

/** How many migrations the database has recorded (0 before the first). */
async function appliedMigrations(client: PGlite): Promise<number> {
  // Two statements: a statement naming a table that does not exist fails when parsed, whatever a CASE would do.
  const table = await client.query<{ exists: boolean }>(
    `SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS exists`,
  );
  if (!table.rows[0]!.exists) return 0;
  const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
  return rows[0]!.n;
}
