// The indicator catalogue's contract. Each module that records something a report counts registers a provider:
// its indicator definitions and one function that computes them for a subtree, split by the subtree's direct
// children, from dated records (so a past period gives the same answer tomorrow).
import type { TIndicator, TStatValue } from '@gonghui/common';
import type { DbOrTx } from '../db/index.ts';

export interface IndicatorScope {
  /** Path of the org whose subtree is counted ("1.5."). */
  path: string;
  /** Depth of that org (root 0): groups are the path segment at depth + 1. */
  depth: number;
  from: string;
  to: string;
  keys: ReadonlySet<string>;
}

/** Values per group: the id of a direct child (its whole subtree), or SELF for records of the org itself. */
export type GroupedValues = Map<string, Record<string, TStatValue>>;
export const SELF = 'self';

export interface TrendScope {
  path: string;
  year: number;
  keys: ReadonlySet<string>;
}

/** An indicator as a provider defines it. A rate (unit '%') names its `ratio`: the provider computes the numerator
 *  and the denominator as indicators of their own and never the rate, which withRatios() derives after summing. */
export type IndicatorDef = Omit<TIndicator, 'records'>;

export interface IndicatorProvider {
  /** Definitions; `records` is filled in by the catalogue from the provider's records(). */
  indicators: IndicatorDef[];
  /** Counts only records under `scope.path`: the statistics service calls it as the system once the org is known
   *  to be in the caller's scope (decision 0009), so this filter is what keeps other subtrees out. */
  compute(db: DbOrTx, scope: IndicatorScope): Promise<GroupedValues>;
  /** Twelve monthly values per key: a period indicator counts each month, a snapshot is taken at each month's end. */
  trend(db: DbOrTx, scope: TrendScope): Promise<Record<string, number[]>>;
  /** Console path of the records behind a figure, for drill-down; null when there is no list to show. */
  records(key: string, orgId: number | string, from: string, to: string): string | null;
}

/** The SQL expression for the group of a row whose org path is `pathExpr`, below an org at `depth`. */
export function groupOf(depth: number): string {
  // split_part('1.5.23.', '.', 3) = '23': the segment right below the org; '' for the org itself.
  return `split_part(o.path, '.', ${depth + 2})`;
}

/** Adds `n` to value and, for each [dimension, member] pair, to the breakdown. */
export function addTo(values: Record<string, TStatValue>, key: string, n: number, dims: [string, string | null | undefined][] = []): void {
  const v = (values[key] ??= { value: 0 });
  v.value += n;
  for (const [dim, member] of dims) {
    if (member === null || member === undefined) continue;
    const b = (v.breakdown ??= {});
    const d = (b[dim] ??= {});
    d[member] = (d[member] ?? 0) + n;
  }
}

export function groupValues(grouped: GroupedValues, group: string): Record<string, TStatValue> {
  let g = grouped.get(group);
  if (!g) {
    g = {};
    grouped.set(group, g);
  }
  return g;
}

/** Adds every value and breakdown of `values` into `out`. */
export function mergeInto(out: Record<string, TStatValue>, values: Record<string, TStatValue>): void {
  for (const [key, v] of Object.entries(values)) {
    const o = (out[key] ??= { value: 0 });
    o.value += v.value;
    for (const [dim, members] of Object.entries(v.breakdown ?? {})) {
      const d = ((o.breakdown ??= {})[dim] ??= {});
      for (const [member, n] of Object.entries(members)) d[member] = (d[member] ?? 0) + n;
    }
  }
}

/** Sums every group into one set of values (the whole subtree). */
export function sumGroups(grouped: GroupedValues): Record<string, TStatValue> {
  const out: Record<string, TStatValue> = {};
  for (const values of grouped.values()) mergeInto(out, values);
  return out;
}

/** Drops breakdown members that count nothing (a kind with no union founded): reports list only what exists. */
export function pruneZeros(values: Record<string, TStatValue>): Record<string, TStatValue> {
  for (const v of Object.values(values)) {
    if (!v.breakdown) continue;
    for (const [dim, members] of Object.entries(v.breakdown)) {
      for (const [m, n] of Object.entries(members)) if (n === 0) delete members[m];
      if (Object.keys(members).length === 0) delete v.breakdown[dim];
    }
    if (Object.keys(v.breakdown).length === 0) delete v.breakdown;
  }
  return values;
}

// ---- rates ----
// A rate is not additive: a district's 结案率 is its children's closed cases over their accepted ones, not the mean of
// their rates. So rates are derived, wherever values are summed (a child's subtree, the total), from the summed
// numerator and denominator.

/** numerator ÷ denominator × 100 with two decimals (66.67); 0 when the denominator is 0. */
export function ratioPercent(numerator: number, denominator: number): number {
  return denominator > 0 ? Math.round((numerator / denominator) * 10000) / 100 : 0;
}

export type Ratios = ReadonlyMap<string, { numerator: string; denominator: string }>;

/** The rates among the definitions, by key. */
export function ratiosOf(defs: readonly Pick<TIndicator, 'key' | 'ratio'>[]): Ratios {
  return new Map(defs.flatMap((d) => (d.ratio ? [[d.key, d.ratio] as const] : [])));
}

/** The keys to compute for `keys`: each rate's numerator and denominator added. */
export function withRatioInputs(keys: ReadonlySet<string>, ratios: Ratios): Set<string> {
  const out = new Set(keys);
  for (const k of keys) {
    const r = ratios.get(k);
    if (r) out.add(r.numerator).add(r.denominator);
  }
  return out;
}

/** Sets every rate of `ratios` in `values` from its numerator and denominator there (whatever was summed into it is
 *  replaced); returns `values`. */
export function withRatios(values: Record<string, TStatValue>, ratios: Ratios): Record<string, TStatValue> {
  for (const [key, r] of ratios) {
    if (!(r.numerator in values) && !(r.denominator in values) && !(key in values)) continue;
    values[key] = { value: ratioPercent(values[r.numerator]?.value ?? 0, values[r.denominator]?.value ?? 0) };
  }
  return values;
}

/** Monthly rates from the numerator's and denominator's series (twelve each). */
export function ratioSeries(series: Record<string, number[]>, ratios: Ratios): Record<string, number[]> {
  for (const [key, r] of ratios) {
    const num = series[r.numerator];
    const den = series[r.denominator];
    if (num && den) series[key] = num.map((n, i) => ratioPercent(n, den[i] ?? 0));
  }
  return series;
}
