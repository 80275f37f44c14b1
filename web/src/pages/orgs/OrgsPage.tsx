// /orgs: search and lazily loaded tree on the left, the selected org's detail on the right.
import { useEffect, useState } from 'react';
import { Card } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TOrg, TOrgEvent } from '@gonghui/common';
import { orgApi } from '../../api/endpoints.ts';
import { useSession } from '../../app/session.ts';
import { notifyError } from '../../utils/notify.ts';
import { useWindowHeight } from '../../utils/useWindowHeight.ts';
import { OrgDetailPanel } from './OrgDetailPanel.tsx';
import { OrgSearchBox } from './OrgSearchBox.tsx';
import { OrgTreePanel } from './OrgTreePanel.tsx';
import { useOrgTree } from './useOrgTree.ts';

/** Header, card title, search box and margins above the tree. */
const TREE_OFFSET = 250;

export function OrgsPage() {
  const { t } = useTranslation();
  const { org: root } = useSession();
  const queryClient = useQueryClient();
  const tree = useOrgTree(root);
  const [selectedId, setSelectedId] = useState<number>(root.id);
  const [focus, setFocus] = useState<{ id: number }>();
  const windowHeight = useWindowHeight();
  const { loadMore, setExpandedKeys, reveal, addCreated, replaceOrg, reloadChildren } = tree;

  useEffect(() => {
    void loadMore(root.id);
    setExpandedKeys([String(root.id)]);
  }, [root.id, loadMore, setExpandedKeys]);

  const selected = tree.state.orgs.get(selectedId);
  const parentLevel = selected?.parentId ? tree.state.orgs.get(selected.parentId)?.level : undefined;

  const refreshCounts = () => void queryClient.invalidateQueries({ queryKey: ['org'] });

  const pick = (org: TOrg) => {
    setSelectedId(org.id);
    reveal(org)
      .then(() => setFocus({ id: org.id }))
      .catch(notifyError);
  };

  const onCreated = (parent: TOrg, child: TOrg) => {
    queryClient.setQueryData(['org', child.id], child);
    setSelectedId(child.id);
    void addCreated(parent.id, child).then(() => setFocus({ id: child.id }));
    refreshCounts();
  };

  const onUpdated = (org: TOrg) => {
    queryClient.setQueryData(['org', org.id], org);
    replaceOrg(org);
  };

  const onEventRecorded = async (before: TOrg, event: TOrgEvent) => {
    try {
      const after = await orgApi.get(before.id);
      queryClient.setQueryData(['org', after.id], after);
      replaceOrg(after);
      if (event.type === 'move' && before.parentId !== null && after.parentId !== null) {
        const parents = await Promise.all([orgApi.get(before.parentId), orgApi.get(after.parentId)]);
        parents.forEach(replaceOrg);
        reloadChildren([before.parentId, after.parentId]);
        await reveal(after);
        setFocus({ id: after.id });
      }
    } catch (err) {
      notifyError(err);
    }
    refreshCounts();
  };

  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
      <Card title={t('org.tree')} size="small" style={{ width: 380, flex: 'none' }} styles={{ body: { padding: 12 } }}>
        <OrgSearchBox onPick={pick} />
        <OrgTreePanel
          tree={tree}
          rootId={root.id}
          selectedId={selectedId}
          focus={focus}
          onSelect={setSelectedId}
          height={Math.max(320, windowHeight - TREE_OFFSET)}
        />
      </Card>
      <div style={{ flex: 1, minWidth: 0 }}>
        <OrgDetailPanel
          orgId={selectedId}
          parentLevel={parentLevel}
          onCreated={onCreated}
          onUpdated={onUpdated}
          onEventRecorded={(org, event) => void onEventRecorded(org, event)}
        />
      </div>
    </div>
  );
}
