/** Appends to a clue's history (rights_clue_events) in the caller's transaction, and notifies people of a clue. */
import { and, eq, inArray } from 'drizzle-orm';
import type { RightsEventKind, RightsStatus } from '../../../shared/enums-rights';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { jurisdictions, rightsClueEvents, users } from '../../db/schema';

export async function appendEvent(
  tx: Executor,
  ctx: RequestContext,
  clueId: string,
  event: {
    kind: RightsEventKind;
    fromStatus?: RightsStatus | null;
    toStatus?: RightsStatus | null;
    comment?: string | null;
    data?: unknown;
    /** Shown to the reporter (only the status, reason and dates they may know). */
    reporterVisible?: boolean;
  },
): Promise<void> {
  await tx.insert(rightsClueEvents).values({
    clueId,
    kind: event.kind,
    fromStatus: event.fromStatus ?? null,
    toStatus: event.toStatus ?? null,
    actorId: ctx.actor?.id ?? null,
    actorName: ctx.actor?.displayName ?? (ctx.userAgent === 'system' ? '系统' : '举报人'),
    comment: event.comment ?? null,
    data: event.data ?? null,
    reporterVisible: event.reporterVisible ?? false,
    businessDate: ctx.today,
  });
}

/** Active officers of the given jurisdictions. */
export async function officersOf(tx: Executor, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'officer'), inArray(users.jurisdictionCode, [...codes]), eq(users.disabled, false)));
  return rows.map((r) => r.id);
}

/** The codes of a path's bureaus above `path` (the supervising bureaus), nearest first. */
export function ancestorCodes(path: string): string[] {
  const codes = path.split('.').filter(Boolean);
  return codes.slice(0, -1).reverse();
}

/** The municipal bureau(s) above or at a path: who is told about duplicates and overdue clocks. */
export async function cityCodesOf(tx: Executor, path: string): Promise<string[]> {
  const codes = path.split('.').filter(Boolean);
  if (codes.length === 0) return [];
  const rows = await tx
    .select({ code: jurisdictions.code })
    .from(jurisdictions)
    .where(and(inArray(jurisdictions.code, codes), eq(jurisdictions.level, 'municipal')));
  return rows.map((r) => r.code);
}
