/**
 * Generated evidence: submissions of the generated units, each with its salted metadata commitment and leaf entry
 * built by the evidence core exactly as a real submission is, appended to the Merkle log by the sequencer's own
 * `appendToLog` (leaves, stored tree hashes and a signed, time-stamped checkpoint consistent with the previous one),
 * so inclusion and consistency proofs over the generated log verify like any other.
 *
 * Fast at a million: each batch of submissions is inserted with one statement of array parameters, and sealed in the
 * same transaction straight from memory (under the sequencer's lock), instead of going through the queue and being
 * read back by `sealBatch`. A batch is all or nothing, so an interrupted run leaves no unsealed generated evidence,
 * and a second run inserts and seals only the submissions that are missing.
 */
import { count } from 'drizzle-orm';
import { buildEntry } from '../../../core/evidence/entry';
import { insertRows } from '../../db/bulk';
import type { Db } from '../../db/client';
import { evidenceQueue } from '../../db/schema';
import { appendToLog, type LogIdentity, lockSequencer, sealBatch } from '../../evidence/sequencer';
import { generatedBytes, generatedId } from './rows';

/** Leaves per sealed checkpoint: large, so a million leaves need twenty signatures, not a thousand. */
export const GENERATED_SEAL_BATCH = 50_000;

export async function generateEvidence(
  db: Db,
  log: LogIdentity,
  plan: readonly { id: string; name: string; creditCode: string }[],
  total: number,
  batchSize = GENERATED_SEAL_BATCH,
): Promise<number> {
  // Whatever a real submission (or an earlier, queue-based generator) left queued is sealed first, as it would be.
  await sealQueue(db, log);
  let inserted = 0;
  // The next batch is built while the database stores this one (PostgreSQL works in its own process meanwhile).
  let next = total > 0 ? buildSubmissions(plan, 0, Math.min(batchSize, total)) : null;
  for (let from = 0; next; from += batchSize) {
    const rows = await next;
    const following = from + batchSize;
    next = following < total ? buildSubmissions(plan, following, Math.min(following + batchSize, total)) : null;
    inserted += await db.transaction(async (tx) => {
      await lockSequencer(tx, true);
      const created = new Set(
        await insertRows(
          tx,
          'evidence_submissions',
          [
            { name: 'id', type: 'uuid', values: rows.map((r) => r.id) },
            { name: 'unit_id', type: 'uuid', values: rows.map((r) => r.unitId) },
            { name: 'algorithm', type: 'text', values: rows.map(() => 'sha256') },
            { name: 'digest', type: 'text', values: rows.map((r) => r.digest) },
            { name: 'label', type: 'text', values: rows.map((r) => r.label) },
            { name: 'salt', type: 'bytea', values: rows.map((r) => r.salt) },
            { name: 'metadata', type: 'jsonb', values: rows.map((r) => r.metadata) },
            { name: 'entry', type: 'bytea', values: rows.map((r) => r.entry) },
          ],
          { onConflictDoNothing: true, returning: 'id' },
        ),
      );
      const leaves = rows.filter((r) => created.has(r.id)).map((r) => ({ submissionId: r.id, leafHash: r.leafHash }));
      if (leaves.length > 0) await appendToLog(tx, log, leaves);
      return leaves.length;
    });
  }
  return inserted;
}

/** Rows built between two turns of the event loop, so that building never holds up the statements under way. */
const BUILD_SLICE = 2000;

/** Generated submissions `from` … `to - 1`, each with the leaf entry the evidence core builds for it. */
async function buildSubmissions(
  plan: readonly { id: string; name: string; creditCode: string }[],
  from: number,
  to: number,
) {
  const rows = [];
  for (let n = from; n < to; n++) {
    if (n > from && (n - from) % BUILD_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
    const unit = plan[n % plan.length]!;
    const label = `研发资料第 ${Math.floor(n / plan.length) + 1} 份`;
    const metadata = {
      unitName: unit.name,
      creditCode: unit.creditCode,
      label,
      submittedAt: new Date(Date.UTC(2023, 0, 1) + n * 30_000).toISOString(),
    };
    const salt = generatedBytes('evidence-salt', n);
    const digest = generatedBytes('evidence-digest', n).toString('hex');
    const built = buildEntry({ algorithm: 'sha256', digest, salt, metadata });
    rows.push({
      id: generatedId('evidence', n),
      unitId: unit.id,
      digest,
      label,
      salt,
      metadata: JSON.stringify(metadata),
      entry: Buffer.from(built.entry),
      leafHash: built.leafHash,
    });
  }
  return rows;
}

/** Seals until nothing is queued; if another instance holds the sequencer's lock, it seals, and we wait for it. */
async function sealQueue(db: Db, log: LogIdentity): Promise<void> {
  for (;;) {
    if ((await sealBatch(db, log, GENERATED_SEAL_BATCH)) > 0) continue;
    const [queued] = await db.select({ n: count() }).from(evidenceQueue);
    if (queued!.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
