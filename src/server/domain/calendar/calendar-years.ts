/**
 * Which years the working-day calendar knows (official data or an administrator's entry, src/core/calendar/
 * coverage.ts), and the administrator's entry of a year's announced arrangement in one go: every holiday day off and
 * make-up working day written as overrides in one transaction with one audit entry. Periods already published keep
 * their dates: a publicity notice stores its end date when it is published.
 */
import { arrangeYear } from '../../../core/calendar/arrangement';
import { officiallyCovered, officialYears, uncoveredYears, yearCoverage } from '../../../core/calendar/coverage';
import type { CalendarYearInput } from '../../../shared/schemas/publicity';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db, Executor } from '../../db/client';
import { calendarOverrides } from '../../db/schema';
import { AppError, forbidden, unauthenticated } from '../../errors';

async function allOverrides(db: Executor) {
  return db.select({ date: calendarOverrides.date, workday: calendarOverrides.workday }).from(calendarOverrides);
}

/** The uncovered years from `from` to `to` (dates), overrides counted. */
export async function uncoveredYearsBetween(db: Executor, from: string, to: string) {
  return uncoveredYears(from, to, await allOverrides(db));
}

/** The years around the business date and the official data, each with where its arrangement comes from. */
export async function calendarYears(db: Executor, ctx: RequestContext) {
  if (!ctx.actor) throw unauthenticated();
  const official = officialYears();
  const overrides = await allOverrides(db);
  const thisYear = Number(ctx.today.slice(0, 4));
  const first = Math.min(thisYear, official?.to ?? thisYear) - 1;
  const last = Math.max(thisYear, official?.to ?? thisYear) + 2;
  const years = [];
  for (let year = first; year <= last; year++) years.push({ year, coverage: yearCoverage(year, overrides) });
  return { official, years };
}

export async function setCalendarYear(db: Db, ctx: RequestContext, year: number, input: CalendarYearInput) {
  if (!ctx.actor) throw unauthenticated();
  if (ctx.actor.role !== 'admin') throw forbidden('只有系统管理员可以调整工作日历');
  if (officiallyCovered(year)) {
    throw new AppError('conflict', `${year}年已有国家法定节假日数据，无需录入；个别日期可在下方逐日调整`);
  }
  const arranged = arrangeYear(year, input);
  if (!arranged.ok) {
    throw new AppError(
      'validation_failed',
      `放假安排有 ${arranged.problems.length} 处问题：${arranged.problems[0]!.message}`,
      {
        fields: arranged.problems,
      },
    );
  }
  const actor = ctx.actor;
  await db.transaction(async (tx) => {
    for (const day of arranged.days) {
      const values = { workday: day.workday, note: day.note, updatedById: actor.id, updatedAt: new Date() };
      await tx
        .insert(calendarOverrides)
        .values({ date: day.date, ...values })
        .onConflictDoUpdate({ target: calendarOverrides.date, set: values });
    }
    await recordAudit(tx, ctx, {
      action: 'calendar.year',
      entityType: 'calendar',
      entityId: String(year),
      after: { year, holidays: input.holidays, workdays: input.workdays, days: arranged.days.length },
    });
  });
  return { year, days: arranged.days };
}
