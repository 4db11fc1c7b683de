import { describe, expect, it } from 'vitest';
import { workdayCalendar } from '../calendar/working-days';
import type { Programme } from '../programs/schema';
import {
  DEFAULT_PUBLICITY_WORKING_DAYS,
  isPublicityOver,
  programmePublicityPeriod,
  publicityLength,
  publicityPeriod,
} from './publicity';
import { putuo, shaoxing } from './seed-programmes.fixture';

/** 002 with a stated length, as a later year's programme might publish it. */
const withLength = (p: Programme, workingDays: number): Programme => ({
  ...p,
  stages: p.stages.map((s) => (s.kind === 'publicity' ? { ...s, workingDays } : s)),
});

describe('publicity length', () => {
  it('002 states none: the platform default of 5 working days, marked as such', () => {
    expect(publicityLength(shaoxing)).toEqual({ workingDays: DEFAULT_PUBLICITY_WORKING_DAYS, source: 'default' });
    expect(DEFAULT_PUBLICITY_WORKING_DAYS).toBe(5);
  });

  it('a stated length wins', () => {
    expect(publicityLength(withLength(shaoxing, 7))).toEqual({ workingDays: 7, source: 'programme' });
  });

  it('a programme without publicity still gets the default (for an ad-hoc notice)', () => {
    expect(publicityLength(putuo).source).toBe('default');
  });
});

describe('publicity period on the official calendar', () => {
  it('5 working days across the National Day holiday', () => {
    // Mon 28, Tue 29, Wed 30 Sept; 1–7 Oct off; Thu 8, Fri 9 Oct.
    expect(publicityPeriod('2026-09-28', 5)).toEqual({
      start: '2026-09-28',
      firstDay: '2026-09-28',
      end: '2026-10-09',
      workingDays: 5,
    });
  });

  it('starting in the holiday counts from the first working day after it', () => {
    // 8, 9, Sat 10 (make-up working day), Mon 12, Tue 13 October.
    expect(publicityPeriod('2026-10-01', 5)).toMatchObject({ firstDay: '2026-10-08', end: '2026-10-13' });
  });

  it('takes the length from the programme', () => {
    expect(programmePublicityPeriod(shaoxing, '2026-09-28')).toEqual({
      start: '2026-09-28',
      firstDay: '2026-09-28',
      end: '2026-10-09',
      workingDays: 5,
      source: 'default',
    });
    // 28, 29, 30 Sept; 8, 9, Sat 10 (make-up working day), Mon 12 Oct.
    expect(programmePublicityPeriod(withLength(shaoxing, 7), '2026-09-28')).toMatchObject({
      end: '2026-10-12',
      source: 'programme',
    });
  });

  it('honours administrators’ calendar overrides', () => {
    const local = workdayCalendar([{ date: '2026-10-09', workday: false }]);
    expect(publicityPeriod('2026-09-28', 5, local).end).toBe('2026-10-10');
  });

  it('is over only after its last day', () => {
    const period = publicityPeriod('2026-09-28', 5);
    expect(isPublicityOver(period, '2026-10-01')).toBe(false);
    expect(isPublicityOver(period, '2026-10-09')).toBe(false);
    expect(isPublicityOver(period, '2026-10-10')).toBe(true);
  });
});
