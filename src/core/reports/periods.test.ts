import { describe, expect, it } from 'vitest';
import { previousPeriod, reportPeriod } from './periods';

describe('report periods', () => {
  it('spans the year or the quarter, and compares with the same period a year earlier', () => {
    expect(reportPeriod(2022)).toEqual({
      year: 2022,
      quarter: null,
      from: '2022-01-01',
      to: '2022-12-31',
      label: '2022年度',
    });
    expect(reportPeriod(2022, 2)).toMatchObject({ from: '2022-04-01', to: '2022-06-30', label: '2022年第二季度' });
    expect(reportPeriod(2022, 4)).toMatchObject({ from: '2022-10-01', to: '2022-12-31' });
    expect(previousPeriod(reportPeriod(2022, 1))).toMatchObject({ from: '2021-01-01', to: '2021-03-31' });
  });
});
