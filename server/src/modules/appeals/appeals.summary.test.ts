// The 职工诉求 sentence worded by its figures: every number a token, nothing closed, all on time, only closures.
import { describe, expect, it } from 'vitest';
import type { SummaryFigures } from '../../platform/summary/index.ts';
import { appealsSentence } from './appeals.summary.ts';

function figures(v: Record<string, number>): SummaryFigures {
  const value = (k: string) => v[k] ?? 0;
  return {
    value,
    has: (k) => value(k) !== 0,
    parts: () => [],
    partValue: () => 0,
    lastYear: () => 0,
    fig: (k, _label, unit) => `[${k}=${value(k)}${unit}]`,
    part: () => '',
    child: () => '',
    versusLastYear: () => '',
    lagging: () => '',
    remaining: () => '',
  };
}
const R = 'appeals.received';
const C = 'appeals.closed';
const O = 'appeals.closed_on_time';
const P = 'appeals.on_time_rate';

describe('appeals summary sentence', () => {
  it('quotes received, closed and the on-time rate', () => {
    expect(appealsSentence('上半年', figures({ [R]: 6, [C]: 5, [O]: 3, [P]: 60 }))).toBe(
      '上半年共受理职工诉求[appeals.received=6件]，办结[appeals.closed=5件]，按时办结率[appeals.on_time_rate=60%]。',
    );
  });
  it('says all were on time instead of quoting 100%', () => {
    expect(appealsSentence('上半年', figures({ [R]: 2, [C]: 2, [O]: 2, [P]: 100 }))).toBe(
      '上半年共受理职工诉求[appeals.received=2件]，办结[appeals.closed=2件]，均在规定时限内办结。',
    );
  });
  it('words nothing closed yet, closures of earlier appeals only, and nothing at all', () => {
    expect(appealsSentence('今年以来', figures({ [R]: 3 }))).toBe('今年以来共受理职工诉求[appeals.received=3件]，均在按时限办理中。');
    expect(appealsSentence('上半年', figures({ [C]: 1, [O]: 0, [P]: 0 }))).toBe(
      '上半年办结职工诉求[appeals.closed=1件]，按时办结率[appeals.on_time_rate=0%]。',
    );
    expect(appealsSentence('上半年', figures({}))).toBeNull();
  });
});
