import { describe, expect, it } from 'vitest';
import { countWorkingDays, endOfWorkingDayPeriod, firstWorkingDayFrom, workdayCalendar } from './working-days';

const official = workdayCalendar();

describe('working days on the Chinese calendar', () => {
  it('knows public holidays and make-up working days', () => {
    expect(official('2026-10-01')).toBe(false); // National Day
    expect(official('2026-10-10')).toBe(true); // Saturday make-up working day
    expect(official('2026-11-21')).toBe(false); // an ordinary Saturday
    expect(official('2026-11-23')).toBe(true);
  });

  it('counts a publicity period across the National Day holiday', () => {
    // Starting Monday 2026-09-28: 28, 29, 30 Sept, then 1–7 Oct off, then 8, 9 (Thu, Fri) → 5th working day is 9 Oct.
    expect(endOfWorkingDayPeriod('2026-09-28', 5, official)).toBe('2026-10-09');
    expect(countWorkingDays('2026-09-28', '2026-10-09', official)).toBe(5);
  });

  it('starts from the first working day when the start is a day off', () => {
    expect(firstWorkingDayFrom('2026-11-21', official)).toBe('2026-11-23');
    expect(endOfWorkingDayPeriod('2026-11-21', 1, official)).toBe('2026-11-23');
  });

  it('lets administrators override the official calendar', () => {
    const local = workdayCalendar([{ date: '2026-11-23', workday: false }]);
    expect(endOfWorkingDayPeriod('2026-11-23', 1, local)).toBe('2026-11-24');
  });

  it('refuses a period that is not a positive whole number of days', () => {
    expect(() => endOfWorkingDayPeriod('2026-11-23', 0, official)).toThrow(RangeError);
  });
});
