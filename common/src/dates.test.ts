import { afterEach, describe, expect, it, vi } from 'vitest';
import { monthEnd, monthEndOf, todayCst, yearEarlier } from './dates.ts';

describe('month ends', () => {
  it('knows February in leap and common years, and 30- and 31-day months', () => {
    expect(monthEnd(2024, 2)).toBe('2024-02-29');
    expect(monthEnd(2026, 2)).toBe('2026-02-28');
    expect(monthEnd(2026, 4)).toBe('2026-04-30');
    expect(monthEnd(2026, 12)).toBe('2026-12-31');
  });

  it('gives the last day of the month a date lies in', () => {
    expect(monthEndOf('2026-06-15')).toBe('2026-06-30');
    expect(monthEndOf('2024-02-01')).toBe('2024-02-29');
    expect(monthEndOf('2026-12-31')).toBe('2026-12-31');
  });

  it('a year earlier keeps the day, except 29 February', () => {
    expect(yearEarlier('2025-02-28')).toBe('2024-02-28');
    expect(yearEarlier('2024-02-29')).toBe('2023-02-28');
  });
});

describe('today in China Standard Time', () => {
  afterEach(() => vi.useRealTimers());

  it('turns at 16:00 UTC, also when asked again within the same day and after the clock moves back', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-06T15:59:59.999Z'));
    expect(todayCst()).toBe('2026-12-06');
    expect(todayCst()).toBe('2026-12-06');
    vi.setSystemTime(new Date('2026-12-06T16:00:00.000Z'));
    expect(todayCst()).toBe('2026-12-07');
    vi.setSystemTime(new Date('2026-12-07T15:59:59.999Z'));
    expect(todayCst()).toBe('2026-12-07');
    vi.setSystemTime(new Date('2026-12-05T08:00:00.000Z'));
    expect(todayCst()).toBe('2026-12-05');
    expect(todayCst(new Date('2026-01-01T00:00:00Z'))).toBe('2026-01-01');
  });
});
