/**
 * The single writer of the evidence log. Any app instance may run it; a PostgreSQL advisory lock taken inside the
 * sealing transaction makes sure only one seals at a time, so several instances on one database still produce one
 * consistent log. Each seal takes up to `batchSize` queued submissions, appends their leaves, stores the new tree
 * hashes, signs a checkpoint (refusing one inconsistent with the previous) and time-stamps it — all in one
 * transaction, so a checkpoint is published exactly when the leaves it covers are.
 */
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { type Checkpoint, signCheckpoint } from '../../core/evidence/checkpoint';
import { sha256, utf8 } from '../../core/evidence/encoding';
import {
  appendFromHashes,
  appendIndexes,
  consistencyProofFromHashes,
  consistencyProofIndexes,
  type Hash,
  hashLeaf,
} from '../../core/evidence/merkle';
import type { NoteSigner } from '../../core/evidence/note';
import { tsaExtensionLine, verifyTimestampToken } from '../../core/evidence/timestamp-token';
import { insertRows } from '../db/bulk';
import { type Db, type Executor, preparedQuery, type Tx } from '../db/client';
import { evidenceCheckpoints, evidenceQueue, evidenceSubmissions } from '../db/schema';
import { databaseHashReader, latestCheckpoint } from './log-store';
import type { Timestamper } from './timestamper';

export interface LogIdentity {
  origin: string;
  signer: NoteSigner;
  verifierKey: string;
  timestamper: Timestamper;
}

const DELETE_CHUNK = 2000;

/** Takes the sequencer's lock for the rest of the transaction: at once or not at all (`wait` false), or waiting. */
export async function lockSequencer(tx: Tx, wait: boolean): Promise<boolean> {
  if (wait) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('shangmi:evidence-sequencer'))`);
    return true;
  }
  const locked = await tx.execute(
    sql`select pg_try_advisory_xact_lock(hashtext('shangmi:evidence-sequencer')) as locked`,
  );
  return (locked as unknown as { rows: { locked: boolean }[] }).rows[0]?.locked === true;
}

/** Seals one batch. Returns how many submissions it sequenced (0 if none waited or another instance holds the lock). */
export async function sealBatch(db: Db, log: LogIdentity, batchSize: number): Promise<number> {
  return db.transaction(async (tx) => {
    if (!(await lockSequencer(tx, false))) return 0;
    const queued = await tx
      .select({ id: evidenceSubmissions.id, entry: evidenceSubmissions.entry })
      .from(evidenceQueue)
      .innerJoin(evidenceSubmissions, eq(evidenceSubmissions.id, evidenceQueue.submissionId))
      .orderBy(asc(evidenceQueue.createdAt), asc(evidenceQueue.submissionId))
      .limit(batchSize);
    if (queued.length === 0) return 0;
    await appendToLog(
      tx,
      log,
      queued.map((q) => ({ submissionId: q.id, leafHash: hashLeaf(new Uint8Array(q.entry)) })),
    );
    await deleteQueued(
      tx,
      queued.map((q) => q.id),
    );
    return queued.length;
  });
}

/**
 * Appends the submissions' leaves (their RFC 6962 leaf hashes), in this order, to the log: their leaf rows, the new tree hashes and a signed,
 * time-stamped checkpoint over the new size (with the consistency proof from the previous one). The caller's
 * transaction holds the sequencer's lock (`lockSequencer`), so nothing else appends meanwhile.
 */
export async function appendToLog(
  tx: Tx,
  log: LogIdentity,
  leaves: readonly { submissionId: string; leafHash: Hash }[],
): Promise<void> {
  const previous = await latestCheckpoint(tx);
  const oldSize = previous ? Number(previous.treeSize) : 0;
  const leafHashes = leaves.map((l) => l.leafHash);
  const frontier = await databaseHashReader(tx).readHashes(appendIndexes(oldSize));
  const appended = appendFromHashes(oldSize, leafHashes, frontier);

  await insertRows(tx, 'evidence_hashes', [
    { name: 'stored_index', type: 'bigint', values: appended.hashes.map((_, i) => appended.startIndex + i) },
    { name: 'hash', type: 'bytea', values: appended.hashes.map((h) => Buffer.from(h)) },
  ]);
  await insertRows(tx, 'evidence_leaves', [
    { name: 'leaf_index', type: 'bigint', values: leaves.map((_, i) => oldSize + i) },
    { name: 'submission_id', type: 'uuid', values: leaves.map((l) => l.submissionId) },
    { name: 'leaf_hash', type: 'bytea', values: leafHashes.map((h) => Buffer.from(h)) },
  ]);

  let prior: { checkpoint: Checkpoint; consistencyProof: Uint8Array[] } | null = null;
  if (previous) {
    const reader = databaseHashReader(tx, { startIndex: appended.startIndex, hashes: appended.hashes });
    const proof = consistencyProofFromHashes(
      appended.size,
      oldSize,
      await reader.readHashes(consistencyProofIndexes(appended.size, oldSize)),
    );
    prior = {
      checkpoint: { origin: log.origin, size: oldSize, rootHash: new Uint8Array(previous.rootHash) },
      consistencyProof: proof,
    };
  }
  const { signedNote, stamp } = await signAndStamp(log, appended, prior);
  await tx.insert(evidenceCheckpoints).values({
    treeSize: appended.size,
    rootHash: Buffer.from(appended.rootHash),
    signedNote,
    timestampToken: Buffer.from(stamp.token),
    timestampTime: stamp.time,
  });
}

/**
 * Signs the checkpoint naming the TSA certificate its token will be signed with (the binding verifiers check, see
 * core/evidence/timestamp-token), then stamps it and checks the token: a TSA that renewed its certificate gets one
 * more try with the new one; a token that still does not verify aborts the seal rather than publish a broken promise.
 */
async function signAndStamp(
  log: LogIdentity,
  tree: { size: number; rootHash: Uint8Array },
  prior: { checkpoint: Checkpoint; consistencyProof: Uint8Array[] } | null,
): Promise<{ signedNote: string; stamp: { token: Uint8Array; time: Date } }> {
  for (let attempt = 0; ; attempt++) {
    const certificate = await log.timestamper.certificate(attempt > 0);
    const next: Checkpoint = {
      origin: log.origin,
      size: tree.size,
      rootHash: tree.rootHash,
      extensions: [tsaExtensionLine(certificate)],
    };
    const signedNote = signCheckpoint(next, log.signer, prior);
    const digest = sha256(utf8(signedNote));
    const stamp = await log.timestamper.stamp(digest, tree.size);
    const check = await verifyTimestampToken(stamp.token, { digest, certificateHash: sha256(certificate) });
    if (check.ok) return { signedNote, stamp };
    if (attempt > 0) throw new Error(`the TSA's token does not verify: ${check.problems.join('; ')}`);
  }
}

