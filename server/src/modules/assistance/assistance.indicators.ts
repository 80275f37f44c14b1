// 帮扶救助 indicators, counted from the day each entry was paid (paid_at). A payment later reversed is left out of
// every period (it stands for money that did not reach the person): a refresh of an earlier summary then drops it,
// and the breakdowns still add up to the totals. Money is reported in 分 (decision 0006): sums over groups stay exact,
// and the statistics and summaries turn it into 元 once, at the edge.
import { monthEndOf } from '@gonghui/common';
import { sql, type SQL } from 'drizzle-orm';
import type { TIndicator, TStatValue } from '@gonghui/common';
import { subtreeOf } from '../../platform/authz/index.ts';
import { currentScope, type DbOrTx } from '../../platform/db/index.ts';
import {
  SELF,
  groupValues,
  type GroupedValues,
  type IndicatorProvider,
  type IndicatorScope,
  type TrendScope,
} from '../../platform/indicators/index.ts';

const theme = 'assistance';
const dims = ['kind', 'fundSource', 'campaignKind'];
export const ASSISTANCE_INDICATORS: Omit<TIndicator, 'records'>[] = [
  { key: 'assistance.times', label: '帮扶人次', unit: '人次', kind: 'period', breakdowns: dims, theme },
  { key: 'assistance.people', label: '帮扶人数', unit: '人', kind: 'period', breakdowns: [], theme },
  { key: 'assistance.amount', label: '发放帮扶资金', unit: '元', kind: 'period', breakdowns: dims, theme },
  { key: 'assistance.goods', label: '发放物资折价', unit: '元', kind: 'period', breakdowns: ['campaignKind'], theme },
];
const KEYS = ASSISTANCE_INDICATORS.map((i) => i.key);

type PaidRow = {
  grp: string;
  kind: string;
  fund: string;
  ck: string;
  n: number;
  amount: string | number;
  goods: string | number;
};

/** Adds `n` (分 or a count) to a value and to each of its breakdown members. */
function add(v: Record<string, TStatValue>, key: string, n: number, members: [string, string][]): void {
  const x = (v[key] ??= { value: 0 });
  x.value += n;
  for (const [dim, m] of members) {
    const d = ((x.breakdown ??= {})[dim] ??= {});
    d[m] = (d[m] ?? 0) + n;
  }
}

