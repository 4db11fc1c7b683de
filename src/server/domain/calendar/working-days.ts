/** How many working days from a date, on the platform's calendar: what a publicity notice would end on. Public. */
import { uncoveredWarning } from '../../../core/calendar/coverage';
import { endOfWorkingDayPeriod, firstWorkingDayFrom } from '../../../core/calendar/working-days';
import type { Executor } from '../../db/client';
import { loadWorkdayCalendar } from './calendar-overrides';
import { uncoveredYearsBetween } from './calendar-years';

export async function workingDaysFrom(db: Executor, start: string, days: number) {
  const isWorkday = await loadWorkdayCalendar(db);
  const firstDay = firstWorkingDayFrom(start, isWorkday);
  const end = endOfWorkingDayPeriod(start, days, isWorkday);
  const uncoveredYears = await uncoveredYearsBetween(db, start, end);
  return { start, days, firstDay, end, uncoveredYears, warning: uncoveredWarning(uncoveredYears, '该期间') };
}
