// The 组织管理 page's queries, shared by its panels and the route's loader, which starts them with the navigation
// (in parallel with the page's code and first render) instead of one after another as each panel renders.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { LIMITS, type TMe } from '@gonghui/common';
import { orgApi } from '../../api/endpoints.ts';
import { memberApi } from '../../api/members.ts';
import { orgIdOf } from '../../components/orgTree/orgUrl.ts';

export const orgQuery = (orgId: number) => queryOptions({ queryKey: ['org', orgId], queryFn: () => orgApi.get(orgId) });

export const orgSummaryQuery = (orgId: number) =>
  queryOptions({ queryKey: ['org', orgId, 'summary'], queryFn: () => orgApi.summary(orgId) });

/** Members of the org alone or with its subtree (a count: one row asked for). */
export const orgMemberCountQuery = (orgId: number, subtree: boolean) =>
  queryOptions({
    queryKey: ['org', orgId, 'members', subtree ? 'subtree' : 'self'],
    queryFn: () => memberApi.list({ orgId, subtree }, 1, 1).then((r) => r.total ?? 0),
  });

/** The events the current term is read from. */
export const orgTermEventsQuery = (orgId: number) =>
  queryOptions({ queryKey: ['org', orgId, 'events', 'term'], queryFn: () => orgApi.events(orgId, 1, LIMITS.pageSizeMax) });

/** Starts the selected org's detail (the page's org, or the user's own), its counts, term and summary. */
export function prefetchOrgs(queryClient: QueryClient, me: TMe, url: URL): void {
  const orgId = orgIdOf(url.searchParams) ?? me.org.id;
  void queryClient.prefetchQuery(orgQuery(orgId));
  void queryClient.prefetchQuery(orgSummaryQuery(orgId));
  void queryClient.prefetchQuery(orgMemberCountQuery(orgId, false));
  void queryClient.prefetchQuery(orgTermEventsQuery(orgId));
  if (orgId === me.org.id && me.org.childCount > 0) void queryClient.prefetchQuery(orgMemberCountQuery(orgId, true));
}
