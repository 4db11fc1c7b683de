import { describe, expect, it } from 'vitest';
import { officiallyCovered, officialYears, uncoveredWarning, uncoveredYears, yearCoverage } from './coverage';
import { endOfWorkingDayPeriod, workdayCalendar } from './working-days';

describe('calendar coverage', () => {
  it('knows a year by its New Year’s Day holiday, not by a weekend 1 January', () => {
    expect(officiallyCovered(2026)).toBe(true);
    expect(officiallyCovered(2027)).toBe(false);
    // 1 January 2028 is a Saturday: a day off, but no arrangement.
    expect(officiallyCovered(2028)).toBe(false);
    expect(officialYears()).toMatchObject({ to: 2026 });
  });

  it('counts a year an administrator entered as covered', () => {
    expect(yearCoverage(2027, [])).toBe('missing');
    expect(yearCoverage(2027, [{ date: '2027-01-01', workday: false }])).toBe('entered');
    expect(yearCoverage(2027, [{ date: '2027-01-01', workday: true }])).toBe('missing');
    expect(yearCoverage(2022, [])).toBe('official');
  });

  it('finds the uncovered years a period reaches: 5 working days from Monday 2026-12-28', () => {
    const end = endOfWorkingDayPeriod('2026-12-28', 5, workdayCalendar());
    // Without 2027 data, New Year's Day counts as a working day: the reason for the warning.
    expect(end).toBe('2027-01-01');
    expect(uncoveredYears('2026-12-28', end, [])).toEqual([2027]);
    expect(uncoveredYears('2026-12-01', '2026-12-31', [])).toEqual([]);
    expect(uncoveredWarning([2027], '公示期')).toMatch(/^公示期涉及2027年，工作日历尚无2027年的法定节假日安排/);
    expect(uncoveredWarning([], '公示期')).toBeNull();
  });
});
