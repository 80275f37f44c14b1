// The tree store plus what a page with a tree on the left needs: the first level loaded, the selected org, and
// search results revealed (ancestors loaded and expanded) and scrolled into view.
import { useCallback, useEffect, useState } from 'react';
import type { TOrg } from '@gonghui/common';
import { notifyError } from '../../utils/notify.ts';
import { useOrgTree } from './useOrgTree.ts';

export function useOrgNavigator(root: TOrg) {
  const tree = useOrgTree(root);
  const [selectedId, setSelectedId] = useState<number>(root.id);
  const [focus, setFocus] = useState<{ id: number }>();
  const { loadMore, setExpandedKeys, reveal } = tree;

  useEffect(() => {
    void loadMore(root.id);
    setExpandedKeys([String(root.id)]);
  }, [root.id, loadMore, setExpandedKeys]);

  /** Selects an org found by search: loads its ancestors, expands them and scrolls it into view. */
  const pick = useCallback(
    (org: TOrg) => {
      setSelectedId(org.id);
      reveal(org)
        .then(() => setFocus({ id: org.id }))
        .catch(notifyError);
    },
    [reveal],
  );

  const select: (id: number) => void = setSelectedId;
  return { tree, selectedId, setSelectedId: select, focus, setFocus, pick, selected: tree.state.orgs.get(selectedId) };
}

export type OrgNavigator = ReturnType<typeof useOrgNavigator>;
