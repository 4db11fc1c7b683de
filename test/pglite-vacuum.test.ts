/**
 * PGlite runs no autovacuum, so a start that applied migrations to a data folder vacuums and analyses it once
 * (db/client.ts): migrations that rewrite tables would otherwise leave index-only scans reading the heap and the
 * planner with stale statistics for as long as the folder lives. A database without pending migrations is not
 * vacuumed again. (PGlite only: PostgreSQL has its autovacuum.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { type Database, openDatabase } from '../src/server/db/client';
import { testDatabaseKind } from './helpers/app';

const dir = mkdtempSync(path.join(tmpdir(), 'shangmi-vacuum-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const vacuums = async (database: Database) => {
  const rows = (await database.db.execute(
    sql`SELECT vacuum_count::int AS n, last_analyze IS NOT NULL AS analysed
        FROM pg_stat_user_tables WHERE relname = 'bases'`,
  )) as unknown as { rows: { n: number; analysed: boolean }[] };
  return rows.rows[0]!;
};

it.skipIf(testDatabaseKind() !== 'pglite')(
  'a data folder is vacuumed and analysed when migrations were applied, not on a start without any',
  async () => {
    const first = await openDatabase({ dataDir: dir });
    try {
      expect(await vacuums(first)).toEqual({ n: 1, analysed: true });
    } finally {
      await first.close();
    }
    const second = await openDatabase({ dataDir: dir });
    try {
      expect((await vacuums(second)).n).toBeLessThanOrEqual(1);
    } finally {
      await second.close();
    }
  },
);
