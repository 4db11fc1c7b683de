/**
 * A year's announced holiday arrangement (放假安排) as days of the calendar: each holiday's days off and the make-up
 * working days (调休上班), checked as the State Council's notices are written — every date within the year, New
 * Year's Day among the holidays (so the year counts as known, see coverage.ts), no day both off and at work,
 * make-up days on weekends. Pure.
 */
import dayjs from 'dayjs';
import type { CalendarOverride } from './working-days';

export interface YearArrangement {
  holidays: { name: string; from: string; to: string }[];
  workdays: string[];
}

export interface ArrangedDay extends CalendarOverride {
  note: string;
}

export type ArrangementResult =
  | { ok: true; days: ArrangedDay[] }
  | { ok: false; problems: { path: string; message: string }[] };

const MAX_HOLIDAY_DAYS = 15;

export function arrangeYear(year: number, input: YearArrangement): ArrangementResult {
  const problems: { path: string; message: string }[] = [];
  const inYear = (date: string) => date.startsWith(`${year}-`);
  const off = new Map<string, string>();
  input.holidays.forEach((holiday, i) => {
    const path = `holidays.${i}`;
    if (!inYear(holiday.from)) problems.push({ path: `${path}.from`, message: `日期应在${year}年之内` });
    if (!inYear(holiday.to)) problems.push({ path: `${path}.to`, message: `日期应在${year}年之内` });
    if (holiday.from > holiday.to) {
      problems.push({ path: `${path}.to`, message: '结束日期不能早于开始日期' });
      return;
    }
    const length = dayjs(holiday.to).diff(dayjs(holiday.from), 'day') + 1;
    if (length > MAX_HOLIDAY_DAYS) {
      problems.push({ path: `${path}.to`, message: `一个假期不超过${MAX_HOLIDAY_DAYS}天，请检查日期` });
      return;
    }
    for (let d = dayjs(holiday.from); !d.isAfter(dayjs(holiday.to)); d = d.add(1, 'day')) {
      const date = d.format('YYYY-MM-DD');
      const other = off.get(date);
      if (other) problems.push({ path: `${path}.from`, message: `${date} 已在“${other}”假期中` });
      off.set(date, holiday.name);
    }
  });
  if (!off.has(`${year}-01-01`)) {
    problems.push({ path: 'holidays', message: `元旦（${year}年1月1日）应为假日：每年的放假安排都含元旦` });
  }
  const seen = new Set<string>();
  input.workdays.forEach((date, i) => {
    const path = `workdays.${i}`;
    if (!inYear(date)) problems.push({ path, message: `日期应在${year}年之内` });
    else if (off.has(date)) problems.push({ path, message: `${date} 已在“${off.get(date)}”假期中，不能同时调休上班` });
    else if (![0, 6].includes(dayjs(date).day()))
      problems.push({ path, message: `${date} 不是周末，调休上班日应为周六或周日` });
    if (seen.has(date)) problems.push({ path, message: `${date} 重复` });
    seen.add(date);
  });
  if (problems.length > 0) return { ok: false, problems };
  const days: ArrangedDay[] = [...off.entries()].map(([date, name]) => ({ date, workday: false, note: name }));
  for (const date of input.workdays) days.push({ date, workday: true, note: '调休上班' });
  days.sort((a, b) => a.date.localeCompare(b.date));
  return { ok: true, days };
}
