/**
 * Global setup of the api-pglite project: migrates and seeds two in-memory PGlite clusters once per run, one with the
 * demo data and the seed programmes and one with only the jurisdictions (`buildTestApp({ seed: false })`), and
 * writes their data folders as dumps that every test file then starts from (test/helpers/app.ts). Starting PGlite
 * from a dump costs about a fifth of starting an empty cluster, migrating and seeding it, which each file did before.
 * The migrations and seeds still run here, every run, so a broken migration or seed still fails the suite.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { TestProject } from 'vitest/node';
import type { Db } from '../../src/server/db/client';
import { MIGRATIONS_DIR } from '../../src/server/db/client';
import * as schema from '../../src/server/db/schema';
import { seedTestData, type TestDataKind } from '../helpers/seed-data';

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), 'shangmi-pglite-dumps-'));
  const dumps: Record<TestDataKind, string> = { seeded: '', bare: '' };
  for (const kind of ['seeded', 'bare'] as const) {
    const client = new PGlite();
    try {
      const db = drizzle(client, { schema });
      await migrate(db, { migrationsFolder: MIGRATIONS_DIR });
      await seedTestData(db as unknown as Db, kind);
      const dump = await client.dumpDataDir('none');
      dumps[kind] = path.join(dir, `${kind}.tar`);
      writeFileSync(dumps[kind], Buffer.from(await dump.arrayBuffer()));
    } finally {
      await client.close();
    }
  }
  project.provide('pgliteDumps', dumps);
  return () => rmSync(dir, { recursive: true, force: true });
}
