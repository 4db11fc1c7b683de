/**
 * In-app notifications, written in the caller's transaction so they exist exactly when the change does. When SMTP
 * is configured they are also e-mailed (see docs/ARCHITECTURE.md for the state of that).
 */
import type { Executor } from '../../db/client';
import { notifications } from '../../db/schema';

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
