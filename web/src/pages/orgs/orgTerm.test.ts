import { describe, expect, it } from 'vitest';
import type { TOrgEvent } from '@gonghui/common';
import { currentTerm } from './orgTerm.ts';

const event = (type: TOrgEvent['type'], date: string, data: Record<string, unknown> = {}): TOrgEvent => ({
  id: 1,
  orgId: 1,
  type,
  date,
  data,
  note: null,
  createdAt: `${date}T00:00:00Z`,
  createdBy: null,
});

describe('currentTerm', () => {
  it('runs from the newest 换届 for its term years, ending the day before the anniversary', () => {
    const events = [
      event('rename', '2024-05-01'),
      event('reelect', '2021-03-01', { termYears: 5 }),
      event('reelect', '2016-03-01', { termYears: 5 }),
    ];
    expect(currentTerm(events)).toEqual({ from: '2021-03-01', to: '2026-02-28' });
  });
  it('knows only the start when no term length was recorded, and nothing without a 换届', () => {
    expect(currentTerm([event('reelect', '2023-09-15', { termYears: null })])).toEqual({ from: '2023-09-15' });
    expect(currentTerm([event('found', '2018-01-26')])).toBeUndefined();
    expect(currentTerm([])).toBeUndefined();
  });
});
