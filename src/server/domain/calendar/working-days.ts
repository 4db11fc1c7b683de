/** How many working days from a date, on the platform's calendar: what a publicity notice would end on. Public. */
import { endOfWorkingDayPeriod, firstWorkingDayFrom } from '../../../core/calendar/working-days';
import type { Executor } from '../../db/client';
import { loadWorkdayCalendar } from './calendar-overrides';

export async function workingDaysFrom(db: Executor, start: string, days: number) {
  const isWorkday = await loadWorkdayCalendar(db);
  const firstDay = firstWorkingDayFrom(start, isWorkday);
  return { start, days, firstDay, end: endOfWorkingDayPeriod(start, days, isWorkday) };
}
