/**
 * The publicity period (公示期): the proposed list is published for a number of working days, counted on the
 * Chinese official calendar (src/core/calendar/working-days.ts) from the first working day on or after the start.
 * The length comes from the programme's publicity stage; when the programme does not say (002 names no length),
 * the platform's default of 5 working days applies — the usual minimum for government publicity notices — and the
 * period says so (`source: 'default'`), so the notice and the UI can show where the number came from.
 */

import {
  endOfWorkingDayPeriod,
  firstWorkingDayFrom,
  type WorkdayCalendar,
  workdayCalendar,
} from '../calendar/working-days';
import type { Programme, PublicityStage } from '../programs/schema';

/** Platform default when the programme states no publicity length; not taken from any seed. */
export const DEFAULT_PUBLICITY_WORKING_DAYS = 5;

export interface PublicityLength {
  workingDays: number;
  source: 'programme' | 'default';
}

export function publicityStage(programme: Programme): PublicityStage | undefined {
  return programme.stages.find((s): s is PublicityStage => s.kind === 'publicity');
}

/** The programme's publicity length in working days, or the platform default. */
export function publicityLength(programme: Programme): PublicityLength {
  const days = publicityStage(programme)?.workingDays;
  return days === undefined
    ? { workingDays: DEFAULT_PUBLICITY_WORKING_DAYS, source: 'default' }
    : { workingDays: days, source: 'programme' };
}

export interface PublicityPeriod {
  /** The day the notice is published ('YYYY-MM-DD'). */
  start: string;
  /** The first working day counted (the start itself unless it is a day off). */
  firstDay: string;
  /** The last day of the period; objections are accepted through this day. */
  end: string;
  workingDays: number;
}

/** The period of `workingDays` working days starting on `start`; the calendar defaults to the official one. */
export function publicityPeriod(
  start: string,
  workingDays: number,
  isWorkday: WorkdayCalendar = workdayCalendar(),
): PublicityPeriod {
  return {
    start,
    firstDay: firstWorkingDayFrom(start, isWorkday),
    end: endOfWorkingDayPeriod(start, workingDays, isWorkday),
    workingDays,
  };
}

/** The programme's publicity period starting on `start` (its length, or the default). */
export function programmePublicityPeriod(
  programme: Programme,
  start: string,
  isWorkday: WorkdayCalendar = workdayCalendar(),
): PublicityPeriod & { source: PublicityLength['source'] } {
  const length = publicityLength(programme);
  return { ...publicityPeriod(start, length.workingDays, isWorkday), source: length.source };
}

/** Over once its last day has passed: on the end day itself objections are still accepted. */
export function isPublicityOver(period: Pick<PublicityPeriod, 'end'>, today: string): boolean {
  return today > period.end;
}
