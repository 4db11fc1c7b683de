import { describe, expect, test } from 'vitest';
import { EvidenceCheck } from '../../../shared/enums';
import { beijingTime, CHECK_LABELS } from './evidence-common';

describe('evidence-common without zod and dayjs (the public verification page, issue 15)', () => {
  test('the checks have the names and order of EvidenceCheck', () => {
    expect(Object.entries(CHECK_LABELS)).toEqual(Object.entries(EvidenceCheck.labels));
  });

  test('an instant in Beijing time, whatever the time zone', () => {
    expect(beijingTime('2025-12-31T16:30:05.123Z')).toBe('2026-01-01 00:30:05（北京时间）');
    expect(beijingTime('2025-06-03T08:00:00+08:00')).toBe('2025-06-03 08:00:00（北京时间）');
    expect(beijingTime(null)).toBe('—');
    expect(beijingTime('not a time')).toBe('not a time');
  });
});
