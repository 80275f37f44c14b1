// Periods the statistics pages pick from: 上半年, 全年, 本月 of a year, and today's date as the as-of default.
import dayjs from 'dayjs';

export interface DateRange {
  from: string;
  to: string;
}

export type QuickPeriod = 'h1' | 'year' | 'month';

export function today(): string {
  return dayjs().format('YYYY-MM-DD');
}

export function currentYear(): number {
  return dayjs().year();
}

export function quickRange(kind: QuickPeriod, year = currentYear()): DateRange {
  if (kind === 'h1') return { from: `${year}-01-01`, to: `${year}-06-30` };
  if (kind === 'year') return { from: `${year}-01-01`, to: `${year}-12-31` };
  const now = dayjs();
  return { from: now.startOf('month').format('YYYY-MM-DD'), to: now.endOf('month').format('YYYY-MM-DD') };
}

/** Which quick pick a range is, if any (to highlight the button). */
export function quickOf(range: DateRange): QuickPeriod | undefined {
  const year = Number(range.from.slice(0, 4));
  return (['h1', 'year', 'month'] as const).find((k) => {
    const r = quickRange(k, year);
    return r.from === range.from && r.to === range.to;
  });
}
