// /orgs: search and lazily loaded tree on the left (in a drawer on a phone), the selected org's detail on the right.
// The selected org lives in the URL (?orgId=), so Back, bookmarks and shared links land on it.
import { useQueryClient } from '@tanstack/react-query';
import type { TOrg, TOrgEvent } from '@gonghui/common';
import { orgApi } from '../../api/endpoints.ts';
import { useSession } from '../../app/session.ts';
import { OrgBrowseLayout } from '../../components/orgTree/OrgBrowseLayout.tsx';
import { useUrlOrgNavigator } from '../../components/orgTree/useUrlOrgNavigator.ts';
import { notifyError } from '../../utils/notify.ts';
import { OrgDetailPanel } from './OrgDetailPanel.tsx';

export function OrgsPage() {
  const { org: root } = useSession();
  const queryClient = useQueryClient();
  const nav = useUrlOrgNavigator(root);
  const { tree, selectedId, setSelectedId, setFocus } = nav;
  const { reveal, addCreated, replaceOrg, reloadChildren } = tree;

  const selected = tree.state.orgs.get(selectedId);
  const parentLevel = selected?.parentId ? tree.state.orgs.get(selected.parentId)?.level : undefined;

  const refreshCounts = () => void queryClient.invalidateQueries({ queryKey: ['org'] });

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

  const onImported = (org: TOrg) => {
    void orgApi
      .get(org.id)
      .then((after) => {
        queryClient.setQueryData(['org', after.id], after);
        replaceOrg(after);
        reloadChildren([org.id]);
      })
      .catch(notifyError);
    refreshCounts();
  };

  return (
    <OrgBrowseLayout nav={nav} root={root} treeWidth={340}>
      <OrgDetailPanel
        orgId={selectedId}
        parentLevel={parentLevel}
        onCreated={onCreated}
        onUpdated={onUpdated}
        onEventRecorded={(org, event) => void onEventRecorded(org, event)}
        onImported={onImported}
      />
    </OrgBrowseLayout>
  );
}
