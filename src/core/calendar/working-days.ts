/**
 * Working days on the Chinese official calendar: weekends, public holidays and make-up working days (调休) come from
 * the maintained `chinese-days` package; administrators' overrides (a holiday announced late, a local day off) take
 * precedence. Dates are calendar days as 'YYYY-MM-DD' strings, free of time zones.
 */
// chinese-days is CommonJS: Node's ESM loader gives only its default export.
import chineseDays from 'chinese-days';
import dayjs from 'dayjs';

const officialIsWorkday = chineseDays.isWorkday;

export interface CalendarOverride {
  date: string;
  /** true: a working day; false: a day off. */
  workday: boolean;
}

export type WorkdayCalendar = (date: string) => boolean;

export function workdayCalendar(overrides: readonly CalendarOverride[] = []): WorkdayCalendar {
  const byDate = new Map(overrides.map((o) => [o.date, o.workday]));
  return (date) => byDate.get(date) ?? officialIsWorkday(date);
}

const next = (date: string) => dayjs(date).add(1, 'day').format('YYYY-MM-DD');

/** The first working day on or after `date`. */
export function firstWorkingDayFrom(date: string, isWorkday: WorkdayCalendar): string {
  let day = date;
  for (let guard = 0; !isWorkday(day); guard++) {
    if (guard > 366) throw new Error(`no working day within a year after ${date}`);
    day = next(day);
  }
  return day;
}

/**
 * The last day of a period of `workingDays` working days that starts on `start` (counted from the first working day
 * on or after it). A 5-working-day publicity starting Monday 2026-09-28 ends on Friday 2026-10-09, because the
 * National Day holiday (1–7 October) intervenes: the calendar decides, not the weekday.
 */
export function endOfWorkingDayPeriod(start: string, workingDays: number, isWorkday: WorkdayCalendar): string {
  if (!Number.isInteger(workingDays) || workingDays < 1) throw new RangeError('workingDays must be a positive integer');
  let day = firstWorkingDayFrom(start, isWorkday);
  for (let counted = 1; counted < workingDays; counted++) day = firstWorkingDayFrom(next(day), isWorkday);
  return day;
}

/** Working days from `from` to `to`, both inclusive. */
export function countWorkingDays(from: string, to: string, isWorkday: WorkdayCalendar): number {
  let count = 0;
  for (let day = from; day <= to; day = next(day)) if (isWorkday(day)) count++;
  return count;
}
