// Statistics over the org tree: every figure for any org in scope and any period, split by child, monthly
// trends, from the providers each module registers. Out-of-scope orgs answer 404 through the org service.
import { RECORDS_TOKENS, fenToYuan, type TChildStats, type TIndicator, type TStatValue, type TStats, type TTrend } from '@gonghui/common';
import type { Ctx } from '../../platform/authz/index.ts';
import type { Db, DbOrTx } from '../../platform/db/index.ts';
import { invalid } from '../../platform/http/index.ts';
import {
  SELF,
  finishRatios,
  mergeInto,
  pruneZeros,
  ratioSeries,
  sumGroups,
  withRatioParts,
  type GroupedValues,
  type IndicatorProvider,
  type Ratio,
} from '../../platform/indicators/index.ts';
import type { OrgService } from '../orgs/index.ts';
import * as repo from './stats.repo.ts';

export interface StatsDeps {
  db: Db;
  orgs: Pick<OrgService, 'get'>;
  providers: IndicatorProvider[];
}

export interface OrgRef {
  id: number;
  path: string;
  depth: number;
  name: string;
  level: string;
  parentId: number | null;
}

export function createStatsService({ db, orgs, providers }: StatsDeps) {
  const T = RECORDS_TOKENS;
  const catalogue: TIndicator[] = providers.flatMap((p) =>
    p.indicators.map(({ ratio: _ratio, ...i }) => ({ ...i, records: p.records(i.key, T.orgId, T.from, T.to) })),
  );
  // Rates (unit '%') are divided only after their parts are summed: over the subtree, and per child.
  const ratios = new Map<string, Ratio>(
    providers.flatMap((p) => p.indicators.flatMap((i) => (i.ratio ? [[i.key, i.ratio] as const] : []))),
  );
  const sumRated = (groups: GroupedValues) => finishRatios(sumGroups(groups), ratios);
  const byKey = new Map(catalogue.map((i) => [i.key, i]));

  // Money indicators (unit 元) are counted in 分 by their providers, so sums over groups are exact (decision 0006);
  // the API and the summaries show 元, converted once here. Targets convert their own way (targets.service).
  const isMoney = (key: string) => byKey.get(key)?.unit === '元';
  const numberInYuan = (key: string, n: number) => (isMoney(key) ? fenToYuan(n) : n);
  function inYuan(values: Record<string, TStatValue>): Record<string, TStatValue> {
    return Object.fromEntries(
      Object.entries(values).map(([key, v]) => {
        if (!isMoney(key)) return [key, v];
        const breakdown = v.breakdown
          ? Object.fromEntries(
              Object.entries(v.breakdown).map(([d, m]) => [d, Object.fromEntries(Object.entries(m).map(([k, n]) => [k, fenToYuan(n)]))]),
            )
          : undefined;
        return [key, { value: fenToYuan(v.value), ...(breakdown ? { breakdown } : {}) }];
      }),
    );
  }
  const flatInYuan = (values: Record<string, number>) =>
    Object.fromEntries(Object.entries(values).map(([k, n]) => [k, numberInYuan(k, n)]));

  function keySet(keys: string[] | undefined): Set<string> {
    if (!keys || keys.length === 0) return new Set(byKey.keys());
    const unknown = keys.filter((k) => !byKey.has(k));
    if (unknown.length) throw invalid('keys', `未知的统计指标 ${unknown.join('、')}`);
    return new Set(keys);
  }

  /** Values per child group for an org already checked to be in scope (also used by targets and reports). */
  async function grouped(conn: DbOrTx, org: OrgRef, from: string, to: string, keys: Set<string>): Promise<GroupedValues> {
    const scope = { path: org.path, depth: org.depth, from, to, keys: withRatioParts(keys, ratios) };
    const parts = await Promise.all(providers.map((p) => p.compute(conn, scope)));
    const out: GroupedValues = new Map();
    for (const part of parts) {
      for (const [g, values] of part) {
        const target = out.get(g) ?? {};
        mergeInto(target, values);
        out.set(g, target);
      }
    }
    return out;
  }

  /** Every requested key, present even when no record counts towards it. */
  function complete(values: Record<string, TStatValue>, keys: Set<string>): Record<string, TStatValue> {
    return pruneZeros(Object.fromEntries([...keys].map((k) => [k, values[k] ?? { value: 0 }])));
  }

  async function totals(org: OrgRef, from: string, to: string, keys: Set<string>): Promise<Record<string, TStatValue>> {
    return complete(sumRated(await grouped(db, org, from, to, keys)), keys);
  }

  async function children(org: OrgRef, from: string, to: string, keys: Set<string>): Promise<TChildStats> {
    const [groups, kids] = await Promise.all([grouped(db, org, from, to, keys), repo.childrenOf(db, org.id)]);
    const flat = (values: Record<string, TStatValue> | undefined) => {
      const rated = values ? finishRatios({ ...values }, ratios) : undefined;
      return Object.fromEntries([...keys].map((k) => [k, rated?.[k]?.value ?? 0]));
    };
    const rows = kids.map((c) => ({ orgId: c.id, name: c.name, values: flat(groups.get(String(c.id))) }));
    // Records of the org itself (its own members, say) are a row of their own, so the rows add up to the total.
    const self = groups.get(SELF);
    if (self && Object.values(self).some((v) => v.value !== 0))
      rows.unshift({ orgId: org.id, name: `${org.name}（本级）`, values: flat(self) });
    const total = flat(sumRated(groups));
    return { orgId: org.id, from, to, keys: [...keys], total, children: rows };
  }

  async function trend(org: OrgRef, year: number, keys: Set<string>): Promise<TTrend> {
    const parts = await Promise.all(providers.map((p) => p.trend(db, { path: org.path, year, keys: withRatioParts(keys, ratios) })));
    const all = ratioSeries(Object.assign({}, ...parts) as Record<string, number[]>, ratios);
    const series = Object.fromEntries(Object.entries(all).filter(([k]) => keys.has(k)));
    const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
    const shown = Object.fromEntries(Object.entries(series).map(([k, a]) => [k, a.map((n) => numberInYuan(k, n))]));
    return { orgId: org.id, year, months, series: shown };
  }

  const orgOf = async (ctx: Ctx, orgId: number | undefined): Promise<OrgRef> => orgs.get(ctx, orgId ?? ctx.actor.orgId);

  return {
    indicators: () => catalogue,
    /** Values as the API and the summaries show them: money indicators in 元 (counted in 分). */
    inYuan,
    numberInYuan,
    indicator: (key: string) => byKey.get(key),
    keySet,
    orgOf,
    /** An org by id for internal use (a parent's name or level); callers have checked scope on the child. */
    orgRef: (id: number): Promise<OrgRef | undefined> => repo.orgRefById(db, id),
    totals,
    children,
    grouped,
    records: (key: string, orgId: number, from: string, to: string): string | null => {
      for (const p of providers) if (p.indicators.some((i) => i.key === key)) return p.records(key, orgId, from, to);
      return null;
    },
    stats: async (ctx: Ctx, q: { orgId?: number; from: string; to: string; keys?: string[] }): Promise<TStats> => {
      const keys = keySet(q.keys);
      const org = await orgOf(ctx, q.orgId);
      return { orgId: org.id, from: q.from, to: q.to, values: inYuan(await totals(org, q.from, q.to, keys)) };
    },
    childStats: async (ctx: Ctx, q: { orgId?: number; from: string; to: string; keys?: string[] }): Promise<TChildStats> => {
      const keys = keySet(q.keys);
      const res = await children(await orgOf(ctx, q.orgId), q.from, q.to, keys);
      return { ...res, total: flatInYuan(res.total), children: res.children.map((c) => ({ ...c, values: flatInYuan(c.values) })) };
    },
    trend: async (ctx: Ctx, q: { orgId?: number; year: number; keys?: string[] }) => {
      const keys = keySet(q.keys);
      return trend(await orgOf(ctx, q.orgId), q.year, keys);
    },
    trendFor: trend,
  };
}

export type StatsService = ReturnType<typeof createStatsService>;
