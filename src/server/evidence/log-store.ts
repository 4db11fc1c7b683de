/**
 * Reads of the evidence log's tables: stored hashes (the Merkle tree), leaves and checkpoints.
 */
import { desc, eq, inArray, lte } from 'drizzle-orm';
import type { AsyncHashReader, Hash, StoredHashIndex } from '../../core/evidence/merkle';
import type { Executor } from '../db/client';
import { evidenceCheckpoints, evidenceHashes } from '../db/schema';

export class MissingStoredHashError extends Error {
  override name = 'MissingStoredHashError';
}

/** Reads stored hashes by index from the database, in the order asked. */
export function databaseHashReader(
  db: Executor,
  pending: { startIndex: number; hashes: Hash[] } | null = null,
): AsyncHashReader {
  return {
    async readHashes(indexes: readonly StoredHashIndex[]): Promise<Hash[]> {
      const fromDb = indexes.filter((i) => !pending || i < pending.startIndex);
      const rows =
        fromDb.length === 0
          ? []
          : await db
              .select({ storedIndex: evidenceHashes.storedIndex, hash: evidenceHashes.hash })
              .from(evidenceHashes)
              .where(inArray(evidenceHashes.storedIndex, [...new Set(fromDb)]));
      const byIndex = new Map(rows.map((r) => [Number(r.storedIndex), new Uint8Array(r.hash)]));
      return indexes.map((i) => {
        const h = pending && i >= pending.startIndex ? pending.hashes[i - pending.startIndex] : byIndex.get(i);
        if (!h) throw new MissingStoredHashError(`stored hash ${i} is missing`);
        return h;
      });
    },
  };
}

export type CheckpointRow = typeof evidenceCheckpoints.$inferSelect;

export async function latestCheckpoint(db: Executor): Promise<CheckpointRow | null> {
  const [row] = await db.select().from(evidenceCheckpoints).orderBy(desc(evidenceCheckpoints.treeSize)).limit(1);
  return row ?? null;
}

export async function checkpointAt(db: Executor, treeSize: number): Promise<CheckpointRow | null> {
  const [row] = await db.select().from(evidenceCheckpoints).where(eq(evidenceCheckpoints.treeSize, treeSize));
  return row ?? null;
}

/** The checkpoint with the largest size not above `treeSize`. */
export async function checkpointAtOrBefore(db: Executor, treeSize: number): Promise<CheckpointRow | null> {
  const [row] = await db
    .select()
    .from(evidenceCheckpoints)
    .where(lte(evidenceCheckpoints.treeSize, treeSize))
    .orderBy(desc(evidenceCheckpoints.treeSize))
    .limit(1);
  return row ?? null;
}
