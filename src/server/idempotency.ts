/**
 * Idempotent creates: a client sends `Idempotency-Key` with a POST, and a retry with the same key gets the first
 * answer (same status, same body) instead of a second record.
 *
 * The key is claimed in the transaction of the create itself: every state change writes its audit entry inside its
 * transaction, and `recordAudit` calls `recordIdempotencyKey` with that transaction and the request context that
 * carries the key. So a create that committed has committed its key too — a retry after a lost answer finds it — and
 * a create that rolled back leaves no key. Two concurrent requests with one key meet on the table's primary key:
 * the second insert waits for the first transaction and, once it commits, refuses the second create (409, rolled
 * back). The answer itself is stored when it is sent (src/server/http/idempotency.ts); a key whose create committed
 * but whose answer was never stored (the instance died in between) is answered 409 naming that the record exists.
 */
import { createHash, randomUUID } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { RequestContext } from './context';
import type { Db, Executor } from './db/client';
import { idempotencyKeys } from './db/schema';
import { AppError } from './errors';

/** How long a key is remembered: a client retries within minutes; a day covers an overnight outage. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** Letters, digits and `-_.:`, 8 to 128 characters: a UUID or a similar random token, never free text. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** What a request with a key carries into its transactions (`RequestContext.idempotency`). */
export interface IdempotencyClaim {
  scope: string;
  route: string;
  key: string;
  fingerprint: string;
  /** Random per request, so a second transaction of the same request recognises the row as its own. */
  owner: string;
  expiresAt: Date;
  /** Transactions that already hold the row (a create writing several audit entries claims it once). */
  claimedIn: WeakSet<object>;
}

export function newClaim(input: { scope: string; route: string; key: string; fingerprint: string }): IdempotencyClaim {
  return {
    ...input,
    owner: randomUUID(),
    expiresAt: new Date(Date.now() + IDEMPOTENCY_TTL_MS),
    claimedIn: new WeakSet(),
  };
}

/** The columns a claim writes to its row, whether the create or the stored answer writes it first. */
function claimColumns(claim: IdempotencyClaim) {
  const { scope, route, key, owner, fingerprint, expiresAt } = claim;
  return { scope, route, key, owner, fingerprint, expiresAt };
}

/** JSON with object keys sorted, so the same request hashes the same whatever order its client wrote the keys in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function requestFingerprint(request: { params?: unknown; query?: unknown; body?: unknown }): string {
  return createHash('sha256')
    .update(canonicalJson({ params: request.params ?? {}, query: request.query ?? {}, body: request.body ?? null }))
    .digest('hex');
}

const inProgress = () =>
  new AppError('idempotency_in_progress', '相同的请求正在处理，请稍后刷新查看结果，不要重复提交', {
    details: { reason: 'idempotency_in_progress' },
  });

/**
 * Claims the request's key in `tx`, the transaction of the change being audited (called by `recordAudit`). Without
 * a key it does nothing. A key committed by another request refuses this one (409) and so rolls its change back.
 */
export async function recordIdempotencyKey(
  tx: Executor,
  ctx: RequestContext,
  entity: { entityType: string; entityId?: string | null },
): Promise<void> {
  const claim = ctx.idempotency;
  if (!claim || claim.claimedIn.has(tx)) return;
  // ON CONFLICT DO NOTHING waits for a concurrent transaction holding the same key, then sees its outcome.
  const inserted = await tx
    .insert(idempotencyKeys)
    .values({
      ...claimColumns(claim),
      entityType: entity.entityType,
      entityId: entity.entityId ?? null,
    })
    .onConflictDoNothing()
    .returning({ owner: idempotencyKeys.owner });
  if (inserted.length === 0) {
    const [existing] = await tx.select({ owner: idempotencyKeys.owner }).from(idempotencyKeys).where(keyOf(claim));
    // An earlier, committed transaction of this same request holds it: nothing to add.
    if (existing?.owner !== claim.owner) throw inProgress();
  }
  claim.claimedIn.add(tx);
}

const keyOf = (k: { scope: string; route: string; key: string }) =>
  and(eq(idempotencyKeys.scope, k.scope), eq(idempotencyKeys.route, k.route), eq(idempotencyKeys.key, k.key));

export type StoredKey = typeof idempotencyKeys.$inferSelect;

/** The live row of a key (an expired one is deleted first, so the key is free again). */
export async function findKey(db: Db, k: { scope: string; route: string; key: string }): Promise<StoredKey | null> {
  const [row] = await db.select().from(idempotencyKeys).where(keyOf(k));
  if (!row || row.expiresAt.getTime() > Date.now()) return row ?? null;
  // Deleted only when met expired (a statement saved on every live lookup); the hourly purge does the rest.
  await db.delete(idempotencyKeys).where(and(keyOf(k), lt(idempotencyKeys.expiresAt, new Date())));
  return null;
}

/** How long a key without a stored answer counts as in flight before it counts as an answer that was lost. */
export const IN_FLIGHT_MS = 2 * 60 * 1000;

/** The refusal of a retry whose first request committed (or is committing) without a stored answer. */
export function unansweredKey(row: StoredKey, now = Date.now()): AppError {
  if (now - row.createdAt.getTime() < IN_FLIGHT_MS) return inProgress();
  return new AppError(
    'idempotency_in_progress',
    '该请求此前已经处理成功，但结果未能送达；请刷新页面查看，不要重复提交',
    { details: { reason: 'idempotency_answer_lost' } },
  );
}

export const keyReused = () =>
  new AppError('idempotency_key_reused', '同一个 Idempotency-Key 已用于内容不同的请求，请为新的提交生成新的键', {
    details: { reason: 'idempotency_key_reused' },
  });

/**
 * Stores the answer of a request that carried a key. The row its transaction claimed is completed; a successful
 * create that wrote no audit entry (so claimed nothing) gets its row now, so a later retry still replays it.
 */
export async function storeAnswer(
  db: Db,
  claim: IdempotencyClaim,
  answer: { status: number; type: string; body: string },
): Promise<void> {
  const updated = await db
    .update(idempotencyKeys)
    .set({ responseStatus: answer.status, responseType: answer.type, responseBody: answer.body })
    .where(and(keyOf(claim), eq(idempotencyKeys.owner, claim.owner)))
    .returning({ key: idempotencyKeys.key });
  if (updated.length > 0 || answer.status >= 300) return;
  await db
    .insert(idempotencyKeys)
    .values({
      ...claimColumns(claim),
      responseStatus: answer.status,
      responseType: answer.type,
      responseBody: answer.body,
    })
    .onConflictDoNothing();
}

/** Deletes expired keys; returns how many. */
export async function purgeExpiredKeys(db: Db, now = new Date()): Promise<number> {
  const deleted = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.expiresAt, now))
    .returning({ key: idempotencyKeys.key });
  return deleted.length;
}
