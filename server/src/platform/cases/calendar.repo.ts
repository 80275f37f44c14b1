// The working-day calendar's rows (calendar_days, calendar_years). Federation-wide reference data without personal
// data: read by every cadre, written only by holders of calendar:manage.
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { calendarDays, calendarYears, type DbOrTx } from '../db/index.ts';
import type { CalendarDayKind, WorkCalendar } from './calendar.ts';

export interface CalendarDayRow {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

/** The calendar between two dates (inclusive), for deadline arithmetic. */
export async function loadCalendar(db: DbOrTx, from: string, to: string): Promise<WorkCalendar> {
  const rows = await db
    .select({ date: calendarDays.date, kind: calendarDays.kind })
    .from(calendarDays)
    .where(and(gte(calendarDays.date, from), lte(calendarDays.date, to)));
  return new Map(rows.map((r) => [r.date, r.kind]));
}

export async function listYear(db: DbOrTx, year: number): Promise<{ provisional: boolean; days: CalendarDayRow[] }> {
  const [days, [y]] = await Promise.all([
    db
      .select({ date: calendarDays.date, kind: calendarDays.kind, name: calendarDays.name })
      .from(calendarDays)
      .where(and(gte(calendarDays.date, `${year}-01-01`), lte(calendarDays.date, `${year}-12-31`)))
      .orderBy(asc(calendarDays.date)),
    db.select({ provisional: calendarYears.provisional }).from(calendarYears).where(eq(calendarYears.year, year)),
  ]);
  // A year nobody has entered is provisional: deadlines then count weekends only.
  return { provisional: y?.provisional ?? true, days };
}

/** Replaces one year's days (the caller's transaction also holds the audit row). */
export async function replaceYear(db: DbOrTx, year: number, provisional: boolean, days: CalendarDayRow[], userId: number): Promise<void> {
  await db.delete(calendarDays).where(and(gte(calendarDays.date, `${year}-01-01`), lte(calendarDays.date, `${year}-12-31`)));
  if (days.length) await db.insert(calendarDays).values(days);
  await db
    .insert(calendarYears)
    .values({ year, provisional, updatedBy: userId })
    .onConflictDoUpdate({ target: calendarYears.year, set: { provisional, updatedBy: userId, updatedAt: new Date() } });
}
