/** A user's notification centre: newest first, unread count, marking read. Only one's own notifications. */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { RequestContext } from '../../context';
import { type Executor, preparedQuery } from '../../db/client';
import { notifications } from '../../db/schema';
import { notFound, unauthenticated } from '../../errors';

export async function listNotifications(
  db: Executor,
  ctx: RequestContext,
  query: { unreadOnly?: boolean; page: number; pageSize: number },
) {
  if (!ctx.actor) throw unauthenticated();
  // One round trip: the counts, and the page beside them (no page row past the end, the counts still come).
  const rows = await (query.unreadOnly ? unreadPage : allPage)(db).execute({
    userId: ctx.actor.id,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const items = rows.flatMap(({ id, title, body, link, readAt, createdAt }) =>
    id === null || title === null || body === null || createdAt === null
      ? []
      : [{ id, title, body, link, readAt, createdAt }],
  );
  return { items, total: rows[0]?.total ?? 0, unread: rows[0]?.unread ?? 0 };
}

/**
 * The bell, the most frequent request of a logged-in page (bench/README.md, load): a user's notifications newest
 * first (one page) with the total and unread counts of the same selection, as one prepared statement. The counts are
 * one row, the page joins it (left: an empty page still gives the counts).
 */
function pageWithCounts(name: string, unreadOnly: boolean) {
  return preparedQuery(name, (db, statement) => {
    const mine = and(
      eq(notifications.userId, sql.placeholder('userId')),
      unreadOnly ? isNull(notifications.readAt) : undefined,
    );
    const counts = db
      .select({
        total: sql<number>`count(*)::int`.as('total'),
        unread: sql<number>`count(*) FILTER (WHERE ${notifications.readAt} IS NULL)::int`.as('unread'),
      })
      .from(notifications)
      .where(mine)
      .as('counts');
    const page = db
      .select({
        id: notifications.id,
        title: notifications.title,
        body: notifications.body,
        link: notifications.link,
        readAt: notifications.readAt,
        createdAt: notifications.createdAt,
      })
      .from(notifications)
      .where(mine)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .as('page');
    return db
      .select({
        total: counts.total,
        unread: counts.unread,
        id: page.id,
        title: page.title,
        body: page.body,
        link: page.link,
        readAt: page.readAt,
        createdAt: page.createdAt,
      })
      .from(counts)
      .leftJoin(page, sql`true`)
      .orderBy(desc(page.createdAt), desc(page.id))
      .prepare(statement);
  });
}

const allPage = pageWithCounts('notifications_page', false);
const unreadPage = pageWithCounts('notifications_unread_page', true);

/** Marks one notification read (or all, without an id). */
export async function markNotificationsRead(db: Executor, ctx: RequestContext, id?: string) {
  if (!ctx.actor) throw unauthenticated();
  const updated = id
    ? await db
        .update(notifications)
        .set({ readAt: new Date() })
        .where(and(eq(notifications.userId, ctx.actor.id), isNull(notifications.readAt), eq(notifications.id, id)))
        .returning({ id: notifications.id })
    : await markAllRead(db).execute({ userId: ctx.actor.id, now: new Date().toISOString() });
  if (id && updated.length === 0) {
    const [exists] = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.id, id), eq(notifications.userId, ctx.actor.id)));
    if (!exists) throw notFound('通知');
  }
  return { marked: updated.length };
}

/** "Mark all read", a frequent write of the bell: a prepared statement. */
const markAllRead = preparedQuery('notifications_mark_all_read', (db, name) =>
  db
    .update(notifications)
    .set({ readAt: sql`${sql.placeholder('now')}` })
    .where(and(eq(notifications.userId, sql.placeholder('userId')), isNull(notifications.readAt)))
    .returning({ id: notifications.id })
    .prepare(name),
);
