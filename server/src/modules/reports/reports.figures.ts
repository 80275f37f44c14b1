// Figures a summary quotes. Each is a spec (which indicator, which part, which measure) evaluated against the
// computed statistics, so "refresh" recomputes every number without touching the cadre's prose.
import type { TStatValue, TTargetItem } from '@gonghui/common';
import type { SummaryFigures } from '../../platform/summary/index.ts';

/** `yoy`: change against the same period last year, in percent (its sign is worded in the prose: 同比增长/下降);
 *  `child`: the value of one child org (`member` is its id), for "从各单位看" sentences. */
export type Measure = 'value' | 'part' | 'target' | 'percent' | 'remaining' | 'lastYear' | 'timeProgress' | 'rank' | 'yoy' | 'child';

export interface FigureSpec {
  id: string;
  key: string;
  measure: Measure;
  dim?: string;
  member?: string;
  label: string;
  unit: string;
}

export interface FigureInputs {
  values: Record<string, TStatValue>;
  lastYear: Record<string, TStatValue>;
  targets: TTargetItem[];
  timeProgress: number;
  /** The org's rank by completion among its siblings, per key (位列全市第X名). */
  ranks: Record<string, number | null>;
  /** Per key, each direct child's value (by org id). */
  children: Record<string, Record<string, number>>;
}

/** Percent change against last year, two decimals, as a magnitude; 0 when last year had nothing to compare. */
export function yoyPercent(value: number, lastYear: number): number {
  if (lastYear <= 0) return 0;
  return Math.round((Math.abs(value - lastYear) / lastYear) * 10000) / 100;
}

export function evaluate(spec: FigureSpec, inputs: FigureInputs): number {
  const target = inputs.targets.find((t) => t.key === spec.key);
  const value = inputs.values[spec.key]?.value ?? 0;
  switch (spec.measure) {
    case 'value':
      return value;
    case 'part':
      return (spec.dim && spec.member && inputs.values[spec.key]?.breakdown?.[spec.dim]?.[spec.member]) || 0;
    case 'lastYear':
      return inputs.lastYear[spec.key]?.value ?? 0;
    case 'target':
      return target?.target ?? 0;
    case 'percent':
      return target?.percent ?? 0;
    case 'remaining':
      return Math.max(0, (target?.target ?? 0) - value);
    case 'timeProgress':
      return inputs.timeProgress;
    case 'rank':
      return inputs.ranks[spec.key] ?? 0;
    case 'yoy':
      return yoyPercent(value, inputs.lastYear[spec.key]?.value ?? 0);
    case 'child':
      return (spec.member && inputs.children[spec.key]?.[spec.member]) || 0;
  }
}

/** Collects figures while the text is written: `add` returns the token that stands for the figure. */
export class FigureSet {
  readonly specs: FigureSpec[] = [];
  constructor(private readonly inputs: FigureInputs) {}

  add(spec: Omit<FigureSpec, 'id'>): string {
    const same = this.specs.find((s) => s.key === spec.key && s.measure === spec.measure && s.dim === spec.dim && s.member === spec.member);
    if (same) return `{{${same.id}}}`;
    const id = `f${this.specs.length + 1}`;
    this.specs.push({ ...spec, id });
    return `{{${id}}}`;
  }

  value(spec: Omit<FigureSpec, 'id' | 'label' | 'unit'>): number {
    return evaluate({ ...spec, id: '', label: '', unit: '' }, this.inputs);
  }

  /** Only the figures some text quotes (a theme may have asked for one it did not use). */
  quotedIn(texts: string[]): FigureSpec[] {
    const used = new Set(texts.flatMap((t) => [...t.matchAll(/\{\{(f\d+)\}\}/g)].map((m) => m[1])));
    return this.specs.filter((s) => used.has(s.id));
  }
}

/** The figures a theme writes with (platform/summary's SummaryFigures) on top of a FigureSet. `planned` collects the
 *  keys whose remaining target a theme's plan item names. */
export function summaryFigures(f: FigureSet, inputs: FigureInputs, planned: Set<string>): SummaryFigures {
  const value = (key: string) => f.value({ key, measure: 'value' });
  const lastYear = (key: string) => f.value({ key, measure: 'lastYear' });
  const yoy = (key: string, label: string) => f.add({ key, measure: 'yoy', label: `${label}（同比变化）`, unit: '%' });
  return {
    value,
    has: (key) => value(key) !== 0,
    parts: (key, dim) =>
      Object.entries(inputs.values[key]?.breakdown?.[dim] ?? {})
        .filter(([, n]) => n > 0)
        .sort((a, b) => b[1] - a[1])
        .map(([m]) => m),
    partValue: (key, dim, member) => f.value({ key, measure: 'part', dim, member }),
    lastYear,
    fig: (key, label, unit) => f.add({ key, measure: 'value', label, unit }),
    part: (key, dim, member, label, unit) => f.add({ key, measure: 'part', dim, member, label, unit }),
    child: (key, orgId, label, unit) => f.add({ key, measure: 'child', member: String(orgId), label, unit }),
    versusLastYear: (key, label, unit) => {
      const last = lastYear(key);
      if (last <= 0) return '';
      // The change is worded by its sign when drafted; both numbers stay figures.
      const lastFig = f.add({ key, measure: 'lastYear', label: `${label}（去年同期）`, unit });
      // Equal figures read 与去年同期持平, not 同比增长0.00%.
      if (value(key) === last) return `（去年同期${lastFig}，与去年同期持平）`;
      const word = value(key) > last ? '同比增长' : '同比下降';
      return `（去年同期${lastFig}，${word}${yoy(key, label)}）`;
    },
    lagging: (key, label) => {
      const last = lastYear(key);
      return last > 0 && value(key) < last ? `${label}同比下降${yoy(key, label)}` : '';
    },
    remaining: (key) => {
      const t = inputs.targets.find((x) => x.key === key && x.target > x.actual);
      if (!t) return '';
      planned.add(key);
      const target = f.add({ key, measure: 'target', label: `${t.label}（全年任务）`, unit: t.unit });
      return `，${t.label}全年任务${target}，尚需完成${f.add({ key, measure: 'remaining', label: `${t.label}（尚需完成）`, unit: t.unit })}`;
    },
  };
}
