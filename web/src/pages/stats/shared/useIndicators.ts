// The indicator catalogue (GET /indicators), cached for the session, with lookups by key.
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { TIndicator } from '@gonghui/common';
import { statsApi } from '../../../api/stats.ts';

export function useIndicators() {
  const query = useQuery({ queryKey: ['indicators'], queryFn: statsApi.indicators, staleTime: Infinity });
  const list = useMemo(() => query.data ?? [], [query.data]);
  const byKey = useMemo(() => new Map(list.map((i) => [i.key, i])), [list]);
  return { ...query, list, byKey };
}

/** The first indicator whose label contains one of the words (keys are server-defined; labels are stable Chinese). */
export function findIndicator(list: TIndicator[], words: string[], kind?: TIndicator['kind']): TIndicator | undefined {
  for (const w of words) {
    const hit = list.find((i) => (kind === undefined || i.kind === kind) && (i.key === w || i.label.includes(w)));
    if (hit) return hit;
  }
  return undefined;
}
