// 网上入会 indicators, counted under the union applied to (the case's owner): `join.applications` by the day the
// application was submitted (China time) and `join.approved` by the day it was approved.
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
import { CASE_TYPE } from './join-applications.repo.ts';

const theme = 'join-applications';
export const JOIN_INDICATORS: IndicatorDef[] = [
  { key: 'join.applications', label: '网上入会申请', unit: '件', kind: 'period', breakdowns: [], theme },
  { key: 'join.approved', label: '网上入会批准', unit: '人', kind: 'period', breakdowns: [], theme },
];
const KEYS = JOIN_INDICATORS.map((i) => i.key);

const FROM = sql.raw(`join_applications a JOIN cases c ON c.id = a.case_id AND c.type = '${CASE_TYPE}' JOIN orgs o ON o.id = c.org_id`);
const SUBMITTED = sql.raw(`(c.created_at AT TIME ZONE 'Asia/Shanghai')::date`);
const DECIDED = sql.raw(`(a.decided_at AT TIME ZONE 'Asia/Shanghai')::date`);

async function compute(db: DbOrTx, s: IndicatorScope): Promise<GroupedValues> {
  const out: GroupedValues = new Map();
  if (!KEYS.some((k) => s.keys.has(k))) return out;
  const grp = sql.raw(groupOf(s.depth));
  const inTree = subtreeOf(sql.raw('c.org_path'), s.path);
  const [submitted, approved] = await Promise.all([
    db.execute<{ grp: string; n: number }>(sql`
      SELECT ${grp} AS grp, count(*)::int AS n FROM ${FROM}
      WHERE ${inTree} AND ${SUBMITTED} BETWEEN ${s.from} AND ${s.to} GROUP BY 1`),
    db.execute<{ grp: string; n: number }>(sql`
      SELECT ${grp} AS grp, count(*)::int AS n FROM ${FROM}
      WHERE ${inTree} AND c.status = 'approved' AND ${DECIDED} BETWEEN ${s.from} AND ${s.to} GROUP BY 1`),
  ]);
  const group = (g: string) => groupValues(out, g === '' ? SELF : g);
  for (const r of submitted.rows) addTo(group(r.grp), 'join.applications', r.n);
  for (const r of approved.rows) addTo(group(r.grp), 'join.approved', r.n);
  for (const g of out.values()) for (const k of Object.keys(g)) if (!s.keys.has(k)) delete g[k];
  return out;
}

async function trend(db: DbOrTx, s: TrendScope): Promise<Record<string, number[]>> {
  if (!KEYS.some((k) => s.keys.has(k))) return {};
  const inTree = subtreeOf(sql.raw('c.org_path'), s.path);
  const [from, to] = [`${s.year}-01-01`, `${s.year}-12-31`];
  const [submitted, approved] = await Promise.all([
    db.execute<{ m: number; n: number }>(sql`
      SELECT extract(month FROM ${SUBMITTED})::int AS m, count(*)::int AS n FROM ${FROM}
      WHERE ${inTree} AND ${SUBMITTED} BETWEEN ${from} AND ${to} GROUP BY 1`),
    db.execute<{ m: number; n: number }>(sql`
      SELECT extract(month FROM ${DECIDED})::int AS m, count(*)::int AS n FROM ${FROM}
      WHERE ${inTree} AND c.status = 'approved' AND ${DECIDED} BETWEEN ${from} AND ${to} GROUP BY 1`),
  ]);
  const series = (rows: { m: number; n: number }[]) => {
    const a = new Array<number>(12).fill(0);
    for (const r of rows) a[r.m - 1] = r.n;
    return a;
  };
  const all: Record<string, number[]> = { 'join.applications': series(submitted.rows), 'join.approved': series(approved.rows) };
  return Object.fromEntries(Object.entries(all).filter(([k]) => s.keys.has(k)));
}

/** The list behind a figure: the union's applications (approved ones for `join.approved`). */
function records(key: string, orgId: number | string): string | null {
  if (!KEYS.includes(key)) return null;
  const q: Record<string, string> =
    key === 'join.approved' ? { orgId: String(orgId), status: 'approved' } : { orgId: String(orgId), status: 'all' };
  return `/join-applications?${new URLSearchParams(q).toString()}`;
}

export const joinIndicatorProvider: IndicatorProvider = { indicators: JOIN_INDICATORS, compute, trend, records };
