import { describe, expect, it } from 'vitest';
import { monthEnd, monthEndOf, yearEarlier } from './dates.ts';

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
