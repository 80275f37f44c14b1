// The org tree's store: children fetched page by page on expand, reveal of a searched org, local updates after edits.
import { useCallback, useRef, useState } from 'react';
import type { TOrg } from '@gonghui/common';
import { orgApi } from '../../api/endpoints.ts';
import { notifyError } from '../../utils/notify.ts';
import {
  CHILD_PAGE_SIZE,
  hasMore,
  initialTreeState,
  insertChild,
  mergePage,
  resetChildren,
  upsertOrg,
  type TreeState,
} from './orgTreeState.ts';

/** Pages fetched while looking for a revealed org before it is simply inserted into the loaded list. */
const REVEAL_PAGE_LIMIT = 3;

export function useOrgTree(root: TOrg) {
  const store = useRef<TreeState>(initialTreeState(root));
  const [state, setState] = useState<TreeState>(store.current);
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);
  const [loading, setLoading] = useState<ReadonlySet<number>>(new Set());
  const inFlight = useRef(new Map<number, Promise<void>>());

  const update = useCallback((fn: (s: TreeState) => TreeState) => {
    store.current = fn(store.current);
    setState(store.current);
  }, []);

  const setLoadingFlag = (id: number, on: boolean) =>
    setLoading((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  /** Fetches the next page of a node's children; concurrent calls for one node share a request. */
  const loadMore = useCallback(
    (parentId: number): Promise<void> => {
      const pending = inFlight.current.get(parentId);
      if (pending) return pending;
      const pageNo = (store.current.lists.get(parentId)?.pages ?? 0) + 1;
      setLoadingFlag(parentId, true);
      const run = orgApi
        .children(parentId, pageNo, CHILD_PAGE_SIZE)
        .then((res) => update((s) => mergePage(s, parentId, res.items, res.total, pageNo)))
        .catch(notifyError)
        .finally(() => {
          inFlight.current.delete(parentId);
          setLoadingFlag(parentId, false);
        });
      inFlight.current.set(parentId, run);
      return run;
    },
    [update],
  );

  const expand = useCallback((ids: number[]) => {
    setExpandedKeys((prev) => [...new Set([...prev, ...ids.map(String)])]);
  }, []);

  /** Makes sure `child` is listed under `parentId`, loading a few pages first to keep server order. */
  const ensureListed = useCallback(
    async (parentId: number, child: TOrg) => {
      const listed = () => store.current.lists.get(parentId)?.ids.includes(child.id) ?? false;
      if (!store.current.lists.has(parentId)) await loadMore(parentId);
      for (let i = 0; i < REVEAL_PAGE_LIMIT && !listed(); i++) {
        const list = store.current.lists.get(parentId);
        if (!list || !hasMore(list)) break;
        await loadMore(parentId);
      }
      if (!listed()) update((s) => insertChild(s, parentId, child, false));
    },
    [loadMore, update],
  );

  /** Loads the chain from the scope root down to `target` and expands it. */
  const reveal = useCallback(
    async (target: TOrg) => {
      update((s) => upsertOrg(s, target));
      if (target.id === root.id) return;
      const { items: chain } = await orgApi.ancestors(target.id);
      for (const [i, ancestor] of chain.entries()) {
        if (!store.current.orgs.has(ancestor.id)) update((s) => upsertOrg(s, ancestor));
        await ensureListed(ancestor.id, chain[i + 1] ?? target);
      }
      expand(chain.map((o) => o.id));
    },
    [root.id, update, ensureListed, expand],
  );

  /** Shows a just-created org under its parent, loading the parent's first page if it was never expanded. */
  const addCreated = useCallback(
    async (parentId: number, org: TOrg) => {
      update((s) => insertChild(s, parentId, org, true));
      expand([parentId]);
      if (!store.current.lists.has(parentId)) await loadMore(parentId);
      if (!store.current.lists.get(parentId)?.ids.includes(org.id)) update((s) => insertChild(s, parentId, org, false));
    },
    [update, expand, loadMore],
  );

  const replaceOrg = useCallback((org: TOrg) => update((s) => upsertOrg(s, org)), [update]);

  /** After a move: both parents' children are refetched when shown. */
  const reloadChildren = useCallback(
    (parentIds: number[]) => {
      for (const id of parentIds) update((s) => resetChildren(s, id));
      const shown = new Set(expandedKeys);
      for (const id of parentIds) if (shown.has(String(id))) void loadMore(id);
    },
    [update, expandedKeys, loadMore],
  );

  return { state, expandedKeys, setExpandedKeys, loading, loadMore, reveal, addCreated, replaceOrg, reloadChildren };
}

export type OrgTreeStore = ReturnType<typeof useOrgTree>;
