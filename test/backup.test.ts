/**
 * Backup and restore (src/cli/backup.ts) round-trip on the suite's database (PGlite's data folder, or pg_dump on
 * PostgreSQL): every table comes back with the same rows (count and a digest of their text, attachments and the
 * evidence log included), the audit chain verifies, and an app on the restored database with the original key folder
 * starts (the key continuity check) and serves an evidence bundle that verifies against the log key.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase } from '../src/cli/backup';
import { verifyEvidenceBundle } from '../src/core/evidence/proof-bundle';
import { buildApp } from '../src/server/app';
import { verifyAuditChain } from '../src/server/audit-chain';
import { loadConfig } from '../src/server/config';
import { type Executor, openDatabase } from '../src/server/db/client';
import { buildTestApp, createPostgresDatabase, testDatabaseKind } from './helpers/app';
import { buildUnit } from './helpers/factories';
import { multipart } from './helpers/multipart';

const scratch = mkdtempSync(path.join(tmpdir(), 'shangmi-backup-'));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

const rows = async <T>(db: Executor, query: SQL) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

/** Every table of the app's schemas with its row count and a digest of its rows' text, in a stable order. */
async function tableDigests(db: Executor): Promise<Record<string, string>> {
  const tables = await rows<{ name: string }>(
    db,
    sql`SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
         WHERE schemaname IN ('public', 'drizzle') ORDER BY 1`,
  );
  const digests: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await rows<{ n: number; d: string }>(
      db,
      sql.raw(`SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS d
                 FROM ${name} t`),
    );
    digests[name] = `${row!.n} ${row!.d}`;
  }
  return digests;
}

it('backs up and restores every table; the audit chain and the evidence log still verify', async () => {
  const postgres = testDatabaseKind() === 'postgres';
  const keyDir = path.join(scratch, 'keys');
  const t = await buildTestApp({
    env: { EVIDENCE_KEY_DIR: keyDir },
    ...(postgres ? {} : { pgliteDataDir: path.join(scratch, 'source') }),
  });
  let closed = false;
  cleanups.push(async () => {
    if (!closed) await t.close();
  });
  const putuo = await t.login('putuo');
  expect((await putuo.post('/api/v1/units', buildUnit())).statusCode).toBe(201);
  const firm = await t.login('applicant1');
  const file = Buffer.from('%PDF-1.4\n% backup round trip\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  const uploaded = await firm.request({
    method: 'POST',
    url: '/api/v1/attachments',
    ...multipart('保密制度.pdf', file),
  });
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  const digest = createHash('sha256').update('备份恢复').digest('hex');
  const entry = await firm.post('/api/v1/evidence/entries', { algorithm: 'sha256', digest, label: '备份' });
  expect(entry.statusCode, entry.body).toBe(200);
  const verifierKey: string = (await t.anonymous.get('/api/v1/evidence/keys')).json().verifierKey;
  await t.app.close(); // the sequencer stops: nothing changes the source from here
  const before = await tableDigests(t.database.db);
  expect(before['public.attachments']).toMatch(/^[1-9]/);
  expect(before['public.evidence_checkpoints']).toMatch(/^[1-9]/);
  expect(before['public.audit_log']).toMatch(/^[1-9]/);

  const backupFile = path.join(scratch, 'shangmi.backup');
  let target: { databaseUrl?: string; dataDir: string };
  if (postgres) {
    await backupDatabase({ databaseUrl: t.config.DATABASE_URL!, dataDir: 'unused' }, backupFile);
    const created = await createPostgresDatabase();
    cleanups.push(created.drop);
    target = { databaseUrl: created.url, dataDir: 'unused' };
  } else {
    await t.database.close(); // PGlite serves one process at a time
    await backupDatabase({ dataDir: path.join(scratch, 'source') }, backupFile);
    target = { dataDir: path.join(scratch, 'restored') };
  }
  await restoreDatabase(target, backupFile);
  await expect(restoreDatabase(target, backupFile)).rejects.toThrow(/不是空/);

  const restored = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir, poolSize: 2 });
  cleanups.push(() => restored.close());
  expect(await tableDigests(restored.db)).toEqual(before);
  expect((await verifyAuditChain(restored.db)).ok).toBe(true);

  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DATA_DIR: target.dataDir,
    EVIDENCE_KEY_DIR: keyDir,
    ...(target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : {}),
  });
  const app = await buildApp({ config, database: restored, serveWeb: false });
  cleanups.push(() => app.close());
  const bundle = await app.inject({ method: 'GET', url: `/api/v1/evidence/entries/${entry.json().id}/bundle` });
  expect(bundle.statusCode).toBe(200);
  const verified = verifyEvidenceBundle(bundle.body, { algorithm: 'sha256', digest }, verifierKey);
  expect(verified.ok, JSON.stringify(verified.checks)).toBe(true);
  if (!postgres) closed = true;
}, 180_000);
