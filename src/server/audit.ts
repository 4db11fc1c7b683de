/**
 * Writes audit entries. Always called with the transaction that makes the change, so the change and its record
 * commit together or not at all.
 */
import type { AuditAction, AuditEntityType } from '../shared/enums';
import type { RequestContext } from './context';
import type { Executor } from './db/client';
import { auditLog } from './db/schema';
import { recordIdempotencyKey } from './idempotency';

export interface AuditEvent {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId?: string | null;
  /** Path of the jurisdiction the entity belongs to (officers of that subtree may read the entry). */
  jurisdictionPath?: string | null;
  unitId?: string | null;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(tx: Executor, ctx: RequestContext, event: AuditEvent): Promise<void> {
  // Idempotent creates: the request's Idempotency-Key commits with this change, first so a duplicate stops early.
  await recordIdempotencyKey(tx, ctx, event);
  await tx.insert(auditLog).values({
    actorId: ctx.actor?.id ?? null,
    actorName: ctx.actor
      ? `${ctx.actor.displayName}（${ctx.actor.username}）`
      : ctx.userAgent === 'system'
        ? '系统'
        : null,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    jurisdictionPath: event.jurisdictionPath ?? null,
    unitId: event.unitId ?? null,
    before: event.before ?? null,
    after: event.after ?? null,
  });
}

/** The fields that differ between two snapshots, as {before, after} of just those fields. */
export function diffSummary<T extends Record<string, unknown>>(
  before: T,
  after: T,
): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
