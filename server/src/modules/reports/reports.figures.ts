// Figures a summary quotes. Each is a spec (which indicator, which part, which measure) evaluated against the
// computed statistics, so "refresh" recomputes every number without touching the cadre's prose.
import type { TStatValue, TTargetItem } from '@gonghui/common';

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
}
