// Rates are derived from summed numerators and denominators, never summed or averaged themselves.
import { describe, expect, it } from 'vitest';
import type { TStatValue } from '@gonghui/common';
import { SELF, ratioPercent, ratioSeries, ratiosOf, sumGroups, withRatioInputs, withRatios, type GroupedValues } from './index.ts';

const ratios = ratiosOf([{ key: 'x.rate', ratio: { numerator: 'x.done', denominator: 'x.all' } }, { key: 'x.done' }, { key: 'x.all' }]);

describe('rates', () => {
  it('rounds to two decimals and answers 0 over nothing', () => {
    expect(ratioPercent(2, 3)).toBe(66.67);
    expect(ratioPercent(1, 3)).toBe(33.33);
    expect(ratioPercent(0, 0)).toBe(0);
  });

  it('asks the providers for the numerator and denominator of a requested rate', () => {
    expect([...withRatioInputs(new Set(['x.rate']), ratios)].sort()).toEqual(['x.all', 'x.done', 'x.rate']);
    expect([...withRatioInputs(new Set(['y.count']), ratios)]).toEqual(['y.count']);
  });

  it('computes a subtree’s rate from the summed counts, not from its groups’ rates', () => {
    const groups: GroupedValues = new Map<string, Record<string, TStatValue>>([
      ['5', { 'x.done': { value: 2 }, 'x.all': { value: 3 } }],
      ['6', { 'x.done': { value: 1 }, 'x.all': { value: 2 } }],
      [SELF, { 'y.count': { value: 4 } }],
    ]);
    for (const g of groups.values()) withRatios(g, ratios);
    expect(groups.get('5')?.['x.rate']).toEqual({ value: 66.67 });
    expect(groups.get('6')?.['x.rate']).toEqual({ value: 50 });
    // A group without the rate's counts gets no rate.
    expect(groups.get(SELF)?.['x.rate']).toBeUndefined();
    // Summing adds the groups' rates (116.67); the rate is then derived again from 3 of 5.
    const total = withRatios(sumGroups(groups), ratios);
    expect(total['x.rate']).toEqual({ value: 60 });
    expect(total['x.done']).toEqual({ value: 3 });
  });

  it('derives monthly rates from the monthly counts', () => {
    const s = ratioSeries({ 'x.done': [1, 0, 2], 'x.all': [2, 0, 3] }, ratios);
    expect(s['x.rate']).toEqual([50, 0, 66.67]);
  });
});
