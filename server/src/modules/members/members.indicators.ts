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

const FLOWS = sql.raw(`('join', 'transfer_in', 'quit', 'transfer_out')`);
const SIGN: Record<string, number> = { join: 1, transfer_in: 1, quit: -1, transfer_out: -1 };

interface FlowRow extends Record<string, unknown> {
  grp: string;
  type: string;
  dim: string | null;
  newKind: string | null;
  inPeriod: number;
  upTo: number;
}

function flowQuery(s: IndicatorScope, byCategory: boolean) {
  const grp = sql.raw(groupOf(s.depth));
  const dim = byCategory ? sql.raw('c.cat') : sql.raw('m.gender');
  const lateral = byCategory ? sql.raw('CROSS JOIN LATERAL unnest(m.categories) AS c(cat)') : sql.raw('');
  const newKind = byCategory ? sql`NULL::text` : sql`CASE WHEN o.founded_at BETWEEN ${s.from} AND ${s.to} THEN o.kind END`;
  return sql`
    SELECT ${grp} AS grp, e.type, ${dim} AS dim, ${newKind} AS "newKind",
      count(*) FILTER (WHERE e.date >= ${s.from})::int AS "inPeriod", count(*)::int AS "upTo"
    FROM member_events e JOIN orgs o ON o.id = e.org_id JOIN members m ON m.id = e.member_id ${lateral}
    WHERE ${subtreeOf(sql.raw('o.path'), s.path)} AND e.date <= ${s.to} AND e.type IN ${FLOWS}
    GROUP BY 1, 2, 3, 4`;
}

async function compute(db: DbOrTx, s: IndicatorScope): Promise<GroupedValues> {
  const out: GroupedValues = new Map();
  if (![...s.keys].some((k) => k.startsWith('members.'))) return out;
  const wantCategories = ['members.total', 'members.joined', 'members.left', 'members.net_new'].some((k) => s.keys.has(k));
  const [byGender, byCategory] = await Promise.all([
    db.execute<FlowRow>(flowQuery(s, false)),
    wantCategories ? db.execute<FlowRow>(flowQuery(s, true)) : Promise.resolve({ rows: [] as FlowRow[] }),
  ]);
  const want = (k: string) => s.keys.has(k);
  for (const r of byGender.rows) {
    const g = groupValues(out, r.grp);
    const sign = SIGN[r.type] ?? 0;
    if (want('members.total')) addTo(g, 'members.total', sign * r.upTo, [['gender', r.dim]]);
    if (want('members.net_new')) addTo(g, 'members.net_new', sign * r.inPeriod);
    if (want('members.joined')) addTo(g, 'members.joined', r.type === 'join' ? r.inPeriod : 0, r.type === 'join' ? [['gender', r.dim]] : []);
    if (want('members.left')) addTo(g, 'members.left', r.type === 'quit' ? r.inPeriod : 0);
    if (want('members.in_new_orgs')) addTo(g, 'members.in_new_orgs', r.newKind ? sign * r.upTo : 0, [['kind', r.newKind]]);
  }
  // Categories overlap (a migrant worker may also work in a new form of employment): only breakdowns come from here.
  for (const r of byCategory.rows) {
    const g = groupValues(out, r.grp);
    const sign = SIGN[r.type] ?? 0;
    if (want('members.total')) bumpDim(g, 'members.total', 'category', r.dim, sign * r.upTo);
    if (want('members.net_new')) bumpDim(g, 'members.net_new', 'category', r.dim, sign * r.inPeriod);
    if (want('members.joined') && r.type === 'join') bumpDim(g, 'members.joined', 'category', r.dim, r.inPeriod);
    if (want('members.left') && r.type === 'quit') bumpDim(g, 'members.left', 'category', r.dim, r.inPeriod);
  }
  return out;
}

/** Adds to one breakdown member only (the value itself already counts each member once). */
function bumpDim(values: Record<string, { value: number; breakdown?: Record<string, Record<string, number>> }>, key: string, dim: string, member: string | null, n: number): void {
  if (!member) return;
  const v = (values[key] ??= { value: 0 });
  const d = ((v.breakdown ??= {})[dim] ??= {});
  d[member] = (d[member] ?? 0) + n;
}

interface MonthFlowRow extends Record<string, unknown> {
  m: number;
  type: string;
  n: number;
}

async function trend(db: DbOrTx, s: TrendScope): Promise<Record<string, number[]>> {
  const start = `${s.year}-01-01`;
  const end = `${s.year}-12-31`;
  // Month 0 holds everything before the year: the opening balance of the snapshot.
  const res = await db.execute<MonthFlowRow>(sql`
    SELECT CASE WHEN e.date < ${start} THEN 0 ELSE extract(month FROM e.date)::int END AS m, e.type, count(*)::int AS n
    FROM member_events e JOIN orgs o ON o.id = e.org_id
    WHERE ${subtreeOf(sql.raw('o.path'), s.path)} AND e.date <= ${end} AND e.type IN ${FLOWS}
    GROUP BY 1, 2`);
  const joined = new Array<number>(12).fill(0);
  const left = new Array<number>(12).fill(0);
  const net = new Array<number>(12).fill(0);
  let opening = 0;
  for (const r of res.rows) {
    const sign = SIGN[r.type] ?? 0;
    if (r.m === 0) {
      opening += sign * r.n;
      continue;
    }
    const i = r.m - 1;
    net[i] = (net[i] ?? 0) + sign * r.n;
    if (r.type === 'join') joined[i] = (joined[i] ?? 0) + r.n;
    if (r.type === 'quit') left[i] = (left[i] ?? 0) + r.n;
  }
  let running = opening;
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
