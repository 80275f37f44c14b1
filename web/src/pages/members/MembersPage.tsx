// /members: the org tree on the left picks the union; its roster (alone or with its subtree) fills the right.
// A link may carry filters (?orgId=&subtree=&status=&category=&joinedFrom=&joinedTo=&leftFrom=&leftTo=), as the
// drill-down from a statistic does: the roster opens on exactly the records behind the figure. The picked union, the
// scope switch, the order (?sort=joinedAt|name) and the opened member (?member=) are kept there too, so Back and shared links restore them.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../../app/session.ts';
import { OrgBrowseLayout } from '../../components/orgTree/OrgBrowseLayout.tsx';
import { useUrlOrgNavigator } from '../../components/orgTree/useUrlOrgNavigator.ts';
import type { MemberSort } from '../../api/members.ts';
import { MemberTable } from './MemberTable.tsx';
import { filterKeyOf, initialFiltersOf, sortOf, subtreeOf } from './memberQuery.ts';

export function MembersPage() {
  const { org: root } = useSession();
  const nav = useUrlOrgNavigator(root);
  const [params, setParams] = useSearchParams();
  const subtree = subtreeOf(params);
  const memberId = Number(params.get('member')) || undefined;
  const sort = sortOf(params);

  /** Changes some parameters, keeping the rest; a new history entry, so Back undoes it. */
  const patch = useCallback(
    (values: Record<string, string | undefined>) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(values)) {
          if (v === undefined) next.delete(k);
          else next.set(k, v);
        }
        return next;
      }),
    [setParams],
  );
  // Stable callbacks: the roster (memoised) renders again only when its own inputs change, not as the tree loads.
  const onSubtreeChange = useCallback((on: boolean) => patch({ subtree: on ? undefined : 'false' }), [patch]);
  const onSortChange = useCallback((next: MemberSort) => patch({ sort: next === 'id' ? undefined : next }), [patch]);
  const onClearLeft = useCallback(() => patch({ leftFrom: undefined, leftTo: undefined }), [patch]);
  const onOpenMember = useCallback((id: number | undefined) => patch({ member: id === undefined ? undefined : String(id) }), [patch]);

  // Only the filter parameters matter here: opening a member or picking a union leaves the filters as they are.
  const filterKey = filterKeyOf(params);
  const initial = useMemo(() => initialFiltersOf(filterKey), [filterKey]);

  return (
    <OrgBrowseLayout nav={nav} root={root} treeWidth={240}>
      <MemberTable
        org={nav.selected ?? root}
        subtree={subtree}
        onSubtreeChange={onSubtreeChange}
        sort={sort}
        onSortChange={onSortChange}
        initial={initial}
        onClearLeft={onClearLeft}
        memberId={memberId}
        onOpenMember={onOpenMember}
      />
    </OrgBrowseLayout>
  );
}
