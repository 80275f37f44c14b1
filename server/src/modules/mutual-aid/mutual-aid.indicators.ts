// 医疗互助 indicators. Enrolment figures are snapshots: the units, members and premium of enrolments in the plans of
// the period's year (the year of its last day) registered on or before that day — 参保 is a yearly state, so a
// half-year report counts who is covered this year as of 6月30日 and a new year starts from nothing. The premium is
// what was recorded as paid (缴纳互助金, in 分). Claims count by the day paid: `mutual_aid.claims` (人次, one per paid
// claim) and `mutual_aid.paid` (the payouts, in 分). Every figure is grouped by the enrolled unit's or the claim's
// union, so the breakdowns and the child groups add up to the totals.
import { monthEnd } from '@gonghui/common';
import { sql } from 'drizzle-orm';
import type { TIndicator } from '@gonghui/common';
import { subtreeOf } from '../../platform/authz/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import {
  SELF,
  addTo,
  groupOf,
  groupValues,
  type GroupedValues,
  type IndicatorProvider,
  type IndicatorScope,
  type TrendScope,
} from '../../platform/indicators/index.ts';

const theme = 'mutual-aid';
export const MUTUAL_AID_INDICATORS: Omit<TIndicator, 'records'>[] = [
  { key: 'mutual_aid.units', label: '参加医疗互助单位', unit: '家', kind: 'snapshot', breakdowns: [], theme },
  { key: 'mutual_aid.members', label: '参加医疗互助职工', unit: '人', kind: 'snapshot', breakdowns: ['class'], theme },
  { key: 'mutual_aid.premium', label: '缴纳医疗互助金', unit: '元', kind: 'snapshot', breakdowns: ['class'], theme },
  { key: 'mutual_aid.claims', label: '医疗互助报销人次', unit: '人次', kind: 'period', breakdowns: ['class', 'kind'], theme },
  { key: 'mutual_aid.paid', label: '医疗互助报销金额', unit: '元', kind: 'period', breakdowns: ['class', 'kind'], theme },
];
const KEYS = MUTUAL_AID_INDICATORS.map((i) => i.key);
const ENROL_KEYS = ['mutual_aid.units', 'mutual_aid.members', 'mutual_aid.premium'];
const CLAIM_KEYS = ['mutual_aid.claims', 'mutual_aid.paid'];

const grpOf = (out: GroupedValues, grp: string) => groupValues(out, grp === '' ? SELF : grp);

async function enrolled(db: DbOrTx, path: string, grp: string, day: string) {
  const res = await db.execute<{ grp: string; cls: string; units: number; n: number; paid: string | number }>(sql`
    SELECT ${sql.raw(grp)} AS grp, e.class_code AS cls, count(DISTINCT e.org_id)::int AS units,
      coalesce(sum(e.headcount), 0)::int AS n, coalesce(sum(e.premium_paid_fen), 0)::bigint AS paid
    FROM mutual_aid_enrolments e JOIN mutual_aid_plans p ON p.id = e.plan_id JOIN orgs o ON o.id = e.org_id
    WHERE p.year = ${Number(day.slice(0, 4))} AND e.enrolled_at <= ${day} AND ${subtreeOf(sql.raw('o.path'), path)}
    GROUP BY 1, 2`);
  // Units are counted once whatever their classes: a second query without the class.
  const units = await db.execute<{ grp: string; units: number }>(sql`
    SELECT ${sql.raw(grp)} AS grp, count(DISTINCT e.org_id)::int AS units
    FROM mutual_aid_enrolments e JOIN mutual_aid_plans p ON p.id = e.plan_id JOIN orgs o ON o.id = e.org_id
    WHERE p.year = ${Number(day.slice(0, 4))} AND e.enrolled_at <= ${day} AND ${subtreeOf(sql.raw('o.path'), path)}
    GROUP BY 1`);
  return { rows: res.rows, units: units.rows };
}

