import { describe, expect, it } from 'vitest';
import { arrangeYear } from './arrangement';
import { uncoveredYears } from './coverage';
import { endOfWorkingDayPeriod, workdayCalendar } from './working-days';

describe('a year’s announced arrangement', () => {
  const arrangement = {
    holidays: [
      { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
      { name: '春节', from: '2027-02-06', to: '2027-02-13' },
    ],
    workdays: ['2027-02-20'],
  };

  it('becomes days off and make-up working days, and then the year is known', () => {
    const result = arrangeYear(2027, arrangement);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.days.length).toBe(3 + 8 + 1);
    expect(result.days[0]).toEqual({ date: '2027-01-01', workday: false, note: '元旦' });
    expect(result.days.find((d) => d.workday)).toEqual({ date: '2027-02-20', workday: true, note: '调休上班' });
    expect(uncoveredYears('2026-12-28', '2027-01-08', result.days)).toEqual([]);
    // A 5-working-day publicity from Monday 28 December 2026 now ends on Monday 4 January 2027.
    expect(endOfWorkingDayPeriod('2026-12-28', 5, workdayCalendar(result.days))).toBe('2027-01-04');
  });

  it('lists every problem with its field', () => {
    const result = arrangeYear(2027, {
      holidays: [
        { name: '春节', from: '2027-02-06', to: '2027-02-13' },
        { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
        { name: '国庆节', from: '2027-10-08', to: '2027-10-01' },
      ],
      workdays: ['2027-02-08', '2027-02-22', '2027-02-20', '2027-02-20'],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { path: 'holidays.1.from', message: '日期应在2027年之内' },
      { path: 'holidays.1.to', message: '日期应在2027年之内' },
      { path: 'holidays.2.to', message: '结束日期不能早于开始日期' },
      { path: 'holidays', message: '元旦（2027年1月1日）应为假日：每年的放假安排都含元旦' },
      { path: 'workdays.0', message: '2027-02-08 已在“春节”假期中，不能同时调休上班' },
      { path: 'workdays.1', message: '2027-02-22 不是周末，调休上班日应为周六或周日' },
      { path: 'workdays.3', message: '2027-02-20 重复' },
    ]);
  });
});
