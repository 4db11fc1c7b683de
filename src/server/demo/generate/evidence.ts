/**
 * Generated evidence: submissions of the generated units, each with its salted metadata commitment and leaf entry
 * built by the evidence core exactly as a real submission is, queued, then sealed by the real sequencer
 * (`sealBatch`): leaves, stored Merkle hashes and signed, time-stamped checkpoints — so inclusion and consistency
 * proofs over the generated log verify like any other. Sealed in large batches (one checkpoint per batch).
 */
import { count } from 'drizzle-orm';
import { buildEntry } from '../../../core/evidence/entry';
import type { Db } from '../../db/client';
import { evidenceQueue, evidenceSubmissions } from '../../db/schema';
import { type LogIdentity, sealBatch } from '../../evidence/sequencer';
import { generatedBytes, generatedId, insertInChunks } from './rows';

/** Submissions per INSERT (8 parameters each, under PostgreSQL's 65,535). */
const CHUNK = 4000;
/** Leaves per sealed checkpoint: large, so a million leaves need twenty signatures, not a thousand. */
export const GENERATED_SEAL_BATCH = 50_000;

export async function generateEvidence(
  db: Db,
  log: LogIdentity,
  plan: readonly { id: string; name: string; creditCode: string }[],
  total: number,
): Promise<number> {
  let inserted = 0;
  const indexes = Array.from({ length: total }, (_, n) => n);
  await insertInChunks(indexes, CHUNK, async (chunk) => {
    const rows = chunk.map((n) => {
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
      return {
        id: generatedId('evidence', n),
        unitId: unit.id,
        algorithm: 'sha256',
        digest,
        label,
        salt,
        metadata,
        entry: Buffer.from(built.entry),
      };
    });
    const created = await db
      .insert(evidenceSubmissions)
      .values(rows)
      .onConflictDoNothing()
      .returning({ id: evidenceSubmissions.id });
    if (created.length > 0) await db.insert(evidenceQueue).values(created.map((c) => ({ submissionId: c.id })));
    inserted += created.length;
  });
  await sealQueue(db, log);
  return inserted;
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
