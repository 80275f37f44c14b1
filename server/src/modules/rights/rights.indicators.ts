// 维权 indicators. Cases received in the period (by received_at) give 接待 by type, subject and channel, the workers
// involved, those accepted (受理) and, of those, the ones closed by the period's end; 结案率 is that ratio (a rate:
// the statistics derive it from the summed numerator and denominator, never summing rates). Cases closed in the
// period (by closed_at) give 结案 by outcome and the money recovered — counted in 分 (decision 0006) and shown in 元.
// Injury reports count by the day of the injury: reported, visited by the period's end, and the visit rate.
import { monthEnd } from '@gonghui/common';
import { sql } from 'drizzle-orm';
import type { TStatValue } from '@gonghui/common';
import { subtreeOf } from '../../platform/authz/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import {
  SELF,
  addTo,
  groupOf,
  groupValues,
  sumGroups,
  type GroupedValues,
  type IndicatorDef,
  type IndicatorProvider,
  type IndicatorScope,
  type TrendScope,
} from '../../platform/indicators/index.ts';

const theme = 'rights';
export const RIGHTS_INDICATORS: IndicatorDef[] = [
  { key: 'rights.received', label: '接待维权案件', unit: '件', kind: 'period', breakdowns: ['type', 'subject', 'channel'], theme },
  { key: 'rights.workers', label: '维权案件涉及职工', unit: '人', kind: 'period', breakdowns: [], theme },
  { key: 'rights.accepted', label: '受理维权案件', unit: '件', kind: 'period', breakdowns: ['type'], theme },
  { key: 'rights.accepted_closed', label: '受理案件已结案', unit: '件', kind: 'period', breakdowns: ['type'], theme },
  {
    key: 'rights.close_rate',
    label: '结案率',
    unit: '%',
    kind: 'period',
    breakdowns: [],
    theme,
    ratio: { numerator: 'rights.accepted_closed', denominator: 'rights.accepted' },
  },
  { key: 'rights.closed', label: '维权案件结案', unit: '件', kind: 'period', breakdowns: ['outcome'], theme },
  { key: 'rights.recovered', label: '挽回经济损失', unit: '元', kind: 'period', breakdowns: ['type'], theme },
  { key: 'injury.reported', label: '上报工伤职工', unit: '人', kind: 'period', breakdowns: ['severity'], theme },
  { key: 'injury.visited', label: '探视工伤职工', unit: '人次', kind: 'period', breakdowns: ['severity'], theme },
  {
    key: 'injury.visit_rate',
    label: '工伤探视率',
    unit: '%',
    kind: 'period',
    breakdowns: [],
    theme,
    ratio: { numerator: 'injury.visited', denominator: 'injury.reported' },
  },
];
const KEYS = RIGHTS_INDICATORS.map((i) => i.key);
const wants = (s: { keys: ReadonlySet<string> }, prefix: string) => KEYS.some((k) => k.startsWith(prefix) && s.keys.has(k));

type Num = string | number;