async function compute(db: DbOrTx, s: IndicatorScope): Promise<GroupedValues> {
  const out: GroupedValues = new Map();
  if (!KEYS.some((k) => s.keys.has(k))) return out;
  const orgId = Number(s.path.split('.').filter(Boolean).at(-1));
  const grp = `CASE WHEN o.id = ${orgId} THEN '' ELSE ${groupOf(s.depth)} END`;
  if (ENROL_KEYS.some((k) => s.keys.has(k))) {
    const { rows, units } = await enrolled(db, s.path, grp, s.to);
    for (const r of rows) {
      const g = grpOf(out, r.grp);
      addTo(g, 'mutual_aid.members', r.n, [['class', r.cls]]);
      addTo(g, 'mutual_aid.premium', Number(r.paid), [['class', r.cls]]);
    }
    for (const r of units) addTo(grpOf(out, r.grp), 'mutual_aid.units', r.units);
  }
  if (CLAIM_KEYS.some((k) => s.keys.has(k))) {
    const res = await db.execute<{ grp: string; cls: string; kind: string; n: number; paid: string | number }>(sql`
      SELECT ${sql.raw(grp)} AS grp, c.class_code AS cls, c.kind, count(*)::int AS n, coalesce(sum(c.payout_fen), 0)::bigint AS paid
      FROM mutual_aid_claims c JOIN orgs o ON o.id = c.org_id
      WHERE c.status = 'paid' AND c.paid_at BETWEEN ${s.from} AND ${s.to} AND ${subtreeOf(sql.raw('o.path'), s.path)}
      GROUP BY 1, 2, 3`);
    for (const r of res.rows) {
      const g = grpOf(out, r.grp);
      const dims: [string, string][] = [
        ['class', r.cls],
        ['kind', r.kind],
      ];
      addTo(g, 'mutual_aid.claims', r.n, dims);
      addTo(g, 'mutual_aid.paid', Number(r.paid), dims);
    }
  }
  for (const g of out.values()) for (const k of Object.keys(g)) if (!s.keys.has(k)) delete g[k];
  return out;
}

async function trend(db: DbOrTx, s: TrendScope): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = {};
  if (!KEYS.some((k) => s.keys.has(k))) return out;
  for (const k of KEYS) if (s.keys.has(k)) out[k] = new Array<number>(12).fill(0);
  if (ENROL_KEYS.some((k) => s.keys.has(k))) {
    for (let m = 1; m <= 12; m++) {
      const { rows, units } = await enrolled(db, s.path, "''", monthEnd(s.year, m));
      const put = (k: string, n: number) => {
        const a = out[k];
        if (a) a[m - 1] = (a[m - 1] ?? 0) + n;
      };
      for (const r of rows) {
        put('mutual_aid.members', r.n);
        put('mutual_aid.premium', Number(r.paid));
      }
      for (const r of units) put('mutual_aid.units', r.units);
    }
  }
  if (CLAIM_KEYS.some((k) => s.keys.has(k))) {
    const res = await db.execute<{ m: number; n: number; paid: string | number }>(sql`
      SELECT extract(month FROM c.paid_at)::int AS m, count(*)::int AS n, coalesce(sum(c.payout_fen), 0)::bigint AS paid
      FROM mutual_aid_claims c JOIN orgs o ON o.id = c.org_id
      WHERE c.status = 'paid' AND c.paid_at BETWEEN ${`${s.year}-01-01`} AND ${`${s.year}-12-31`} AND ${subtreeOf(sql.raw('o.path'), s.path)}
      GROUP BY 1`);
    for (const r of res.rows) {
      if (out['mutual_aid.claims']) out['mutual_aid.claims'][r.m - 1] = r.n;
      if (out['mutual_aid.paid']) out['mutual_aid.paid'][r.m - 1] = Number(r.paid);
    }
  }
  return out;
}

function records(key: string, orgId: number | string, from: string, to: string): string | null {
  if (!CLAIM_KEYS.includes(key)) return null;
  const q = new URLSearchParams({ orgId: String(orgId), status: 'paid', paidFrom: from, paidTo: to });
  return `/mutual-aid/claims?${q.toString()}`;
}

export const mutualAidIndicatorProvider: IndicatorProvider = { indicators: MUTUAL_AID_INDICATORS, compute, trend, records };
