// Organisation indicators (组织建设): counted for a subtree from founding dates, dissolution dates and dated
// life events. The org itself is never one of its own unions; each child's group includes the child itself.
import { sql } from 'drizzle-orm';
import type { TIndicator } from '@gonghui/common';
import type { DbOrTx } from '../../platform/db/index.ts';
import { subtreeOf } from '../../platform/authz/index.ts';
import {
  addTo,
  groupOf,
  groupValues,
  type GroupedValues,
  type IndicatorProvider,
  type IndicatorScope,
  type TrendScope,
} from '../../platform/indicators/index.ts';

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

const ORG_KEYS = ORG_INDICATORS.map((i) => i.key);
const EVENT_KEYS = ['orgs.renamed', 'orgs.reelected'];

async function compute(db: DbOrTx, s: IndicatorScope): Promise<GroupedValues> {
  // Nothing is read for a request that asks no org figure (the 帮扶 dashboard, say).
  if (!ORG_KEYS.some((k) => s.keys.has(k))) return new Map();
  const grp = sql.raw(groupOf(s.depth));
  const below = sql`${subtreeOf(sql.raw('o.path'), s.path)} AND o.path <> ${s.path}`;
  const none = { rows: [] as EventRow[] };
  const [orgRows, eventRows] = await Promise.all([
    db.execute<OrgRow>(sql`
      SELECT ${grp} AS grp, o.kind, o.level,
        count(*) FILTER (WHERE ${existsFrom} <= ${s.to} AND (o.dissolved_at IS NULL OR o.dissolved_at > ${s.to}))::int AS total,
        count(*) FILTER (WHERE o.founded_at BETWEEN ${s.from} AND ${s.to})::int AS founded,
        count(*) FILTER (WHERE o.dissolved_at BETWEEN ${s.from} AND ${s.to})::int AS dissolved
      FROM orgs o WHERE ${below}
      GROUP BY 1, 2, 3`),
    EVENT_KEYS.some((k) => s.keys.has(k))
      ? db.execute<EventRow>(sql`
          SELECT ${grp} AS grp, o.kind, e.type, count(DISTINCT e.org_id)::int AS n
          FROM org_events e JOIN orgs o ON o.id = e.org_id
          WHERE ${below} AND e.type IN ('rename', 'reelect') AND e.date BETWEEN ${s.from} AND ${s.to}
          GROUP BY 1, 2, 3`)
      : none,
  ]);
  const out: GroupedValues = new Map();
  for (const r of orgRows.rows) {
    const g = groupValues(out, r.grp);
    if (s.keys.has('orgs.total'))
      addTo(g, 'orgs.total', r.total, [
        ['kind', r.kind],
        ['level', r.level],
      ]);
    if (s.keys.has('orgs.founded')) addTo(g, 'orgs.founded', r.founded, [['kind', r.kind]]);
    if (s.keys.has('orgs.dissolved')) addTo(g, 'orgs.dissolved', r.dissolved, [['kind', r.kind]]);
  }
  for (const r of eventRows.rows) {
    const key = r.type === 'rename' ? 'orgs.renamed' : 'orgs.reelected';
    if (s.keys.has(key)) addTo(groupValues(out, r.grp), key, r.n, key === 'orgs.reelected' ? [['kind', r.kind]] : []);
  }
  return out;
}

interface MonthCount extends Record<string, unknown> {
  k: 'open' | 'since' | 'founded' | 'dissolved' | 'rename' | 'reelect';
  m: number;
  n: number;
}

async function trend(db: DbOrTx, s: TrendScope): Promise<Record<string, number[]>> {
  const below = sql`${subtreeOf(sql.raw('o.path'), s.path)} AND o.path <> ${s.path}`;
  const start = `${s.year}-01-01`;
  const end = `${s.year}-12-31`;
  // One pass over the subtree: unions standing on 1 January, then what each month adds and takes away.
  const res = await db.execute<MonthCount>(sql`
    WITH o AS MATERIALIZED (SELECT o.founded_at, o.dissolved_at, ${existsFrom} AS since FROM orgs o WHERE ${below})
    SELECT 'open' AS k, 0 AS m, count(*)::int AS n FROM o WHERE since < ${start} AND (dissolved_at IS NULL OR dissolved_at >= ${start})
    UNION ALL SELECT 'since', extract(month FROM since)::int, count(*)::int FROM o WHERE since BETWEEN ${start} AND ${end} GROUP BY 2
    UNION ALL SELECT 'founded', extract(month FROM founded_at)::int, count(*)::int FROM o WHERE founded_at BETWEEN ${start} AND ${end} GROUP BY 2
    UNION ALL SELECT 'dissolved', extract(month FROM dissolved_at)::int, count(*)::int FROM o WHERE dissolved_at BETWEEN ${start} AND ${end} GROUP BY 2
    UNION ALL SELECT e.type, extract(month FROM e.date)::int, count(DISTINCT e.org_id)::int FROM org_events e JOIN orgs o ON o.id = e.org_id
      WHERE ${below} AND e.type IN ('rename', 'reelect') AND e.date BETWEEN ${start} AND ${end} GROUP BY 1, 2`);
  const series = (k: MonthCount['k']) => {
    const out = new Array<number>(12).fill(0);
    for (const r of res.rows) if (r.k === k && r.m >= 1) out[r.m - 1] = r.n;
    return out;
  };
  const dissolved = series('dissolved');
  const added = series('since');
  let standing = res.rows.find((r) => r.k === 'open')?.n ?? 0;
  const all: Record<string, number[]> = {
    'orgs.total': added.map((a, i) => (standing += a - (dissolved[i] ?? 0))),
    'orgs.founded': series('founded'),
    'orgs.dissolved': dissolved,
    'orgs.renamed': series('rename'),
    'orgs.reelected': series('reelect'),
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
