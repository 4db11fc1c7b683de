/**
 * The working-day calendar as the platform applies it: the official Chinese calendar (src/core/calendar) with the
 * administrators' overrides from `calendar_overrides` on top. Overrides are few (a handful a year), so they are read
 * whole. Changing one affects periods computed afterwards; a publicity notice keeps the end date it was published
 * with.
 */
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { type WorkdayCalendar, workdayCalendar } from '../../../core/calendar/working-days';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db, Executor } from '../../db/client';
import { calendarOverrides, users } from '../../db/schema';
import { forbidden, notFound, unauthenticated } from '../../errors';

/** The official calendar with every administrator override applied. */
export async function loadWorkdayCalendar(db: Executor): Promise<WorkdayCalendar> {
  const rows = await db
    .select({ date: calendarOverrides.date, workday: calendarOverrides.workday })
    .from(calendarOverrides);
  return workdayCalendar(rows);
}

export async function listCalendarOverrides(
  db: Executor,
  ctx: RequestContext,
  filter: { from?: string; to?: string } = {},
) {
  if (!ctx.actor) throw unauthenticated();
  return db
    .select({
      date: calendarOverrides.date,
      workday: calendarOverrides.workday,
      note: calendarOverrides.note,
      updatedByName: users.displayName,
      updatedAt: calendarOverrides.updatedAt,
    })
    .from(calendarOverrides)
    .leftJoin(users, eq(users.id, calendarOverrides.updatedById))
    .where(
      and(
        filter.from ? gte(calendarOverrides.date, filter.from) : undefined,
        filter.to ? lte(calendarOverrides.date, filter.to) : undefined,
      ),
    )
    .orderBy(asc(calendarOverrides.date));
}

function requireAdmin(ctx: RequestContext) {
  if (!ctx.actor) throw unauthenticated();
  if (ctx.actor.role !== 'admin') throw forbidden('只有系统管理员可以调整工作日历');
  return ctx.actor;
}

/** Sets (creates or replaces) the override of one day. */
export async function setCalendarOverride(
  db: Db,
  ctx: RequestContext,
  date: string,
  input: { workday: boolean; note?: string },
): Promise<void> {
  const actor = requireAdmin(ctx);
  const official = workdayCalendar()(date);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(calendarOverrides).where(eq(calendarOverrides.date, date)).for('update');
    const values = { workday: input.workday, note: input.note ?? null, updatedById: actor.id, updatedAt: new Date() };
    await tx
      .insert(calendarOverrides)
      .values({ date, ...values })
      .onConflictDoUpdate({ target: calendarOverrides.date, set: values });
    await recordAudit(tx, ctx, {
      action: 'calendar.update',
      entityType: 'calendar',
      entityId: date,
      before: before ? { workday: before.workday, note: before.note } : { workday: official, official: true },
      after: { workday: input.workday, note: input.note ?? null },
    });
  });
}

/** Removes the override: the official calendar applies to that day again. */
export async function deleteCalendarOverride(db: Db, ctx: RequestContext, date: string): Promise<void> {
  requireAdmin(ctx);
  await db.transaction(async (tx) => {
    const [removed] = await tx.delete(calendarOverrides).where(eq(calendarOverrides.date, date)).returning();
    if (!removed) throw notFound('该日期的调整');
    await recordAudit(tx, ctx, {
      action: 'calendar.update',
      entityType: 'calendar',
      entityId: date,
      before: { workday: removed.workday, note: removed.note },
      after: { workday: workdayCalendar()(date), official: true },
    });
  });
}
