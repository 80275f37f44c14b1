// 职工诉求 indicators, counted under the union that received each appeal (the case's owner; an escalation does not
// move it): `appeals.received` by the day received, `appeals.closed` and `appeals.closed_on_time` by the day closed,
// and the rate `appeals.on_time_rate` = closed on time ÷ closed, among appeals closed in the period.
//
// The rate is declared, not computed here: `ratio` names its parts, and the statistics service divides only after
// summing them over the subtree (and per child), so a district's rate is never the average of its streets' rates.
// An appeal is on time when it was closed on or before the due day then in force and was never escalated by the
// overdue sweep (decided when it is closed: `appeals.on_time`).
import { sql } from 'drizzle-orm';
import { subtreeOf } from '../../platform/authz/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import {
  SELF,
  addTo,
  groupOf,
  groupValues,
  type GroupedValues,
  type IndicatorDef,
  type IndicatorProvider,
  type IndicatorScope,
  type TrendScope,
} from '../../platform/indicators/index.ts';
import { CASE_TYPE } from './appeals.repo.ts';

const theme = 'appeals';
export const APPEAL_INDICATORS: IndicatorDef[] = [
  { key: 'appeals.received', label: '受理职工诉求', unit: '件', kind: 'period', breakdowns: ['category', 'channel'], theme },
  { key: 'appeals.closed', label: '办结职工诉求', unit: '件', kind: 'period', breakdowns: ['satisfaction'], theme },
  { key: 'appeals.closed_on_time', label: '按时办结职工诉求', unit: '件', kind: 'period', breakdowns: [], theme },
  {
    key: 'appeals.on_time_rate',
    label: '职工诉求按时办结率',
    unit: '%',
    kind: 'period',
    breakdowns: [],
    theme,
    ratio: { numerator: 'appeals.closed_on_time', denominator: 'appeals.closed' },
  },
];
const KEYS = APPEAL_INDICATORS.map((i) => i.key);

const FROM = sql.raw(`appeals a JOIN cases c ON c.id = a.case_id AND c.type = '${CASE_TYPE}' JOIN orgs o ON o.id = c.org_id`);

async function compute(db: DbOrTx, s: IndicatorScope): Promise<GroupedValues> {
  const out: GroupedValues = new Map();
  if (!KEYS.some((k) => s.keys.has(k))) return out;
  const grp = sql.raw(groupOf(s.depth));
  const inTree = subtreeOf(sql.raw('c.org_path'), s.path);
  const [received, closed] = await Promise.all([
    db.execute<{ grp: string; category: string; channel: string; n: number }>(sql`
      SELECT ${grp} AS grp, a.category, a.channel, count(*)::int AS n FROM ${FROM}
      WHERE ${inTree} AND a.received_at BETWEEN ${s.from} AND ${s.to} GROUP BY 1, 2, 3`),
    db.execute<{ grp: string; satisfaction: string; on_time: boolean; n: number }>(sql`
      SELECT ${grp} AS grp, a.satisfaction, coalesce(a.on_time, false) AS on_time, count(*)::int AS n FROM ${FROM}
      WHERE ${inTree} AND c.status = 'closed' AND a.closed_at BETWEEN ${s.from} AND ${s.to} GROUP BY 1, 2, 3`),
  ]);
  const group = (g: string) => groupValues(out, g === '' ? SELF : g);
  for (const r of received.rows)
    addTo(group(r.grp), 'appeals.received', r.n, [
      ['category', r.category],
      ['channel', r.channel],
    ]);
  for (const r of closed.rows) {
    addTo(group(r.grp), 'appeals.closed', r.n, [['satisfaction', r.satisfaction]]);
    addTo(group(r.grp), 'appeals.closed_on_time', r.on_time ? r.n : 0);
  }
  for (const g of out.values()) for (const k of Object.keys(g)) if (!s.keys.has(k)) delete g[k];
  return out;
}

async function trend(db: DbOrTx, s: TrendScope): Promise<Record<string, number[]>> {
  if (!KEYS.some((k) => s.keys.has(k))) return {};
  const inTree = subtreeOf(sql.raw('c.org_path'), s.path);
  const [from, to] = [`${s.year}-01-01`, `${s.year}-12-31`];
  const [received, closed] = await Promise.all([
    db.execute<{ m: number; n: number }>(sql`
      SELECT extract(month FROM a.received_at)::int AS m, count(*)::int AS n FROM ${FROM}
      WHERE ${inTree} AND a.received_at BETWEEN ${from} AND ${to} GROUP BY 1`),
    db.execute<{ m: number; n: number; on_time: number }>(sql`
      SELECT extract(month FROM a.closed_at)::int AS m, count(*)::int AS n, count(*) FILTER (WHERE a.on_time)::int AS on_time
      FROM ${FROM} WHERE ${inTree} AND c.status = 'closed' AND a.closed_at BETWEEN ${from} AND ${to} GROUP BY 1`),
  ]);
  const series = <R extends { m: number }>(rows: R[], pick: (r: R) => number) => {
    const a = new Array<number>(12).fill(0);
    for (const r of rows) a[r.m - 1] = pick(r);
    return a;
  };
  const all: Record<string, number[]> = {
    'appeals.received': series(received.rows, (r) => r.n),
    'appeals.closed': series(closed.rows, (r) => r.n),
    'appeals.closed_on_time': series(closed.rows, (r) => r.on_time),
  };
  return Object.fromEntries(Object.entries(all).filter(([k]) => s.keys.has(k)));
}

function records(key: string, orgId: number | string, from: string, to: string): string | null {
  if (!KEYS.includes(key)) return null;
  const q: Record<string, string> =
    key === 'appeals.received'
      ? { orgId: String(orgId), receivedFrom: from, receivedTo: to }
      : { orgId: String(orgId), status: 'closed', closedFrom: from, closedTo: to };
  return `/appeals?${new URLSearchParams(q).toString()}`;
}

export const appealIndicatorProvider: IndicatorProvider = { indicators: APPEAL_INDICATORS, compute, trend, records };
