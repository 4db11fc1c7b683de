/**
 * The audit trail's hash chain (drizzle/0014_audit_hash_chain.sql, src/server/audit-chain.ts): an untouched trail
 * verifies; an edit, a removal or a forged entry made as the superuser with the append-only trigger bypassed is found,
 * naming the entry; concurrent writers keep one valid chain; the migration's backfill chains existing entries.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../src/server/audit';
import { type ChainReport, verifyAuditChain } from '../src/server/audit-chain';
import { systemContext } from '../src/server/context';
import type { Db } from '../src/server/db/client';
import { buildTestApp, type TestApp, testDatabaseKind } from './helpers/app';
import { buildUnit } from './helpers/factories';

let t: TestApp;
let db: Db;
const rows = async <T>(query: SQL) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

beforeAll(async () => {
  t = await buildTestApp();
  db = t.database.db;
  const putuo = await t.login('putuo');
  for (let i = 0; i < 3; i++) expect((await putuo.post('/api/v1/units', buildUnit())).statusCode).toBe(201);
  // Text the canonical form must encode exactly as PostgreSQL wrote it: quotes, backslashes, control characters,
  // non-ASCII, astral characters, nested JSON with keys jsonb reorders.
  await db.transaction((tx) =>
    recordAudit(
      tx,
      { ...systemContext(), ip: '203.0.113.9', userAgent: 'a "b" \\ c\t\u0001' },
      {
        action: 'user.create',
        entityType: 'user',
        entityId: '商秘\n😀',
        before: { zeta: 1, a: [1.5, null, '\u001f"'], 中文: { y: true, x: 1e21 } },
        after: 'plain string',
      },
    ),
  );
});
afterAll(async () => {
  await t.close();
});

/** Runs `tamper` as the superuser with the append-only trigger bypassed, verifies, and rolls everything back. */
async function verifyAfter(tamper: (tx: Db) => Promise<void>): Promise<ChainReport> {
  let report: ChainReport | undefined;
  await db
    .transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      await tamper(tx as unknown as Db);
      await tx.execute(sql`SET LOCAL session_replication_role = origin`);
      report = await verifyAuditChain(tx);
      tx.rollback();
    })
    .catch((error) => {
      if (!report) throw error;
    });
  return report!;
}

const entries = () =>
  rows<{ id: string; seq: string }>(sql`SELECT id::text AS id, seq::text AS seq FROM audit_log ORDER BY audit_log.seq`);