async function compute(db: DbOrTx, s: IndicatorScope): Promise<GroupedValues> {
  const out: GroupedValues = new Map();
  const orgId = Number(s.path.split('.').filter(Boolean).at(-1));
  const grp = sql.raw(`CASE WHEN o.id = ${orgId} THEN '${SELF}' ELSE ${groupOf(s.depth)} END`);
  const inTree = subtreeOf(sql.raw('o.path'), s.path);
  const none = { rows: [] };
  const [received, closed, injuries] = await Promise.all([
    wants(s, 'rights.')
      ? db.execute<{
          grp: string;
          type: string;
          subject: string;
          channel: string;
          n: number;
          workers: Num;
          accepted: number;
          ac: number;
        }>(sql`
          SELECT ${grp} AS grp, r.type, r.subject, r.channel, count(*)::int AS n, sum(r.workers)::bigint AS workers,
            (count(*) FILTER (WHERE r.status IN ('accepted', 'closed')))::int AS accepted,
            (count(*) FILTER (WHERE r.status = 'closed' AND r.closed_at <= ${s.to}))::int AS ac
          FROM rights_cases r JOIN orgs o ON o.id = r.org_id
          WHERE r.received_at BETWEEN ${s.from} AND ${s.to} AND ${inTree} GROUP BY 1, 2, 3, 4`)
      : none,
    wants(s, 'rights.')
      ? db.execute<{ grp: string; type: string; outcome: string; n: number; recovered: Num }>(sql`
          SELECT ${grp} AS grp, r.type, r.outcome, count(*)::int AS n, coalesce(sum(r.recovered_fen), 0)::bigint AS recovered
          FROM rights_cases r JOIN orgs o ON o.id = r.org_id
          WHERE r.status = 'closed' AND r.closed_at BETWEEN ${s.from} AND ${s.to} AND ${inTree} GROUP BY 1, 2, 3`)
      : none,
    wants(s, 'injury.')
      ? db.execute<{ grp: string; severity: string; n: number; visited: number }>(sql`
          SELECT ${grp} AS grp, i.severity, count(*)::int AS n, (count(*) FILTER (WHERE i.visited_at <= ${s.to}))::int AS visited
          FROM injury_reports i JOIN orgs o ON o.id = i.org_id
          WHERE i.injured_at BETWEEN ${s.from} AND ${s.to} AND ${inTree} GROUP BY 1, 2`)
      : none,
  ]);
  for (const r of received.rows) {
    const g = groupValues(out, r.grp);
    addTo(g, 'rights.received', r.n, [
      ['type', r.type],
      ['subject', r.subject],
      ['channel', r.channel],
    ]);
    addTo(g, 'rights.workers', Number(r.workers));
    addTo(g, 'rights.accepted', r.accepted, [['type', r.type]]);
    addTo(g, 'rights.accepted_closed', r.ac, [['type', r.type]]);
  }
  for (const r of closed.rows) {
    const g = groupValues(out, r.grp);
    addTo(g, 'rights.closed', r.n, [['outcome', r.outcome]]);
    addTo(g, 'rights.recovered', Number(r.recovered), [['type', r.type]]);
  }
  for (const r of injuries.rows) {
    const g = groupValues(out, r.grp);
    addTo(g, 'injury.reported', r.n, [['severity', r.severity]]);
    addTo(g, 'injury.visited', r.visited, [['severity', r.severity]]);
  }
  for (const g of out.values()) for (const k of Object.keys(g)) if (!s.keys.has(k)) delete g[k];
  return out;
}

/** Each month counted as a period of its own (rates are derived by the statistics from these series). */
async function trend(db: DbOrTx, s: TrendScope): Promise<Record<string, number[]>> {
  const keys = KEYS.filter((k) => s.keys.has(k));
  if (!keys.length) return {};
  const depth = s.path.split('.').filter(Boolean).length - 1;
  const series: Record<string, number[]> = Object.fromEntries(keys.map((k) => [k, new Array<number>(12).fill(0)]));
  for (let m = 1; m <= 12; m++) {
    const from = `${s.year}-${String(m).padStart(2, '0')}-01`;
    const values: Record<string, TStatValue> = sumGroups(
      await compute(db, { path: s.path, depth, from, to: monthEnd(s.year, m), keys: new Set(keys) }),
    );
    for (const k of keys) (series[k] as number[])[m - 1] = values[k]?.value ?? 0;
  }
  return series;
}

function records(key: string, orgId: number | string, from: string, to: string): string | null {
  if (key.startsWith('injury.') && KEYS.includes(key)) {
    return `/injury-reports?${new URLSearchParams({ orgId: String(orgId), injuredFrom: from, injuredTo: to }).toString()}`;
  }
  if (['rights.received', 'rights.workers', 'rights.accepted', 'rights.accepted_closed', 'rights.close_rate'].includes(key)) {
    return `/rights-cases?${new URLSearchParams({ orgId: String(orgId), receivedFrom: from, receivedTo: to }).toString()}`;
  }
  return null;
}

export const rightsIndicatorProvider: IndicatorProvider = { indicators: RIGHTS_INDICATORS, compute, trend, records };
