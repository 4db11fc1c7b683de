/** A user's notification centre: newest first, unread count, marking read. Only one's own notifications. */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { notifications } from '../../db/schema';
import { notFound, unauthenticated } from '../../errors';

export async function listNotifications(
  db: Executor,
  ctx: RequestContext,
  query: { unreadOnly?: boolean; page: number; pageSize: number },
) {
  if (!ctx.actor) throw unauthenticated();
  const mine = and(eq(notifications.userId, ctx.actor.id), query.unreadOnly ? isNull(notifications.readAt) : undefined);
  const items = await db
    .select()
    .from(notifications)
    .where(mine)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [counts] = await db
    .select({
      total: sql<number>`count(*)::int`,
      unread: sql<number>`count(*) FILTER (WHERE ${notifications.readAt} IS NULL)::int`,
    })
    .from(notifications)
    .where(mine);
  return {
    items: items.map(({ userId: _userId, ...n }) => n),
    total: counts?.total ?? 0,
    unread: counts?.unread ?? 0,
  };
}

/** Marks one notification read (or all, without an id). */
export async function markNotificationsRead(db: Executor, ctx: RequestContext, id?: string) {
  if (!ctx.actor) throw unauthenticated();
  const updated = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.userId, ctx.actor.id),
        isNull(notifications.readAt),
        id ? eq(notifications.id, id) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  if (id && updated.length === 0) {
    const [exists] = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.id, id), eq(notifications.userId, ctx.actor.id)));
    if (!exists) throw notFound('通知');
  }
  return { marked: updated.length };
}
