// Member indicators (会员发展), counted from the dated membership history: a join or transfer in adds a member to
// the org where it happened, a quit or transfer out takes one away (保留会籍 keeps membership). A transfer between
// two unions of the same subtree therefore cancels out, and one across its boundary counts once.
import type { TIndicator } from '@gonghui/common';
import type { DbOrTx } from '../../platform/db/index.ts';
import { BEGINNING, SIGN, flowsIn, flowsInRaw, membersOfNewOrgs, monthsOfYear } from './members.flows.ts';
import {
  addTo,
  groupValues,
  type GroupedValues,
  type IndicatorProvider,
  type IndicatorScope,
  type TrendScope,
} from '../../platform/indicators/index.ts';

const theme = 'members';
export const MEMBER_INDICATORS: Omit<TIndicator, 'records'>[] = [
  { key: 'members.total', label: '会员总数', unit: '人', kind: 'snapshot', breakdowns: ['category', 'gender'], theme },
  { key: 'members.joined', label: '发展会员', unit: '人', kind: 'period', breakdowns: ['category', 'gender'], theme },
  { key: 'members.left', label: '退会会员', unit: '人', kind: 'period', breakdowns: ['category'], theme },
  { key: 'members.net_new', label: '净增会员', unit: '人', kind: 'period', breakdowns: ['category'], theme },
  { key: 'members.in_new_orgs', label: '新建工会会员', unit: '人', kind: 'snapshot', breakdowns: ['kind'], theme },
];

export interface ComputeOptions {
  /** Read every flow from member_events instead of the monthly table: the reference in tests. */
  raw?: boolean;
}

const cats = (categories: string[] | null): [string, string][] => (categories ?? []).map((c) => ['category', c]);

export async function computeMembers(db: DbOrTx, s: IndicatorScope, opts: ComputeOptions = {}): Promise<GroupedValues> {
  const out: GroupedValues = new Map();
  const want = (k: string) => s.keys.has(k);
  const flows = opts.raw ? flowsInRaw : flowsIn;
  const needPeriod = ['members.joined', 'members.left', 'members.net_new'].some(want);
  const [upTo, period, newOrgs] = await Promise.all([
    want('members.total') ? flows(db, s, BEGINNING, s.to) : [],
    needPeriod ? flows(db, s, s.from, s.to) : [],
    want('members.in_new_orgs') ? membersOfNewOrgs(db, s, s.from, s.to) : [],
  ]);
  for (const r of upTo)
    addTo(groupValues(out, r.grp), 'members.total', (SIGN[r.type] ?? 0) * r.n, [['gender', r.gender], ...cats(r.categories)]);
  for (const r of period) {
    const g = groupValues(out, r.grp);
    const sign = SIGN[r.type] ?? 0;
    if (want('members.net_new') && !r.type.startsWith('reclass')) addTo(g, 'members.net_new', sign * r.n, cats(r.categories));
    if (want('members.joined'))
      addTo(g, 'members.joined', r.type === 'join' ? r.n : 0, r.type === 'join' ? [['gender', r.gender], ...cats(r.categories)] : []);
    if (want('members.left')) addTo(g, 'members.left', r.type === 'quit' ? r.n : 0, r.type === 'quit' ? cats(r.categories) : []);
  }
  for (const r of newOrgs) addTo(groupValues(out, r.grp), 'members.in_new_orgs', r.n, [['kind', r.kind]]);
  return out;
}

const compute = (db: DbOrTx, s: IndicatorScope) => computeMembers(db, s);

async function trend(db: DbOrTx, s: TrendScope): Promise<Record<string, number[]>> {
  const { rows, opening } = await monthsOfYear(db, s.path, s.year);
  const joined = new Array<number>(12).fill(0);
  const left = new Array<number>(12).fill(0);
  const net = new Array<number>(12).fill(0);
  for (const r of rows) {
    const i = r.m - 1;
    const sign = SIGN[r.type] ?? 0;
    if (!r.type.startsWith('reclass')) net[i] = (net[i] ?? 0) + sign * r.n;
    if (r.type === 'join') joined[i] = (joined[i] ?? 0) + r.n;
    if (r.type === 'quit') left[i] = (left[i] ?? 0) + r.n;
  }
  let running = opening;
  const total = net.map((n) => (running += n));
  const all: Record<string, number[]> = { 'members.total': total, 'members.joined': joined, 'members.left': left, 'members.net_new': net };
  return Object.fromEntries(Object.entries(all).filter(([k]) => s.keys.has(k)));
}

function records(key: string, orgId: number | string, from: string, to: string): string | null {
  const q = new URLSearchParams({ orgId: String(orgId), subtree: 'true' });
  if (key === 'members.joined') {
    q.set('joinedFrom', from);
    q.set('joinedTo', to);
  } else if (key === 'members.left') {
    q.set('leftFrom', from);
    q.set('leftTo', to);
  } else if (key === 'members.total') q.set('status', 'active');
  else return null;
  return `/members?${q.toString()}`;
}

export const memberIndicatorProvider: IndicatorProvider = { indicators: MEMBER_INDICATORS, compute, trend, records };