describe('audit hash chain', () => {
  it('an untouched trail verifies, every entry chained', async () => {
    const report = await verifyAuditChain(db);
    expect(report).toEqual({ ok: true, verified: expect.any(Number) });
    const [count] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log`);
    expect(report.verified).toBe(count!.n);
    expect(report.verified).toBeGreaterThan(3);
  });

  it('finds an edited entry', async () => {
    const list = await entries();
    const victim = list[1]!;
    const report = await verifyAfter(async (tx) => {
      await tx.execute(sql`UPDATE audit_log SET after = '{"staffCount": 1}' WHERE id = ${victim.id}::bigint`);
    });
    expect(report.ok).toBe(false);
    expect(report.problem).toMatchObject({ id: victim.id, message: expect.stringContaining('被修改') });
    expect(report.verified).toBe(1);
  });

  it('finds an edit of the time or actor too (every field is covered)', async () => {
    const victim = (await entries())[2]!;
    for (const change of [
      sql`at = at + interval '1 microsecond'`,
      sql`actor_name = 'someone else'`,
      sql`ip = '198.51.100.1'`,
    ]) {
      const report = await verifyAfter(async (tx) => {
        await tx.execute(sql`UPDATE audit_log SET ${change} WHERE id = ${victim.id}::bigint`);
      });
      expect(report.problem?.id).toBe(victim.id);
    }
  });

  it('finds a deleted entry, in the middle and at the end', async () => {
    const list = await entries();
    const middle = await verifyAfter(async (tx) => {
      await tx.execute(sql`DELETE FROM audit_log WHERE id = ${list[1]!.id}::bigint`);
    });
    expect(middle.problem).toMatchObject({ id: list[2]!.id, message: expect.stringContaining('被删除') });
    const end = await verifyAfter(async (tx) => {
      await tx.execute(sql`DELETE FROM audit_log WHERE id = ${list.at(-1)!.id}::bigint`);
    });
    expect(end.problem).toMatchObject({ id: null, message: expect.stringContaining('末尾的记录被删除') });
    // Removing an entry and renumbering the rest still breaks the link to the removed entry's hash.
    const renumbered = await verifyAfter(async (tx) => {
      await tx.execute(sql`DELETE FROM audit_log WHERE id = ${list[1]!.id}::bigint`);
      await tx.execute(sql`UPDATE audit_log SET seq = seq - 1 WHERE seq > ${list[1]!.seq}::bigint`);
    });
    expect(renumbered.problem).toMatchObject({ id: list[2]!.id, message: expect.stringContaining('前一哈希') });
  });

  it('finds a forged entry inserted around the trigger', async () => {
    const unchained = await verifyAfter(async (tx) => {
      await tx.execute(
        sql`INSERT INTO audit_log (action, entity_type, actor_name) VALUES ('user.create', 'user', 'x')`,
      );
    });
    expect(unchained.problem?.message).toContain('不在哈希链中');
    const [last] = await rows<{ seq: string; hash: string }>(sql`SELECT seq::text AS seq, hash FROM audit_chain_head`);
    // A forged entry slipped into the chain's order with a made-up hash.
    const slipped = await verifyAfter(async (tx) => {
      // Two steps: the unique index on seq is checked row by row.
      await tx.execute(sql`UPDATE audit_log SET seq = seq + 1000000 WHERE seq >= 2`);
      await tx.execute(sql`UPDATE audit_log SET seq = seq - 999999 WHERE seq >= 1000000`);
      await tx.execute(sql`INSERT INTO audit_log (action, entity_type) VALUES ('user.create', 'user')`);
      await tx.execute(
        sql`UPDATE audit_log SET seq = 2, prev_hash = (SELECT hash FROM audit_log WHERE seq = 1), hash = ${last!.hash}
            WHERE seq IS NULL`,
      );
    });
    expect(slipped.ok).toBe(false);
    expect(slipped.problem?.seq).toBe('2');
  });

  it('the application cannot choose an entry’s place in the chain', async () => {
    await db.execute(
      sql`INSERT INTO audit_log (action, entity_type, seq, prev_hash, hash) VALUES ('user.create', 'user', 999999, 'x', 'y')`,
    );
    const [row] = await rows<{ seq: string }>(sql`SELECT seq::text AS seq FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(row!.seq).not.toBe('999999');
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('the database still refuses to change a chained entry, chain fields included', async () => {
    await expect(db.execute(sql`UPDATE audit_log SET hash = NULL, seq = NULL WHERE seq = 1`)).rejects.toThrow();
    await expect(db.execute(sql`UPDATE audit_log SET hash = 'x' WHERE seq = 1`)).rejects.toThrow();
  });

  it('concurrent writers produce one valid chain', async () => {
    const putuo = await t.login('putuo');
    const results = await Promise.all(Array.from({ length: 16 }, () => putuo.post('/api/v1/units', buildUnit())));
    expect(results.map((r) => r.statusCode)).toEqual(Array(16).fill(201));
    const direct = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        db.transaction((tx) =>
          recordAudit(tx, systemContext(), { action: 'user.create', entityType: 'user', entityId: `c${i}` }),
        ),
      ),
    );
    expect(direct).toHaveLength(16);
    const report = await verifyAuditChain(db);
    expect(report.ok).toBe(true);
    const [count] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log`);
    expect(report.verified).toBe(count!.n);
  });

  it('the migration backfills a chain over entries written before it', async () => {
    const migration = readFileSync(new URL('../drizzle/0014_audit_hash_chain.sql', import.meta.url), 'utf8');
    const backfill = migration.slice(migration.indexOf('DO $$'));
    const report = await verifyAfter(async (tx) => {
      await tx.execute(sql`UPDATE audit_log SET seq = NULL, prev_hash = NULL, hash = NULL`);
      await tx.execute(sql`DELETE FROM audit_chain_head`);
      await tx.execute(sql`SET LOCAL session_replication_role = origin`);
      await tx.execute(sql.raw(backfill));
    });
    expect(report.ok).toBe(true);
  });
});

describe.skipIf(testDatabaseKind() !== 'postgres')('npm run cli -- audit verify', () => {
  const cli = (env: Record<string, string>) =>
    promisify(execFile)(path.resolve('node_modules/.bin/tsx'), ['src/cli/index.ts', 'audit', 'verify'], {
      env: { ...process.env, ...env },
    }).then(
      (r) => ({ code: 0, out: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
    );

  it('exits 0 on an intact trail and 1 naming the edited entry', async () => {
    const env = { DATABASE_URL: t.config.DATABASE_URL!, SEED_DEMO: '0' };
    const intact = await cli(env);
    expect(intact.out).toContain('哈希链完整');
    expect(intact.code).toBe(0);
    const [victim] = await rows<{ id: string }>(sql`SELECT id::text AS id FROM audit_log WHERE seq = 3`);
    await db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      await tx.execute(sql`UPDATE audit_log SET action = 'unit.delete' WHERE seq = 3`);
    });
    const broken = await cli(env);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`记录 ${victim!.id}`);
  }, 120_000);
});
