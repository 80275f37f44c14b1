// Hardship indicators (困难职工帮扶), counted from dated records so a past period gives the same answer later:
// a file is 在档 on a day from its registration date until its exit date; its tier on a day is that of its last
// registration or review on or before it (hardship_events); its cause is the primary (first) cause, so the cause
// breakdown adds up to the total like the tier breakdown.
import { monthEnd } from '@gonghui/common';
import { sql } from 'drizzle-orm';
import type { TIndicator } from '@gonghui/common';
import type { DbOrTx } from '../../platform/db/index.ts';
import { subtreeOf } from '../../platform/authz/index.ts';
import {
  addTo,
  groupValues,
  SELF,
  type GroupedValues,
  type IndicatorProvider,
  type IndicatorScope,
  type TrendScope,
} from '../../platform/indicators/index.ts';

const theme = 'hardship';
export const HARDSHIP_INDICATORS: Omit<TIndicator, 'records'>[] = [
  { key: 'hardship.households', label: '在档困难职工', unit: '户', kind: 'snapshot', breakdowns: ['tier', 'cause'], theme },
  { key: 'hardship.registered', label: '新建档困难职工', unit: '户', kind: 'period', breakdowns: ['tier'], theme },
  { key: 'hardship.exited', label: '解困脱困困难职工', unit: '户', kind: 'period', breakdowns: ['tier'], theme },
];

/** The tier of file `f` on day `day`. Reviews are dated on or after the previous one (the workflow refuses an
 *  earlier date), so a file whose last registration or review lies on or before the day has its current tier then:
 *  only files reviewed after the day look up their history. */
const tierOn = (day: string) => sql`CASE WHEN coalesce(f.reviewed_at, f.registered_at) <= ${day} THEN f.tier ELSE (
  SELECT e.tier FROM hardship_events e
  WHERE e.case_id = f.case_id AND e.type IN ('registered', 'reviewed') AND e.date <= ${day}
  ORDER BY e.date DESC, e.id DESC LIMIT 1) END`;

// The files carry their union's path (kept in step on moves like cases.org_path), so a subtree is one range of
// hardship_files_org_path_idx, read from the index alone, and the group is the path segment below the org.
const groupOfFile = (depth: number) => sql.raw(`split_part(f.org_path, '.', ${depth + 2})`);
const onFile = (day: string) => sql`f.registered_at <= ${day} AND (f.exited_at IS NULL OR f.exited_at > ${day})`;
// A file's registered and exited events are dated its registered_at and exited_at (the workflow writes both at
// once), so only files with one of those in the period need their events read.
const eventIn = (from: string, to: string) =>
  sql`(f.registered_at BETWEEN ${from} AND ${to} OR f.exited_at BETWEEN ${from} AND ${to}) AND e.type IN ('registered', 'exited') AND e.date BETWEEN ${from} AND ${to}`;

async function households(db: DbOrTx, path: string, depth: number, day: string) {
  const res = await db.execute<{ grp: string; tier: string; cause: string; n: number }>(sql`
    SELECT ${groupOfFile(depth)} AS grp, ${tierOn(day)} AS tier, f.causes[1] AS cause, count(*)::int AS n
    FROM hardship_files f
    WHERE ${subtreeOf(sql.raw('f.org_path'), path)} AND ${onFile(day)}
    GROUP BY 1, 2, 3`);
  return res.rows;
}

async function events(db: DbOrTx, path: string, depth: number, from: string, to: string) {
  const res = await db.execute<{ grp: string; type: string; tier: string; n: number }>(sql`
    SELECT ${groupOfFile(depth)} AS grp, e.type, e.tier, count(*)::int AS n
    FROM hardship_files f JOIN hardship_events e ON e.case_id = f.case_id
    WHERE ${subtreeOf(sql.raw('f.org_path'), path)} AND ${eventIn(from, to)}
    GROUP BY 1, 2, 3`);
  return res.rows;
}

const group = (out: GroupedValues, grp: string) => groupValues(out, grp === '' ? SELF : grp);

async function compute(db: DbOrTx, s: IndicatorScope): Promise<GroupedValues> {
  const out: GroupedValues = new Map();
  const want = (k: string) => s.keys.has(k);
  const [snap, period] = await Promise.all([
    want('hardship.households') ? households(db, s.path, s.depth, s.to) : [],
    want('hardship.registered') || want('hardship.exited') ? events(db, s.path, s.depth, s.from, s.to) : [],
  ]);
  for (const r of snap)
    addTo(group(out, r.grp), 'hardship.households', r.n, [
      ['tier', r.tier],
      ['cause', r.cause],
    ]);
  for (const r of period) {
    const key = r.type === 'registered' ? 'hardship.registered' : 'hardship.exited';
    if (want(key)) addTo(group(out, r.grp), key, r.n, [['tier', r.tier]]);
  }
  return out;
}

async function trend(db: DbOrTx, s: TrendScope): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = {};
  if (s.keys.has('hardship.registered') || s.keys.has('hardship.exited')) {
    const res = await db.execute<{ m: number; type: string; n: number }>(sql`
      SELECT extract(month FROM e.date)::int AS m, e.type, count(*)::int AS n
      FROM hardship_files f JOIN hardship_events e ON e.case_id = f.case_id
      WHERE ${subtreeOf(sql.raw('f.org_path'), s.path)} AND ${eventIn(`${s.year}-01-01`, `${s.year}-12-31`)}
      GROUP BY 1, 2`);
    for (const type of ['registered', 'exited'] as const) {
      const key = `hardship.${type}`;
      if (!s.keys.has(key)) continue;
      const months = new Array<number>(12).fill(0);
      for (const r of res.rows) if (r.type === type) months[r.m - 1] = r.n;
      out[key] = months;
    }
  }
  if (s.keys.has('hardship.households')) {
    const ends = Array.from({ length: 12 }, (_, i) => monthEnd(s.year, i + 1));
    const res = await db.execute<{ d: string; n: number }>(sql`
      SELECT d.d::text AS d, count(f.case_id)::int AS n
      FROM unnest(${sql.param(ends)}::date[]) AS d(d)
      LEFT JOIN hardship_files f ON ${subtreeOf(sql.raw('f.org_path'), s.path)}
        AND f.registered_at <= d.d AND (f.exited_at IS NULL OR f.exited_at > d.d)
      GROUP BY 1`);
    const byDay = new Map(res.rows.map((r) => [r.d, r.n]));
    out['hardship.households'] = ends.map((d) => byDay.get(d) ?? 0);
  }
  return out;
}

function records(key: string, orgId: number | string): string | null {
  if (key !== 'hardship.households') return null;
  return `/hardship-files?${new URLSearchParams({ orgId: String(orgId), status: 'active' }).toString()}`;
}

export const hardshipIndicatorProvider: IndicatorProvider = { indicators: HARDSHIP_INDICATORS, compute, trend, records };
