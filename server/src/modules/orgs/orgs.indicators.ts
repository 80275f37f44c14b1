// Organisation indicators (组织建设): counted for a subtree from founding dates, dissolution dates and dated
// life events. The org itself is never one of its own unions; each child's group includes the child itself.
import { sql } from 'drizzle-orm';
import type { TIndicator } from '@gonghui/common';
import type { DbOrTx } from '../../platform/db/index.ts';
import { subtreeOf } from '../../platform/authz/index.ts';
import { addTo, groupOf, groupValues, monthsOf, type GroupedValues, type IndicatorProvider, type IndicatorScope, type TrendScope } from '../../platform/indicators/index.ts';

const theme = 'orgs';
export const ORG_INDICATORS: Omit<TIndicator, 'records'>[] = [
  { key: 'orgs.total', label: '工会组织总数', unit: '家', kind: 'snapshot', breakdowns: ['kind', 'level'], theme },
  { key: 'orgs.founded', label: '新建工会组织', unit: '家', kind: 'period', breakdowns: ['kind'], theme },
  { key: 'orgs.dissolved', label: '注销工会组织', unit: '家', kind: 'period', breakdowns: ['kind'], theme },
  { key: 'orgs.renamed', label: '更名工会组织', unit: '家', kind: 'period', breakdowns: [], theme },
  { key: 'orgs.reelected', label: '换届选举工会', unit: '家', kind: 'period', breakdowns: ['kind'], theme },
];

// An org recorded without a founding date has existed since it was entered (Beijing date of created_at).
const existsFrom = sql.raw(`coalesce(o.founded_at, (o.created_at AT TIME ZONE 'UTC' + interval '8 hours')::date)`);

interface OrgRow extends Record<string, unknown> {
  grp: string;
  kind: string;
  level: string;
  total: number;
  founded: number;
  dissolved: number;
}
interface EventRow extends Record<string, unknown> {
  grp: string;
  kind: string;
  type: string;
  n: number;
}

async function compute(db: DbOrTx, s: IndicatorScope): Promise<GroupedValues> {
  const grp = sql.raw(groupOf(s.depth));
  const below = sql`${subtreeOf(sql.raw('o.path'), s.path)} AND o.path <> ${s.path}`;
  const [orgRows, eventRows] = await Promise.all([
    db.execute<OrgRow>(sql`
      SELECT ${grp} AS grp, o.kind, o.level,
        count(*) FILTER (WHERE ${existsFrom} <= ${s.to} AND (o.dissolved_at IS NULL OR o.dissolved_at > ${s.to}))::int AS total,
        count(*) FILTER (WHERE o.founded_at BETWEEN ${s.from} AND ${s.to})::int AS founded,
        count(*) FILTER (WHERE o.dissolved_at BETWEEN ${s.from} AND ${s.to})::int AS dissolved
      FROM orgs o WHERE ${below}
      GROUP BY 1, 2, 3`),
    db.execute<EventRow>(sql`
      SELECT ${grp} AS grp, o.kind, e.type, count(DISTINCT e.org_id)::int AS n
      FROM org_events e JOIN orgs o ON o.id = e.org_id
      WHERE ${below} AND e.type IN ('rename', 'reelect') AND e.date BETWEEN ${s.from} AND ${s.to}
      GROUP BY 1, 2, 3`),
  ]);
  const out: GroupedValues = new Map();
  for (const r of orgRows.rows) {
    const g = groupValues(out, r.grp);
    if (s.keys.has('orgs.total')) addTo(g, 'orgs.total', r.total, [['kind', r.kind], ['level', r.level]]);
    if (s.keys.has('orgs.founded')) addTo(g, 'orgs.founded', r.founded, [['kind', r.kind]]);
    if (s.keys.has('orgs.dissolved')) addTo(g, 'orgs.dissolved', r.dissolved, [['kind', r.kind]]);
  }
  for (const r of eventRows.rows) {
    const key = r.type === 'rename' ? 'orgs.renamed' : 'orgs.reelected';
    if (s.keys.has(key)) addTo(groupValues(out, r.grp), key, r.n, key === 'orgs.reelected' ? [['kind', r.kind]] : []);
  }
  return out;
}

interface MonthRow extends Record<string, unknown> {
  m: number;
  founded: number;
  dissolved: number;
  renamed: number;
  reelected: number;
  exists: number;
}

async function trend(db: DbOrTx, s: TrendScope): Promise<Record<string, number[]>> {
  const below = sql`${subtreeOf(sql.raw('o.path'), s.path)} AND o.path <> ${s.path}`;
  const months = monthsOf(s.year);
  const ends = months.map((m) => m.to);
  // One row per month: the month's period counts and the number of unions standing at its end.
  const res = await db.execute<MonthRow>(sql`
    WITH m AS (SELECT i AS m, (${`${s.year}-01-01`}::date + make_interval(months => i - 1))::date AS first,
                      (${`${s.year}-01-01`}::date + make_interval(months => i) - interval '1 day')::date AS last
               FROM generate_series(1, 12) i),
         o AS (SELECT o.id, o.founded_at, o.dissolved_at, ${existsFrom} AS since FROM orgs o WHERE ${below}),
         ev AS (SELECT e.org_id, e.type, e.date FROM org_events e JOIN orgs o ON o.id = e.org_id
                WHERE ${below} AND e.type IN ('rename', 'reelect') AND e.date BETWEEN ${months[0]?.from ?? ''} AND ${ends[11] ?? ''})
    SELECT m.m::int AS m,
      (SELECT count(*) FROM o WHERE o.founded_at BETWEEN m.first AND m.last)::int AS founded,
      (SELECT count(*) FROM o WHERE o.dissolved_at BETWEEN m.first AND m.last)::int AS dissolved,
      (SELECT count(DISTINCT org_id) FROM ev WHERE ev.type = 'rename' AND ev.date BETWEEN m.first AND m.last)::int AS renamed,
      (SELECT count(DISTINCT org_id) FROM ev WHERE ev.type = 'reelect' AND ev.date BETWEEN m.first AND m.last)::int AS reelected,
      (SELECT count(*) FROM o WHERE o.since <= m.last AND (o.dissolved_at IS NULL OR o.dissolved_at > m.last))::int AS exists
    FROM m ORDER BY m.m`);
  const col = (f: keyof MonthRow) => res.rows.map((r) => Number(r[f]));
  const all: Record<string, number[]> = {
    'orgs.total': col('exists'),
    'orgs.founded': col('founded'),
    'orgs.dissolved': col('dissolved'),
    'orgs.renamed': col('renamed'),
    'orgs.reelected': col('reelected'),
  };
  return Object.fromEntries(Object.entries(all).filter(([k]) => s.keys.has(k)));
}

function records(key: string, orgId: number | string, from: string, to: string): string | null {
  const q = new URLSearchParams({ rootId: String(orgId) });
  if (key === 'orgs.founded') {
    q.set('foundedFrom', from);
    q.set('foundedTo', to);
  } else if (key === 'orgs.dissolved') q.set('status', 'dissolved');
  else if (key === 'orgs.total') q.set('status', 'active');
  else return null;
  return `/orgs?${q.toString()}`;
}

export const orgIndicatorProvider: IndicatorProvider = { indicators: ORG_INDICATORS, compute, trend, records };