/** Every day from `from` to `to` (ISO dates), or null past ten years. */
function daysOf(from: string, to: string): string[] | null {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`), end = new Date(`${to}T00:00:00Z`); d <= end; d.setUTCDate(d.getUTCDate() + 1)) {
    if (out.length === 3700) return null;
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

/**
 * Paid entries of the subtree at `path` paid from `from` to `to`. assistance_entries_paid_path_idx is keyed by the
 * day paid, then the path: naming each day (`= ANY`) makes one short range of paths per day, so a district's half
 * year reads its own ~70,000 index entries instead of its whole history (by path) or the city's half year (by day).
 */
function paidIn(path: string, from: string, to: string) {
  const days = daysOf(from, to);
  const when = days ? sql`e.paid_at = ANY(${sql.param(days)}::date[])` : sql`e.paid_at BETWEEN ${from} AND ${to}`;
  return sql`e.status = 'paid' AND ${when} AND ${subtreeOf(sql.raw('e.org_path'), path)}`;
}

/**
 * Payments, money and goods by group, kind, fund source and campaign kind. Whole months read the month sums the
 * trigger keeps per ancestor (a few hundred rows); they are readable only as the system, i.e. when the org lies in
 * the reader's scope (decision 0009). Other periods, or an org read under the caller's own scope, sum the entries.
 */
function sumsOf(db: DbOrTx, s: IndicatorScope, grp: SQL, paid: SQL) {
  const orgId = Number(s.path.split('.').filter(Boolean).at(-1));
  if (currentScope() === '*' && s.from.endsWith('-01') && s.to === monthEndOf(s.to))
    return db.execute<PaidRow>(sql`SELECT CASE WHEN m.grp = 0 THEN '' ELSE m.grp::text END AS grp, m.kind, m.fund_source AS fund,
        coalesce(c.kind, 'none') AS ck, sum(m.n)::int AS n, sum(m.amount_fen)::bigint AS amount, sum(m.goods_fen)::bigint AS goods
      FROM assistance_month_sums m LEFT JOIN campaigns c ON c.id = m.campaign_id
      WHERE m.ancestor_id = ${orgId} AND m.month BETWEEN ${s.from} AND ${s.to}
      GROUP BY 1, 2, 3, 4 HAVING sum(m.n) <> 0`);
  // Summed per campaign first, then the (few) campaigns joined for their kind: not one campaign probe per entry.
  return db.execute<PaidRow>(sql`SELECT a.grp, a.kind, a.fund, coalesce(c.kind, 'none') AS ck, sum(a.n)::int AS n,
      sum(a.amount)::bigint AS amount, sum(a.goods)::bigint AS goods
    FROM (SELECT ${grp} AS grp, e.kind, e.fund_source AS fund, e.campaign_id, count(*) AS n,
        sum(e.amount_fen) AS amount, sum(e.goods_fen) AS goods
      FROM assistance_entries e
      WHERE ${paid} GROUP BY 1, 2, 3, 4) a
    LEFT JOIN campaigns c ON c.id = a.campaign_id
    GROUP BY 1, 2, 3, 4`);
}

async function compute(db: DbOrTx, s: IndicatorScope): Promise<GroupedValues> {
  const out: GroupedValues = new Map();
  if (!KEYS.some((k) => s.keys.has(k))) return out;
  // The group is the entry's path segment below the org ('' for the org itself), so no orgs are joined; the entries
  // are read from assistance_entries_paid_path_idx alone.
  const grp = sql.raw(`split_part(e.org_path, '.', ${s.depth + 2})`);
  const paid = paidIn(s.path, s.from, s.to);
  const [rows, people] = await Promise.all([
    sumsOf(db, s, grp, paid),
    s.keys.has('assistance.people')
      ? // Byte order (COLLATE "C") for the distinct hashes: the same count, a cheaper sort than the database's locale.
        db.execute<{ grp: string; n: number }>(sql`SELECT ${grp} AS grp, count(DISTINCT e.id_hash COLLATE "C")::int AS n
          FROM assistance_entries e WHERE ${paid} GROUP BY 1`)
      : { rows: [] },
  ]);
  for (const r of rows.rows) {
    const g = groupValues(out, r.grp || SELF);
    const members: [string, string][] = [
      ['kind', r.kind],
      ['fundSource', r.fund],
      ['campaignKind', r.ck],
    ];
    add(g, 'assistance.times', r.n, members);
    add(g, 'assistance.amount', Number(r.amount), members);
    add(g, 'assistance.goods', Number(r.goods), [['campaignKind', r.ck]]);
  }
  for (const r of people.rows) add(groupValues(out, r.grp || SELF), 'assistance.people', r.n, []);
  for (const g of out.values()) {
    for (const k of Object.keys(g)) if (!s.keys.has(k)) delete g[k];
  }
  return out;
}

async function trend(db: DbOrTx, s: TrendScope): Promise<Record<string, number[]>> {
  if (!KEYS.some((k) => s.keys.has(k))) return {};
  const res = await db.execute<{ m: number; n: number; people: number; amount: string | number; goods: string | number }>(sql`
    SELECT extract(month FROM e.paid_at)::int AS m, count(*)::int AS n, count(DISTINCT e.id_hash)::int AS people,
      sum(e.amount_fen)::bigint AS amount, sum(e.goods_fen)::bigint AS goods
    FROM assistance_entries e
    WHERE ${paidIn(s.path, `${s.year}-01-01`, `${s.year}-12-31`)}
    GROUP BY 1`);
  const series = (pick: (r: (typeof res.rows)[number]) => number) => {
    const a = new Array<number>(12).fill(0);
    for (const r of res.rows) a[r.m - 1] = pick(r);
    return a;
  };
  const all: Record<string, number[]> = {
    'assistance.times': series((r) => r.n),
    'assistance.people': series((r) => r.people),
    'assistance.amount': series((r) => Number(r.amount)),
    'assistance.goods': series((r) => Number(r.goods)),
  };
  return Object.fromEntries(Object.entries(all).filter(([k]) => s.keys.has(k)));
}

function records(key: string, orgId: number | string, from: string, to: string): string | null {
  if (!KEYS.includes(key)) return null;
  const q = new URLSearchParams({ orgId: String(orgId), status: 'paid', paidFrom: from, paidTo: to });
  return `/assistance?${q.toString()}`;
}

export const assistanceIndicatorProvider: IndicatorProvider = { indicators: ASSISTANCE_INDICATORS, compute, trend, records };
