/**
 * The test infrastructure itself: each API project really runs on the database it names (PGlite or the PostgreSQL
 * server from test/setup/postgres-global.ts), migrated, and the health endpoint answers.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildTestApp, type TestApp, testDatabaseKind } from './helpers/app';
import { DATABASE_SENSITIVE, postgresqlOnlyFiles } from './setup/databases';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ seed: false });
});
afterAll(async () => {
  await t?.close();
});

describe('test infrastructure', () => {
  it('GET /api/v1/health answers ok and tells nothing about the deployment (no migration, no database kind)', async () => {
    const res = await t.anonymous.get('/api/v1/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    expect(res.body).not.toContain(t.database.migration);
  });

  it('runs on the database this project names', async () => {
    expect(t.database.kind).toBe(testDatabaseKind());
    const { rows } = (await t.database.db.execute(sql`select current_database() as name`)) as unknown as {
      rows: { name: string }[];
    };
    if (testDatabaseKind() === 'postgres') {
      // A fresh database of this run on the server the global setup chose, not the server's own `test` database.
      expect(rows[0]?.name.startsWith(inject('testDatabasePrefix'))).toBe(true);
      expect(t.config.DATABASE_URL).toContain(rows[0]?.name);
    } else {
      expect(t.config.DATABASE_URL).toBeUndefined();
    }
  });
});

describe('which files run on which database (test/setup/databases.ts)', () => {
  it('marks PostgreSQL-only only files that touch nothing where PGlite and PostgreSQL differ', () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const marked = postgresqlOnlyFiles(root);
    expect(marked.length).toBeGreaterThan(0);
    const offences = marked.flatMap((file) => {
      const text = readFileSync(path.join(root, file), 'utf8');
      return Object.entries(DATABASE_SENSITIVE)
        .filter(([, pattern]) => pattern.test(text))
        .map(([what]) => `${file} is marked @postgresql-only but uses ${what}: let it run on both databases`);
    });
    expect(offences).toEqual([]);
  });
});
