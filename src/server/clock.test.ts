import { afterEach, describe, expect, it, vi } from 'vitest';
import { chinaToday } from './clock';

afterEach(() => {
  vi.useRealTimers();
});

describe('chinaToday', () => {
  it('turns at midnight in China, though it formats the day only once a minute', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-01T15:59:58.000Z') });
    expect(chinaToday()).toBe('2026-03-01');
    vi.setSystemTime(new Date('2026-03-01T15:59:59.999Z'));
    expect(chinaToday()).toBe('2026-03-01');
    // 16:00 UTC is midnight in Shanghai (UTC+8).
    vi.setSystemTime(new Date('2026-03-01T16:00:00.000Z'));
    expect(chinaToday()).toBe('2026-03-02');
    // Back in time (a test moving the clock) is seen too.
    vi.setSystemTime(new Date('2025-12-31T15:59:00.000Z'));
    expect(chinaToday()).toBe('2025-12-31');
  });
});
