/**
 * Evidence log benchmark (issue 5):
 *  1. sustained appends per second with batching, on PGlite and on PostgreSQL — submissions are queued, then the
 *     sequencer seals them in batches (leaf hashes, stored tree hashes, signed + time-stamped checkpoint per batch);
 *     baseline: raw SHA-256 leaf hashing of the same entries in memory;
 *  2. inclusion-proof time at 1 million entries, read from PostgreSQL (and from memory);
 *     baseline: the merkletreejs library building an inclusion proof over the same number of leaves.
 * Sizes: BENCH_APPENDS (default 20000), BENCH_PROOF_SIZE (default 1000000).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { MerkleTree } from 'merkletreejs';
import { buildEntry, newSalt } from '../src/core/evidence/entry';
import { hashLeaf, MemoryHashStore } from '../src/core/evidence/merkle';
import { loadConfig } from '../src/server/config';
import type { Db } from '../src/server/db/client';
import { evidenceQueue, evidenceSubmissions, units } from '../src/server/db/schema';
import { seedDemo, seedJurisdictions } from '../src/server/demo/seed';
import { inclusionProof } from '../src/server/domain/evidence/prove-evidence';
import { openEvidenceLog } from '../src/server/evidence/evidence-log';
import { sealBatch } from '../src/server/evidence/sequencer';
import { openBenchDatabase } from './database';

const APPENDS = Number(process.env.BENCH_APPENDS ?? 20_000);
const PROOF_SIZE = Number(process.env.BENCH_PROOF_SIZE ?? 1_000_000);
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function makeEntries(n: number): Buffer[] {
  const salt = newSalt();
  return Array.from({ length: n }, (_, i) => {
    const digest = createHash('sha256')
      .update(`bench ${i} ${randomBytes(4).toString('hex')}`)
      .digest('hex');
    return Buffer.from(buildEntry({ algorithm: 'sha256', digest, salt, metadata: { i } }).entry);
  });
}

/** Queues `entries` as submissions of one unit, bulk-inserted (intake is not what this measures). */
async function queueEntries(db: Db, entries: Buffer[]): Promise<void> {
  const [unit] = await db.select({ id: units.id }).from(units).limit(1);
  for (let i = 0; i < entries.length; i += 2000) {
    const rows = entries.slice(i, i + 2000).map((entry, j) => ({
      id: randomUUID(),
      unitId: unit!.id,
      algorithm: 'sha256',
      digest: createHash('sha256')
        .update(`${i + j}-${randomUUID()}`)
        .digest('hex'),
      label: `bench ${i + j}`,
      salt: Buffer.alloc(32),
      metadata: {},
      entry,
    }));
    await db.insert(evidenceSubmissions).values(rows);
    await db.insert(evidenceQueue).values(rows.map((r) => ({ submissionId: r.id })));
  }
}

async function sealAll(db: Db, log: Awaited<ReturnType<typeof openEvidenceLog>>, batchSize: number): Promise<number> {
  let total = 0;
  for (let n = await sealBatch(db, log.identity, batchSize); n > 0; n = await sealBatch(db, log.identity, batchSize))
    total += n;
  return total;
}

async function appendBench(kind: 'pglite' | 'postgres', entries: Buffer[], baselinePerSecond: number) {
  const keyDir = mkdtempSync(path.join(tmpdir(), 'shangmi-bench-keys-'));
  const { database, drop } = await openBenchDatabase(kind);
  try {
    await seedJurisdictions(database.db);
    await seedDemo(database.db);
    const config = loadConfig({ EVIDENCE_KEY_DIR: keyDir, LOG_LEVEL: 'silent' });
    const log = await openEvidenceLog(database.db, config);
    await queueEntries(database.db, entries);
    const started = performance.now();
    const sealed = await sealAll(database.db, log, config.EVIDENCE_BATCH_SIZE);
    const seconds = (performance.now() - started) / 1000;
    const perSecond = sealed / seconds;
    console.log(
      `appends/s on ${kind.padEnd(8)}: ${fmt(perSecond)} (${fmt(sealed)} leaves in ${fmt(seconds, 2)} s, batches of ${config.EVIDENCE_BATCH_SIZE}) ` +
        `= ${fmt(perSecond / baselinePerSecond, 4)} × raw SHA-256 leaf hashing` +
        (kind === 'postgres' ? `; target 5,000/s: ${perSecond >= 5000 ? 'met' : 'NOT met'}` : ''),
    );
  } finally {
    await database.close();
    await drop();
    rmSync(keyDir, { recursive: true, force: true });
  }
}

