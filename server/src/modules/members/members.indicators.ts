// Member indicators (会员发展), counted from the dated membership history: a join or transfer in adds a member to
// the org where it happened, a quit or transfer out takes one away (保留会籍 keeps membership). A transfer between
// two unions of the same subtree therefore cancels out, and one across its boundary counts once.
import { sql } from 'drizzle-orm';
import type { TIndicator } from '@gonghui/common';
import type { DbOrTx } from '../../platform/db/index.ts';
import { subtreeOf } from '../../platform/authz/index.ts';
import { addTo, groupOf, groupValues, type GroupedValues, type IndicatorProvider, type IndicatorScope, type TrendScope } from '../../platform/indicators/index.ts';

const theme = 'members';
export const MEMBER_INDICATORS: TIndicator[] = [
  { key: 'members.total', label: '会员总数', unit: '人', kind: 'snapshot', breakdowns: ['category', 'gender'], theme },
  { key: 'members.joined', label: '发展会员', unit: '人', kind: 'period', breakdowns: ['category', 'gender'], theme },
  { key: 'members.left', label: '退会会员', unit: '人', kind: 'period', breakdowns: ['category'], theme },
  { key: 'members.net_new', label: '净增会员', unit: '人', kind: 'period', breakdowns: ['category'], theme },
  { key: 'members.in_new_orgs', label: '新建工会会员', unit: '人', kind: 'snapshot', breakdowns: ['kind'], theme },
];

const FLOWS = sql.raw(`('join', 'transfer_in', 'quit', 'transfer_out', 'reclass_in', 'reclass_out')`);
const SIGNED = sql.raw('member_event_sign(e.type)');
const SIGN: Record<string, number> = { join: 1, transfer_in: 1, quit: -1, transfer_out: -1, reclass_in: 1, reclass_out: -1 };
/** Below this many days back, a snapshot is today's counters minus the flows since; above, the flows up to it. */
export const COUNTER_WINDOW_DAYS = 730;

interface Bucket extends Record<string, unknown> {
  grp: string;
  gender: string;
  categories: string[];
  n: number;
}
interface PeriodRow extends Bucket {
  type: string;
}
interface NewOrgRow extends Record<string, unknown> {
  grp: string;
  kind: string;
  n: number;
}

/** Signed member counts as of `to` per group, gender and category set. */
function snapshotQuery(s: IndicatorScope, fromCounters: boolean) {
  const grp = sql.raw(groupOf(s.depth));
  const inScope = subtreeOf(sql.raw('o.path'), s.path);
  if (!fromCounters) {
    return sql`SELECT ${grp} AS grp, e.gender, e.categories, sum(${SIGNED})::int AS n
      FROM member_events e JOIN orgs o ON o.id = e.org_id
      WHERE ${inScope} AND e.date <= ${s.to} AND e.type IN ${FLOWS} GROUP BY 1, 2, 3 HAVING sum(${SIGNED}) <> 0`;
  }
  return sql`SELECT grp, gender, categories, sum(n)::int AS n FROM (
      SELECT ${grp} AS grp, c.gender, c.categories, c.n FROM member_counts c JOIN orgs o ON o.id = c.org_id WHERE ${inScope}
      UNION ALL
      SELECT ${grp}, e.gender, e.categories, -${SIGNED} FROM member_events e JOIN orgs o ON o.id = e.org_id
      WHERE ${inScope} AND e.date > ${s.to} AND e.type IN ${FLOWS}) x
    GROUP BY 1, 2, 3 HAVING sum(n) <> 0`;
}

function periodQuery(s: IndicatorScope) {
  return sql`SELECT ${sql.raw(groupOf(s.depth))} AS grp, e.type, e.gender, e.categories, count(*)::int AS n
    FROM member_events e JOIN orgs o ON o.id = e.org_id
    WHERE ${subtreeOf(sql.raw('o.path'), s.path)} AND e.date BETWEEN ${s.from} AND ${s.to} AND e.type IN ${FLOWS}
    GROUP BY 1, 2, 3, 4`;
}

function newOrgQuery(s: IndicatorScope) {
  return sql`SELECT ${sql.raw(groupOf(s.depth))} AS grp, o.kind, sum(${SIGNED})::int AS n
    FROM orgs o JOIN member_events e ON e.org_id = o.id
    WHERE ${subtreeOf(sql.raw('o.path'), s.path)} AND o.founded_at BETWEEN ${s.from} AND ${s.to} AND e.date <= ${s.to} AND e.type IN ${FLOWS}
    GROUP BY 1, 2`;
}

export interface ComputeOptions {
  /** Force one way of taking the snapshot (tests compare both); by default the cheaper one by date. */
  fromCounters?: boolean;
}

