// Working days (工作日) as the State Council's holiday notice defines them: Monday to Friday, minus public holidays,
// plus the 调休 weekend days worked in exchange. Pure functions over the days that differ from the plain week.
import { isIsoDate } from '@gonghui/common';

export type CalendarDayKind = 'holiday' | 'workday';

/** The days that differ from the Monday–Friday week, by 'YYYY-MM-DD'. */
export type WorkCalendar = ReadonlyMap<string, CalendarDayKind>;

export const EMPTY_CALENDAR: WorkCalendar = new Map();

const DAY_MS = 86_400_000;

function toUtc(date: string): number {
  if (!isIsoDate(date)) throw new Error(`invalid date: ${date}`);
  return Date.parse(`${date}T00:00:00Z`);
}

const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function isWorkingDay(date: string, calendar: WorkCalendar): boolean {
  const kind = calendar.get(date);
  if (kind === 'holiday') return false;
  if (kind === 'workday') return true;
  const weekday = new Date(toUtc(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The n-th working day after `date` (not counting `date` itself): a request made on any day of a week-long holiday
 * with n = 1 is due on the first working day after it. n = 0 answers `date` itself. Dates are 'YYYY-MM-DD'.
 */
export function addWorkingDays(date: string, n: number, calendar: WorkCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new Error(`working days must be a non-negative integer: ${n}`);
  let ms = toUtc(date);
  let left = n;
  // A year has ~250 working days; the bound only stops a broken calendar (every day a holiday) from looping.
  for (let guard = 0; left > 0; guard++) {
    if (guard > n * 7 + 400) throw new Error('calendar has no working days');
    ms += DAY_MS;
    if (isWorkingDay(fromUtc(ms), calendar)) left--;
  }
  return fromUtc(ms);
}

/** 'YYYY-MM-DD' plus whole calendar days. */
export function addCalendarDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** The number of working days d with `from` < d ≤ `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string, calendar: WorkCalendar): number {
  let n = 0;
  for (let ms = toUtc(from) + DAY_MS, end = toUtc(to); ms <= end; ms += DAY_MS) if (isWorkingDay(fromUtc(ms), calendar)) n++;
  return n;
}

/** The SLA clock (办理时限) of an open case on `today`: working days left until its due day (0: due today, null:
 *  no due day) and, once past it, the working days it is late by (at least 1). */
export function slaClock(
  dueAt: string | null,
  today: string,
  calendar: WorkCalendar,
): { remainingDays: number | null; overdueDays: number } {
  if (dueAt === null) return { remainingDays: null, overdueDays: 0 };
  if (dueAt >= today) return { remainingDays: workingDaysBetween(today, dueAt, calendar), overdueDays: 0 };
  return { remainingDays: null, overdueDays: Math.max(1, workingDaysBetween(dueAt, today, calendar)) };
}
