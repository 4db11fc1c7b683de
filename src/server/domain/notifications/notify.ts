/**
 * In-app notifications, written in the caller's transaction so they exist exactly when the change does. When SMTP
 * is configured they are also e-mailed (see docs/ARCHITECTURE.md for the state of that).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { notifications, users } from '../../db/schema';

export interface NotificationMessage {
  title: string;
  body: string;
  /** Where in the app the notification leads. */
  link?: string;
}

export async function notifyUsers(tx: Executor, userIds: readonly string[], message: NotificationMessage) {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  await tx
    .insert(notifications)
    .values(unique.map((userId) => ({ userId, title: message.title, body: message.body, link: message.link ?? null })));
}

/** The enabled accounts of the given units (their applicant accounts), the usual recipients of a unit's news. */
export async function unitAccountIds(tx: Executor, unitIds: readonly (string | null)[]): Promise<string[]> {
  const ids = [...new Set(unitIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.unitId, ids), eq(users.disabled, false)));
  return rows.map((r) => r.id);
}
