// /members: the org tree on the left picks the union; its roster (alone or with its subtree) fills the right.
// A link may carry filters (?orgId=&subtree=&status=&category=&joinedFrom=&joinedTo=&leftFrom=&leftTo=), as the
// drill-down from a statistic does: the roster opens on exactly the records behind the figure.
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import { MEMBER_CATEGORIES, MEMBER_STATUSES, type MemberCategory, type MemberStatus } from '@gonghui/common';
import { orgApi } from '../../api/endpoints.ts';
import { useSession } from '../../app/session.ts';
import { OrgTreeCard } from '../../components/orgTree/OrgTreeCard.tsx';
import { useOrgNavigator } from '../../components/orgTree/useOrgNavigator.ts';
import { notifyError } from '../../utils/notify.ts';
import { MemberTable, type MemberInitialFilters } from './MemberTable.tsx';

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | undefined =>
  v && (values as readonly string[]).includes(v) ? (v as T) : undefined;

export function MembersPage() {
  const { org: root } = useSession();
  const nav = useOrgNavigator(root);
  const [params, setParams] = useSearchParams();
  const [subtree, setSubtree] = useState(params.get('subtree') !== 'false');
  const urlOrgId = Number(params.get('orgId')) || undefined;
  const { pick } = nav;

  useEffect(() => {
    if (!urlOrgId || urlOrgId === root.id) return;
    orgApi.get(urlOrgId).then(pick).catch(notifyError);
  }, [urlOrgId, root.id, pick]);

  const initial = useMemo<MemberInitialFilters>(() => {
    const from = params.get('joinedFrom');
    const to = params.get('joinedTo');
    const leftFrom = params.get('leftFrom') ?? undefined;
    const leftTo = params.get('leftTo') ?? undefined;
    return {
      form: {
        status: oneOf<MemberStatus>(MEMBER_STATUSES, params.get('status')),
        category: oneOf<MemberCategory>(MEMBER_CATEGORIES, params.get('category')),
        joinedRange: from && to ? [dayjs(from), dayjs(to)] : undefined,
      },
      left: leftFrom || leftTo ? { from: leftFrom, to: leftTo } : undefined,
    };
  }, [params]);

  const clearLeft = () => {
    const next = new URLSearchParams(params);
    next.delete('leftFrom');
    next.delete('leftTo');
    setParams(next);
  };

  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
      <OrgTreeCard nav={nav} rootId={root.id} width={272} />
      <div style={{ flex: 1, minWidth: 0 }}>
        <MemberTable org={nav.selected ?? root} subtree={subtree} onSubtreeChange={setSubtree} initial={initial} onClearLeft={clearLeft} />
      </div>
    </div>
  );
}