export async function computeMembers(db: DbOrTx, s: IndicatorScope, opts: ComputeOptions = {}): Promise<GroupedValues> {
  const out: GroupedValues = new Map();
  const want = (k: string) => s.keys.has(k);
  const recent = new Date(Date.now() + 8 * 3600_000 - COUNTER_WINDOW_DAYS * 86_400_000).toISOString().slice(0, 10);
  const fromCounters = opts.fromCounters ?? s.to >= recent;
  const needPeriod = ['members.joined', 'members.left', 'members.net_new'].some(want);
  const empty = { rows: [] };
  const [snap, period, newOrgs] = await Promise.all([
    want('members.total') ? db.execute<Bucket>(snapshotQuery(s, fromCounters)) : empty,
    needPeriod ? db.execute<PeriodRow>(periodQuery(s)) : empty,
    want('members.in_new_orgs') ? db.execute<NewOrgRow>(newOrgQuery(s)) : empty,
  ]);
  const cats = (categories: string[] | null): [string, string][] => (categories ?? []).map((c) => ['category', c]);
  for (const r of snap.rows as Bucket[]) addTo(groupValues(out, r.grp), 'members.total', r.n, [['gender', r.gender], ...cats(r.categories)]);
  for (const r of period.rows as PeriodRow[]) {
    const g = groupValues(out, r.grp);
    const sign = SIGN[r.type] ?? 0;
    if (want('members.net_new') && !r.type.startsWith('reclass')) addTo(g, 'members.net_new', sign * r.n, cats(r.categories));
    if (want('members.joined')) addTo(g, 'members.joined', r.type === 'join' ? r.n : 0, r.type === 'join' ? [['gender', r.gender], ...cats(r.categories)] : []);
    if (want('members.left')) addTo(g, 'members.left', r.type === 'quit' ? r.n : 0, r.type === 'quit' ? cats(r.categories) : []);
  }
  for (const r of newOrgs.rows as NewOrgRow[]) addTo(groupValues(out, r.grp), 'members.in_new_orgs', r.n, [['kind', r.kind]]);
  return out;
}

const compute = (db: DbOrTx, s: IndicatorScope) => computeMembers(db, s);

interface MonthFlowRow extends Record<string, unknown> {
  m: number;
  type: string;
  n: number;
}

async function trend(db: DbOrTx, s: TrendScope): Promise<Record<string, number[]>> {
  const start = `${s.year}-01-01`;
  const end = `${s.year}-12-31`;
  const inScope = subtreeOf(sql.raw('o.path'), s.path);
  // Flows of the year by month, and the balance before it: today's counters minus every flow since 1 January.
  const [res, opening] = await Promise.all([
    db.execute<MonthFlowRow>(sql`
      SELECT extract(month FROM e.date)::int AS m, e.type, count(*)::int AS n
      FROM member_events e JOIN orgs o ON o.id = e.org_id
      WHERE ${inScope} AND e.date BETWEEN ${start} AND ${end} AND e.type IN ${FLOWS}
      GROUP BY 1, 2`),
    db.execute<{ n: number }>(sql`
      SELECT (coalesce((SELECT sum(c.n) FROM member_counts c JOIN orgs o ON o.id = c.org_id WHERE ${inScope}), 0)
        - coalesce((SELECT sum(${SIGNED}) FROM member_events e JOIN orgs o ON o.id = e.org_id
                    WHERE ${inScope} AND e.date >= ${start} AND e.type IN ${FLOWS}), 0))::int AS n`),
  ]);
  const joined = new Array<number>(12).fill(0);
  const left = new Array<number>(12).fill(0);
  const net = new Array<number>(12).fill(0);
  for (const r of res.rows) {
    const i = r.m - 1;
    const sign = SIGN[r.type] ?? 0;
    if (!r.type.startsWith('reclass')) net[i] = (net[i] ?? 0) + sign * r.n;
    if (r.type === 'join') joined[i] = (joined[i] ?? 0) + r.n;
    if (r.type === 'quit') left[i] = (left[i] ?? 0) + r.n;
  }
  let running = opening.rows[0]?.n ?? 0;
  const total = net.map((n) => (running += n));
  const all: Record<string, number[]> = { 'members.total': total, 'members.joined': joined, 'members.left': left, 'members.net_new': net };
  return Object.fromEntries(Object.entries(all).filter(([k]) => s.keys.has(k)));
}

function records(key: string, orgId: number, from: string, to: string): string | null {
  const q = new URLSearchParams({ orgId: String(orgId), subtree: 'true' });
  if (key === 'members.joined') {
    q.set('joinedFrom', from);
    q.set('joinedTo', to);
  } else if (key === 'members.left') q.set('status', 'left');
  else if (key === 'members.total') q.set('status', 'active');
  else return null;
  return `/members?${q.toString()}`;
}

export const memberIndicatorProvider: IndicatorProvider = { indicators: MEMBER_INDICATORS, compute, trend, records };
