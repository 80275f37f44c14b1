// Rates (unit '%') from summed parts: two decimals, zero without a denominator, the parts asked for alongside.
import { describe, expect, it } from 'vitest';
import { finishRatios, percentOf, ratioSeries, sumGroups, withRatioParts, type GroupedValues, type Ratio } from './index.ts';

const ratios = new Map<string, Ratio>([['x.rate', { numerator: 'x.on_time', denominator: 'x.closed' }]]);

describe('indicator ratios', () => {
  it('rounds to two decimals and answers 0 when nothing was counted', () => {
    expect(percentOf(2, 3)).toBe(66.67);
    expect(percentOf(1, 8)).toBe(12.5);
    expect(percentOf(0, 0)).toBe(0);
  });

  it('asks for the parts of a requested rate', () => {
    expect([...withRatioParts(new Set(['x.rate']), ratios)].sort()).toEqual(['x.closed', 'x.on_time', 'x.rate']);
    expect([...withRatioParts(new Set(['y']), ratios)]).toEqual(['y']);
  });

  it('divides the summed parts, never averages the groups’ rates', () => {
    const groups: GroupedValues = new Map([
      ['1', { 'x.on_time': { value: 2 }, 'x.closed': { value: 3 } }],
      ['2', { 'x.on_time': { value: 1 }, 'x.closed': { value: 2 } }],
    ]);
    expect(finishRatios(sumGroups(groups), ratios)['x.rate']).toEqual({ value: 60 });
    expect(finishRatios({ ...groups.get('1') }, ratios)['x.rate']).toEqual({ value: 66.67 });
    expect(finishRatios({}, ratios)).toEqual({});
    expect(ratioSeries({ 'x.on_time': [1, 0], 'x.closed': [2, 0] }, ratios)['x.rate']).toEqual([50, 0]);
  });
});
