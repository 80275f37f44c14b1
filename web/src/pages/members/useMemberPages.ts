// The roster's keyset paging: page 1 carries the total; each next page is fetched with the previous page's
// nextCursor (no OFFSET over the rows before it), and the cursors walked so far make Previous instant (cached).
// A change of filters, sort or page size starts again at page 1.
import { useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MemberFilters, MemberSort } from '../../api/members.ts';
import { MEMBER_LIST_KEY, memberPageQuery } from './memberQuery.ts';

export function useMemberPages(filters: MemberFilters, sort: MemberSort, pageSize: number) {
  const queryClient = useQueryClient();
  const scope = JSON.stringify([filters, sort, pageSize]);
  // Cursors of pages 2, 3, … that were opened, for the query scope they belong to.
  const [trail, setTrail] = useState<{ scope: string; cursors: string[] }>({ scope, cursors: [] });
  const cursors = trail.scope === scope ? trail.cursors : [];
  const cursor = cursors[cursors.length - 1];

  const current = useQuery({ ...memberPageQuery(filters, sort, pageSize, cursor), placeholderData: keepPreviousData });
  // Page 1 (with the count) from the cache while a later page is shown; fetched only when page 1 is the one shown.
  const first = useQuery({ ...memberPageQuery(filters, sort, pageSize, undefined), enabled: cursor === undefined });

  const nextCursor = current.isPlaceholderData ? null : (current.data?.nextCursor ?? null);
  return {
    items: current.data?.items ?? [],
    page: cursors.length + 1,
    total: first.data?.total ?? null,
    totalExact: first.data?.totalExact ?? true,
    loading: current.isPending || (current.isFetching && current.isPlaceholderData),
    fetching: current.isFetching,
    hasPrev: cursors.length > 0,
    hasNext: nextCursor !== null,
    next: () => {
      if (nextCursor) setTrail({ scope, cursors: [...cursors, nextCursor] });
    },
    prev: () => setTrail({ scope, cursors: cursors.slice(0, -1) }),
    /** After a change: every cached roster page is fetched again. */
    refresh: () => queryClient.invalidateQueries({ queryKey: MEMBER_LIST_KEY }),
  };
}