async function deleteQueued(tx: Executor, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += DELETE_CHUNK) {
    await tx.delete(evidenceQueue).where(inArray(evidenceQueue.submissionId, ids.slice(i, i + DELETE_CHUNK)));
  }
}

/**
 * One row of the queue, if any: the timer's cheap look before a seal. Every instance polls every `intervalMs` whether
 * or not evidence is being submitted, and an empty queue costs one round trip this way instead of four (BEGIN, the
 * lock, the queue read, COMMIT: bench/README.md, load). Read outside the lock: a submission this misses is sealed at
 * the next tick, as one queued just after a seal is.
 */
const queueHead = preparedQuery('evidence_queue_head', (db, name) =>
  db.select({ id: evidenceQueue.submissionId }).from(evidenceQueue).limit(1).prepare(name),
);

/**
 * Runs `sealBatch` on a timer (the time bound) and at once when enough submissions arrived here (the size bound).
 */
export class EvidenceSequencer {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private arrivedSinceSeal = 0;

  constructor(
    private readonly db: Db,
    private readonly log: LogIdentity,
    private readonly options: { batchSize: number; intervalMs: number; onError?: (error: unknown) => void },
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.sealPending(), this.options.intervalMs);
    this.timer.unref();
  }

  /**
   * The server is shutting down: seal now and then every few milliseconds, so that submissions whose requests are
   * waiting for their checkpoint are answered while the server drains, instead of at the next regular tick.
   */
  hurry(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = setInterval(() => void this.sealPending(), Math.min(this.options.intervalMs, 20));
    this.timer.unref();
    void this.sealPending();
  }

  /**
   * Stops the timer and seals what is still queued, so submissions acknowledged before a graceful shutdown leave
   * covered by a checkpoint rather than waiting for the next start (or another instance).
   */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    await this.sealPending();
  }

  /** A submission arrived on this instance; seal early if a full batch is waiting. */
  notify(): void {
    this.arrivedSinceSeal += 1;
    if (this.arrivedSinceSeal >= this.options.batchSize) void this.sealPending();
  }

  /** Seals until the queue is empty (or another instance holds the lock). One run at a time per instance. */
  sealPending(): Promise<void> {
    this.running ??= (async () => {
      try {
        this.arrivedSinceSeal = 0;
        if ((await queueHead(this.db).execute()).length === 0) return;
        while ((await sealBatch(this.db, this.log, this.options.batchSize)) === this.options.batchSize) {
          // A full batch: more may be waiting.
        }
      } catch (error) {
        this.options.onError?.(error);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }
}
