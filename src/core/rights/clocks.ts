/**
 * The statutory clocks of a clue, computed from the rules (src/shared/data/rights-rules.ts, with the city's
 * overrides) on the working-day calendar. Pure: the caller passes the calendar, the business date and the time.
 * A period "within N days of X" does not count the day of X (the period starts the next day); the last day counts.
 */
import dayjs from 'dayjs';
import type { RightsClockRule } from '../../shared/data/rights-rules';
import { countWorkingDays, endOfWorkingDayPeriod, type WorkdayCalendar } from '../calendar/working-days';

const nextDay = (date: string) => dayjs(date).add(1, 'day').format('YYYY-MM-DD');

/** The last day of a rule's period started on `start` (a date), extended `extensions` times. */
export function periodEnd(rule: RightsClockRule, start: string, isWorkday: WorkdayCalendar, extensions = 0): string {
  if (rule.unit === 'hours') throw new RangeError('an hourly clock ends at an instant: use hourDeadline');
  const total = rule.period + extensions * rule.extensionPeriod;
  if (rule.unit === 'working_days') return endOfWorkingDayPeriod(nextDay(start), total, isWorkday);
  return dayjs(start).add(total, 'day').format('YYYY-MM-DD');
}

/** An hourly clock's deadline (ISO instant). */
export function hourDeadline(rule: RightsClockRule, start: Date): Date {
  return new Date(start.getTime() + rule.period * 3_600_000);
}

export interface ClockState {
  code: string;
  name: string;
  source: string;
  unit: RightsClockRule['unit'];
  startedOn: string;
  /** A date (YYYY-MM-DD), or an ISO instant for hourly clocks. */
  deadline: string;
  /** Met on (date or instant) — the clock is then stopped. */
  metOn: string | null;
  /** Days (working days for working-day clocks, hours for hourly) left; negative when overdue. Null once met. */
  left: number | null;
  overdue: boolean;
  /** Text for the page: 剩余 3 个工作日 / 已超期 2 天 / 已于 … 完成. */
  label: string;
}

/** The state of a date clock on `today`. */
export function dateClock(
  rule: RightsClockRule,
  startedOn: string,
  deadline: string,
  metOn: string | null,
  today: string,
  isWorkday: WorkdayCalendar,
): ClockState {
  const base = { code: rule.code, name: rule.name, source: rule.source, unit: rule.unit, startedOn, deadline, metOn };
  if (metOn) {
    const late = metOn > deadline;
    return { ...base, left: null, overdue: late, label: late ? `已于 ${metOn} 完成（超期）` : `已于 ${metOn} 完成` };
  }
  const unitLabel = rule.unit === 'working_days' ? '个工作日' : '天';
  if (today <= deadline) {
    const left =
      rule.unit === 'working_days'
        ? countWorkingDays(nextDay(today), deadline, isWorkday)
        : dayjs(deadline).diff(dayjs(today), 'day');
    return { ...base, left, overdue: false, label: left === 0 ? '今日到期' : `剩余 ${left} ${unitLabel}` };
  }
  const over = dayjs(today).diff(dayjs(deadline), 'day');
  return { ...base, left: -over, overdue: true, label: `已超期 ${over} 天` };
}

/** The state of an hourly clock at `now`. */
export function hourClock(rule: RightsClockRule, startedAt: Date, metAt: Date | null, now: Date): ClockState {
  const deadline = hourDeadline(rule, startedAt);
  const base = {
    code: rule.code,
    name: rule.name,
    source: rule.source,
    unit: rule.unit,
    startedOn: startedAt.toISOString(),
    deadline: deadline.toISOString(),
    metOn: metAt?.toISOString() ?? null,
  };
  if (metAt) {
    const late = metAt > deadline;
    return { ...base, left: null, overdue: late, label: late ? '已完成（超时）' : '已按时完成' };
  }
  const hours = Math.floor((deadline.getTime() - now.getTime()) / 3_600_000);
  if (now <= deadline) return { ...base, left: hours, overdue: false, label: `剩余约 ${hours} 小时` };
  return { ...base, left: hours, overdue: true, label: `已超时 ${-hours} 小时` };
}

/** The fields of a clue the clocks read. */
export interface ClockedClue {
  receivedOn: string;
  decisionDeadline: string;
  decidedOn: string | null;
  transferReportedAt: Date | null;
  transferApprovedAt: Date | null;
  transferApprovedOn: string | null;
  transferSentAt: Date | null;
  policeReceivedOn: string | null;
  policeDecisionOn: string | null;
  openedOn: string | null;
  caseDeadline: string | null;
  closedOn: string | null;
}

/** Every clock that applies to the clue now, in the order they run. */
export function clueClocks(
  clue: ClockedClue,
  rules: Record<
    'decide_acceptance' | 'transfer_decide' | 'transfer_send' | 'police_decide' | 'close_case',
    RightsClockRule
  >,
  isWorkday: WorkdayCalendar,
  today: string,
  now: Date,
): ClockState[] {
  const out: ClockState[] = [
    dateClock(rules.decide_acceptance, clue.receivedOn, clue.decisionDeadline, clue.decidedOn, today, isWorkday),
  ];
  if (clue.transferReportedAt && clue.decidedOn) {
    const rule = rules.transfer_decide;
    out.push(
      dateClock(
        rule,
        clue.decidedOn,
        periodEnd(rule, clue.decidedOn, isWorkday),
        clue.transferApprovedOn,
        today,
        isWorkday,
      ),
    );
  }
  if (clue.transferApprovedAt)
    out.push(hourClock(rules.transfer_send, clue.transferApprovedAt, clue.transferSentAt, now));
  if (clue.policeReceivedOn) {
    const rule = rules.police_decide;
    const deadline = periodEnd(rule, clue.policeReceivedOn, isWorkday);
    out.push(dateClock(rule, clue.policeReceivedOn, deadline, clue.policeDecisionOn, today, isWorkday));
  }
  if (clue.openedOn && clue.caseDeadline)
    out.push(dateClock(rules.close_case, clue.openedOn, clue.caseDeadline, clue.closedOn, today, isWorkday));
  return out;
}
