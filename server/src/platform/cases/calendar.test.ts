// Working-day arithmetic over the 2026 State Council calendar (holidays and 调休 weekend workdays).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addWorkingDays, isWorkingDay, type WorkCalendar } from './calendar.ts';

const cal: WorkCalendar = new Map([
  ['2026-02-14', 'workday'],
  ...['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((d) => [`2026-02-${d}`, 'holiday'] as const),
  ['2026-02-28', 'workday'],
  ['2026-09-20', 'workday'],
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => [`2026-10-${d}`, 'holiday'] as const),
  ['2026-10-10', 'workday'],
]);

describe('working days', () => {
  it('counts Monday to Friday when nothing differs', () => {
    expect(addWorkingDays('2026-03-06', 1, new Map())).toBe('2026-03-09'); // Friday → Monday
    expect(addWorkingDays('2026-03-07', 1, new Map())).toBe('2026-03-09'); // Saturday → Monday
    expect(addWorkingDays('2026-03-02', 10, new Map())).toBe('2026-03-16');
    expect(addWorkingDays('2026-03-02', 0, new Map())).toBe('2026-03-02');
  });

  it('skips public holidays and counts the 调休 weekend workdays', () => {
    // 春节: Friday 13 Feb → Saturday 14 Feb is worked; then nine days off until Tuesday 24 Feb.
    expect(addWorkingDays('2026-02-13', 1, cal)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 2, cal)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-16', 1, cal)).toBe('2026-02-24');
    // Saturday 28 Feb is worked.
    expect(addWorkingDays('2026-02-27', 1, cal)).toBe('2026-02-28');
    // 国庆: Sunday 20 Sep is worked; 1–7 Oct off; Saturday 10 Oct worked.
    expect(addWorkingDays('2026-09-18', 1, cal)).toBe('2026-09-20');
    expect(addWorkingDays('2026-09-30', 1, cal)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-30', 3, cal)).toBe('2026-10-10');
    expect(addWorkingDays('2026-09-25', 10, cal)).toBe('2026-10-15');
    expect(isWorkingDay('2026-10-10', cal)).toBe(true);
    expect(isWorkingDay('2026-10-05', cal)).toBe(false);
  });

  it('always lands on a working day with exactly n working days in between', () => {
    const day0 = Date.parse('2026-01-01T00:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 364 }), fc.integer({ min: 1, max: 30 }), (offset, n) => {
        const start = new Date(day0 + offset * 86_400_000).toISOString().slice(0, 10);
        const due = addWorkingDays(start, n, cal);
        expect(isWorkingDay(due, cal)).toBe(true);
        let count = 0;
        for (let ms = Date.parse(`${start}T00:00:00Z`) + 86_400_000; ms <= Date.parse(`${due}T00:00:00Z`); ms += 86_400_000) {
          if (isWorkingDay(new Date(ms).toISOString().slice(0, 10), cal)) count++;
        }
        expect(count).toBe(n);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a negative count and malformed dates', () => {
    expect(() => addWorkingDays('2026-03-02', -1, cal)).toThrow();
    expect(() => addWorkingDays('2026-02-30', 1, cal)).toThrow();
  });
});
