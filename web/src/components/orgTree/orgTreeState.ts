// Pure state transitions for the lazily loaded org tree: known orgs and the loaded pages of each node's children.
import type { TOrg } from '@gonghui/common';

export const CHILD_PAGE_SIZE = 200;

export interface ChildList {
  ids: number[];
  total: number;
  /** Server pages fetched so far; ids may also hold orgs inserted locally (created or revealed). */
  pages: number;
}

export interface TreeState {
  orgs: Map<number, TOrg>;
  lists: Map<number, ChildList>;
}

export function initialTreeState(root: TOrg): TreeState {
  return { orgs: new Map([[root.id, root]]), lists: new Map() };
}

export function hasMore(list: ChildList): boolean {
  return list.pages * CHILD_PAGE_SIZE < list.total;
}

function byPinyin(a: TOrg, b: TOrg): number {
  if (a.pinyin !== b.pinyin) return a.pinyin < b.pinyin ? -1 : 1;
  return a.id - b.id;
}

export function mergePage(state: TreeState, parentId: number, items: TOrg[], total: number, pageNo: number): TreeState {
  const orgs = new Map(state.orgs);
  for (const org of items) orgs.set(org.id, org);
  const prev = state.lists.get(parentId) ?? { ids: [], total, pages: 0 };
  const ids = [...prev.ids];
  const seen = new Set(ids);
  for (const org of items) if (!seen.has(org.id)) ids.push(org.id);
  const lists = new Map(state.lists).set(parentId, { ids, total, pages: Math.max(prev.pages, pageNo) });
  return { orgs, lists };
}

export function upsertOrg(state: TreeState, org: TOrg): TreeState {
  const orgs = new Map(state.orgs).set(org.id, org);
  return { ...state, orgs };
}

/** Places an org among its parent's loaded children in server order; `isNew` also bumps the counts. */
export function insertChild(state: TreeState, parentId: number, child: TOrg, isNew: boolean): TreeState {
  const orgs = new Map(state.orgs).set(child.id, child);
  const parent = orgs.get(parentId);
  if (parent && isNew) orgs.set(parentId, { ...parent, childCount: parent.childCount + 1 });
  const list = state.lists.get(parentId);
  if (!list || list.ids.includes(child.id)) return { orgs, lists: state.lists };
  const ids = [...list.ids];
  const at = ids.findIndex((id) => {
    const other = orgs.get(id);
    return other !== undefined && byPinyin(child, other) < 0;
  });
  ids.splice(at < 0 ? ids.length : at, 0, child.id);
  const lists = new Map(state.lists).set(parentId, { ...list, ids, total: list.total + (isNew ? 1 : 0) });
  return { orgs, lists };
}

/** Forgets a node's loaded children so the next expand fetches them again. */
export function resetChildren(state: TreeState, parentId: number): TreeState {
  const lists = new Map(state.lists);
  lists.delete(parentId);
  return { ...state, lists };
}
