/**
 * Which years the working-day calendar knows. The official arrangement (放假安排) is announced each year by the State
 * Council and reaches the `chinese-days` package some time later; a year it lacks is all weekdays and weekends,
 * so a period counted into it may end on a holiday. New Year's Day is a holiday in every announced arrangement, so
 * a year is known when New Year's Day is a holiday: in the package's data, or because an administrator entered the
 * year's arrangement (an override of 1 January as a day off). Pure.
 */
import chineseDays from 'chinese-days';
import type { CalendarOverride } from './working-days';

/** The package's data: 1 January is a named holiday (元旦), not merely a weekend day off. */
export function officiallyCovered(year: number): boolean {
  return chineseDays.getDayDetail(`${year}-01-01`).name.includes('元旦');
}

/** The years the package covers, scanned from 2000 to 2100 (it holds one contiguous range). */
export function officialYears(): { from: number; to: number } | null {
  const years: number[] = [];
  for (let year = 2000; year <= 2100; year++) if (officiallyCovered(year)) years.push(year);
  return years.length > 0 ? { from: years[0]!, to: years[years.length - 1]! } : null;
}

export type YearCoverage = 'official' | 'entered' | 'missing';

export function yearCoverage(year: number, overrides: readonly CalendarOverride[]): YearCoverage {
  if (officiallyCovered(year)) return 'official';
  return overrides.some((o) => o.date === `${year}-01-01` && !o.workday) ? 'entered' : 'missing';
}

/** The years from `from` to `to` (dates, both inclusive) whose arrangement the calendar lacks. */
export function uncoveredYears(from: string, to: string, overrides: readonly CalendarOverride[]): number[] {
  const out: number[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    if (yearCoverage(year, overrides) === 'missing') out.push(year);
  }
  return out;
}

/** What an officer is told when a period or deadline reaches such years (null: none). */
export function uncoveredWarning(years: readonly number[], what: string): string | null {
  if (years.length === 0) return null;
  const named = years.map((y) => `${y}年`).join('、');
  return `${what}涉及${named}，工作日历尚无${named}的法定节假日安排（国务院办公厅通知），暂按周末双休计算，可能把节假日算作工作日；请系统管理员在“工作日历”中录入该年的放假安排后核对`;
}