async function proofBench() {
  // Memory: the core algorithm alone.
  console.log(`building a ${fmt(PROOF_SIZE)}-leaf tree in memory …`);
  const leaves = Array.from({ length: PROOF_SIZE }, (_, i) => hashLeaf(Buffer.from(`leaf ${i}`)));
  const store = new MemoryHashStore();
  store.appendBatch(leaves);
  const probes = Array.from({ length: 1000 }, () => Math.floor(Math.random() * PROOF_SIZE));
  let t = performance.now();
  for (const i of probes) store.inclusionProof(i, PROOF_SIZE);
  const memoryMs = (performance.now() - t) / probes.length;

  // Baseline: merkletreejs over the same leaves (its tree build is not counted, only getProof).
  console.log('building the merkletreejs baseline tree …');
  const sha256 = (data: Buffer) => createHash('sha256').update(data).digest();
  const tree = new MerkleTree(
    leaves.map((l) => Buffer.from(l)),
    sha256,
  );
  const baselineProbes = probes.slice(0, 20);
  t = performance.now();
  for (const i of baselineProbes) tree.getProof(Buffer.from(leaves[i]!), i);
  const baselineMs = (performance.now() - t) / baselineProbes.length;

  // PostgreSQL: stored hashes as rows, proofs read with one query.
  console.log(`sealing ${fmt(PROOF_SIZE)} leaves into PostgreSQL …`);
  const keyDir = mkdtempSync(path.join(tmpdir(), 'shangmi-bench-keys-'));
  const { database, drop } = await openBenchDatabase('postgres');
  let dbMs = Number.NaN;
  try {
    await seedJurisdictions(database.db);
    await seedDemo(database.db);
    const config = loadConfig({ EVIDENCE_KEY_DIR: keyDir, LOG_LEVEL: 'silent' });
    const log = await openEvidenceLog(database.db, config);
    const chunk = 50_000;
    for (let done = 0; done < PROOF_SIZE; done += chunk) {
      await queueEntries(database.db, makeEntries(Math.min(chunk, PROOF_SIZE - done)));
      await sealAll(database.db, log, 10_000);
    }
    await database.db.execute(sql`analyze`);
    for (const i of probes.slice(0, 50)) await inclusionProof(database.db, i, PROOF_SIZE); // warm-up
    t = performance.now();
    for (const i of probes) await inclusionProof(database.db, i, PROOF_SIZE);
    dbMs = (performance.now() - t) / probes.length;
  } finally {
    await database.close();
    await drop();
    rmSync(keyDir, { recursive: true, force: true });
  }
  console.log(
    `inclusion proof at ${fmt(PROOF_SIZE)} entries: memory ${fmt(memoryMs * 1000, 1)} µs, PostgreSQL ${fmt(dbMs, 3)} ms; ` +
      `baseline merkletreejs getProof (whole tree in memory) ${fmt(baselineMs, 3)} ms → ratio ours/baseline ` +
      `${fmt(memoryMs / baselineMs, 2)} (memory), ${fmt(dbMs / baselineMs, 2)} (PostgreSQL); target < 1 ms: ${dbMs < 1 ? 'met' : 'NOT met'}`,
  );
}

export async function runEvidenceBench(): Promise<void> {
  const entries = makeEntries(APPENDS);
  const started = performance.now();
  for (const e of entries) hashLeaf(e);
  const baselinePerSecond = entries.length / ((performance.now() - started) / 1000);
  console.log(`baseline: raw SHA-256 leaf hashing ${fmt(baselinePerSecond)} leaves/s`);
  await appendBench('pglite', entries, baselinePerSecond);
  await appendBench('postgres', entries, baselinePerSecond);
  await proofBench();
}
