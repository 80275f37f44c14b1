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

/**
 * A rate (unit '%'): numerator ÷ denominator, both indicators of the same provider counted over the same records.
 * The parts are summed over groups first and divided last, so a subtree's rate is never an average of its children's.
 */
export interface Ratio {
  numerator: string;
  denominator: string;
}

/** An indicator as a provider declares it: a rate names its parts. */
export type IndicatorDef = Omit<TIndicator, 'records'> & { ratio?: Ratio };

export interface IndicatorProvider {
  /** Definitions; `records` is filled in by the catalogue from the provider's records(). */
  indicators: IndicatorDef[];
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

/** A percentage with two decimals (58.46); 0 when nothing was counted below the line. */
export const percentOf = (numerator: number, denominator: number): number =>
  denominator === 0 ? 0 : Math.round((numerator * 10_000) / denominator) / 100;

/** The keys to compute for `keys`: each requested rate's numerator and denominator as well. */
export function withRatioParts(keys: ReadonlySet<string>, ratios: ReadonlyMap<string, Ratio>): Set<string> {
  const out = new Set(keys);
  for (const k of keys) {
    const r = ratios.get(k);
    if (r) out.add(r.numerator).add(r.denominator);
  }
  return out;
}

/** Sets each rate of `values` from its summed parts (no breakdown: a rate's members would not add up). */
export function finishRatios(values: Record<string, TStatValue>, ratios: ReadonlyMap<string, Ratio>): Record<string, TStatValue> {
  for (const [key, r] of ratios) {
    if (!(key in values) && !(r.numerator in values) && !(r.denominator in values)) continue;
    values[key] = { value: percentOf(values[r.numerator]?.value ?? 0, values[r.denominator]?.value ?? 0) };
  }
  return values;
}

/** A rate's monthly series from its parts' series. */
export function ratioSeries(series: Record<string, number[]>, ratios: ReadonlyMap<string, Ratio>): Record<string, number[]> {
  for (const [key, r] of ratios) {
    const num = series[r.numerator];
    const den = series[r.denominator];
    if (num && den) series[key] = num.map((n, i) => percentOf(n, den[i] ?? 0));
  }
  return series;
}
