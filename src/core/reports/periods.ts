/**
 * The periods of the picture and the reports upward (issue 14): a year, or one of its quarters, with the same period
 * a year earlier for the comparison. Pure.
 */
export type Quarter = 1 | 2 | 3 | 4;

export interface ReportPeriod {
  year: number;
  /** null: the whole year (the annual report). */
  quarter: Quarter | null;
  from: string;
  to: string;
  label: string;
}

const QUARTER_LABELS = ['一', '二', '三', '四'] as const;
const QUARTER_ENDS = ['03-31', '06-30', '09-30', '12-31'] as const;

export function reportPeriod(year: number, quarter: Quarter | null = null): ReportPeriod {
  if (quarter === null) return { year, quarter, from: `${year}-01-01`, to: `${year}-12-31`, label: `${year}年度` };
  const firstMonth = String((quarter - 1) * 3 + 1).padStart(2, '0');
  return {
    year,
    quarter,
    from: `${year}-${firstMonth}-01`,
    to: `${year}-${QUARTER_ENDS[quarter - 1]}`,
    label: `${year}年第${QUARTER_LABELS[quarter - 1]}季度`,
  };
}

/** The same period a year earlier (the comparison). */
export const previousPeriod = (period: ReportPeriod) => reportPeriod(period.year - 1, period.quarter);
