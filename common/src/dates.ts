// Calendar dates travel as 'YYYY-MM-DD' strings; these checks run the same on both sides.
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

const DAY_MS = 86_400_000;
const CST_MS = 8 * 3600_000;
// The last day computed without an explicit date and the UTC instants it spans: row checks of an import ask for
// today once per row, and formatting a Date each time cost a few per cent of the import's CPU.
let cached = { from: 0, until: 0, day: '' };

/** Today in China Standard Time, as 'YYYY-MM-DD'. */
export function todayCst(now?: Date): string {
  if (now) return new Date(now.getTime() + CST_MS).toISOString().slice(0, 10);
  const t = Date.now();
  if (t >= cached.from && t < cached.until) return cached.day;
  const from = Math.floor((t + CST_MS) / DAY_MS) * DAY_MS - CST_MS;
  cached = { from, until: from + DAY_MS, day: new Date(t + CST_MS).toISOString().slice(0, 10) };
  return cached.day;
}

/** The reporting window of a year as of a date: 1 January to asOf, kept inside the year. */
export function yearWindow(year: number, asOf?: string): { from: string; to: string } {
  const from = `${year}-01-01`;
  const end = `${year}-12-31`;
  const day = asOf ?? todayCst();
  return { from, to: day < from ? from : day > end ? end : day };
}

/** Share of the year elapsed at `to` (时间进度), in percent with two decimals. */
export function timeProgress(year: number, to: string): number {
  const start = Date.UTC(year, 0, 1);
  const days = (Date.UTC(year + 1, 0, 1) - start) / 86_400_000;
  const elapsed = (Date.parse(`${to}T00:00:00Z`) - start) / 86_400_000 + 1;
  return Math.round((elapsed / days) * 10000) / 100;
}

/** The same calendar day a year earlier (29 February becomes 28 February). */
export function yearEarlier(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return `${y - 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The last day of a month (1–12) of a year, as 'YYYY-MM-DD'. */
export function monthEnd(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** The last day of the month a 'YYYY-MM-DD' date lies in. */
export function monthEndOf(day: string): string {
  return monthEnd(Number(day.slice(0, 4)), Number(day.slice(5, 7)));
}
