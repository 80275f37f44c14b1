// The 工作台's queries, shared by its components and the "/" route's loader, which starts them (and the page's code)
// while the console renders, instead of after the page's first render.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { Permission, TIndicator, TMe } from '@gonghui/common';
import { orgApi } from '../../api/endpoints.ts';
import { statsApi, type StatsRange } from '../../api/stats.ts';
import { todoApi, TODOS_KEY } from '../../api/transfers.ts';
import { currentYear, today } from '../stats/shared/period.ts';
import { findIndicator } from '../stats/shared/useIndicators.ts';

export const todosQuery = queryOptions({ queryKey: TODOS_KEY, queryFn: todoApi.list, staleTime: 15_000, refetchOnWindowFocus: true });

export const indicatorsQuery = queryOptions({ queryKey: ['indicators'], queryFn: statsApi.indicators, staleTime: Infinity });

export const orgSummaryQuery = (orgId: number) =>
  queryOptions({ queryKey: ['org', orgId, 'summary'], queryFn: () => orgApi.summary(orgId) });

export const statsValuesQuery = (range: StatsRange) =>
  queryOptions({ queryKey: ['stats', 'values', range], queryFn: () => statsApi.values(range) });

/** The figures' indicators (会员总数, 本年新增会员), when the user may read statistics. */
export function figureIndicators(list: TIndicator[], canStats: boolean) {
  const total = canStats ? findIndicator(list, ['members.total', '会员总数'], 'snapshot') : undefined;
  const joined = canStats ? findIndicator(list, ['members.joined', '新增会员', '新入会', '发展会员'], 'period') : undefined;
  return { total, joined };
}

/** This year up to today for the user's org, for the figures' indicators. */
export function figuresRange(orgId: number, keys: string[]): StatsRange {
  return { orgId, from: `${currentYear()}-01-01`, to: today(), keys };
}

/** Starts what the 工作台 shows first: 待办, the org summary, and the indicators followed by their values. */
export function prefetchWorkbench(queryClient: QueryClient, me: TMe): void {
  const can = (p: Permission) => me.user.permissions.includes(p);
  void queryClient.prefetchQuery(todosQuery);
  if (can('org:read')) void queryClient.prefetchQuery(orgSummaryQuery(me.org.id));
  if (!can('stats:read')) return;
  queryClient
    .ensureQueryData(indicatorsQuery)
    .then((list) => {
      const { total, joined } = figureIndicators(list, true);
      const keys = [total, joined].filter((i) => i !== undefined).map((i) => i.key);
      if (keys.length) void queryClient.prefetchQuery(statsValuesQuery(figuresRange(me.org.id, keys)));
    })
    .catch(() => undefined);
}
