// Virtualised antd Tree over the lazily loaded store; a "加载更多" row follows a node's children while more remain.
import { useEffect, useMemo, useRef, type Key, type ReactNode } from 'react';
import { Button, Tag, Tree, type GetRef, type TreeDataNode } from 'antd';
import { useTranslation } from 'react-i18next';
import { hasMore, type TreeState } from './orgTreeState.ts';
import type { OrgTreeStore } from './useOrgTree.ts';

const MORE_PREFIX = 'more:';
/** Pixels left above a focused node. */
const FOCUS_OFFSET = 84;

interface OrgTreePanelProps {
  tree: OrgTreeStore;
  rootId: number;
  selectedId: number | undefined;
  /** A new object each time the page wants a node scrolled into view. */
  focus: { id: number } | undefined;
  onSelect: (id: number) => void;
  height: number;
}

function buildNodes(
  state: TreeState,
  id: number,
  renderMore: (parentId: number, loaded: number, total: number) => ReactNode,
  dissolvedLabel: string,
): TreeDataNode | null {
  const org = state.orgs.get(id);
  if (!org) return null;
  const list = state.lists.get(id);
  const title = (
    <span
      data-testid="org-tree-node"
      data-org-id={org.id}
      title={org.name}
      style={org.status === 'dissolved' ? { color: '#999' } : undefined}
    >
      {org.name}
      {org.status === 'dissolved' && (
        <Tag style={{ marginInlineStart: 6 }} bordered={false}>
          {dissolvedLabel}
        </Tag>
      )}
    </span>
  );
  const node: TreeDataNode = { key: String(id), title, isLeaf: org.childCount === 0 && !list?.ids.length };
  if (list) {
    const children = list.ids.map((c) => buildNodes(state, c, renderMore, dissolvedLabel)).filter((n): n is TreeDataNode => n !== null);
    if (hasMore(list)) {
      children.push({ key: `${MORE_PREFIX}${id}`, title: renderMore(id, list.ids.length, list.total), isLeaf: true, selectable: false });
    }
    node.children = children;
  }
  return node;
}

export function OrgTreePanel({ tree, rootId, selectedId, focus, onSelect, height }: OrgTreePanelProps) {
  const { t } = useTranslation();
  const treeRef = useRef<GetRef<typeof Tree>>(null);
  const { state, loading, loadMore } = tree;

  const treeData = useMemo(() => {
    const renderMore = (parentId: number, loaded: number, total: number) => (
      <Button
        type="link"
        size="small"
        style={{ padding: 0 }}
        loading={loading.has(parentId)}
        data-testid="org-tree-load-more"
        onClick={(e) => {
          e.stopPropagation();
          void loadMore(parentId);
        }}
      >
        {t('common.loadMore', { loaded, total })}
      </Button>
    );
    const root = buildNodes(state, rootId, renderMore, t('org.dissolved'));
    return root ? [root] : [];
  }, [state, rootId, loading, loadMore, t]);

  const loadedKeys = useMemo(() => [...state.lists.keys()].map(String), [state.lists]);

  // Scroll to an org the page asked for (search result, new org); plain clicks leave the scroll alone.
  useEffect(() => {
    if (!focus) return;
    const timer = setTimeout(() => treeRef.current?.scrollTo({ key: String(focus.id), align: 'top', offset: FOCUS_OFFSET }), 50);
    return () => clearTimeout(timer);
  }, [focus]);

  const loadData = async (node: { key: Key }) => {
    const id = Number(node.key);
    if (Number.isInteger(id) && !state.lists.has(id)) await loadMore(id);
  };

  return (
    <Tree
      ref={treeRef}
      className="org-tree"
      // No expand animation: while it runs the new rows are missing from the virtual list and scrollTo misses them.
      motion={false}
      blockNode
      showLine
      height={height}
      treeData={treeData}
      loadData={loadData}
      loadedKeys={loadedKeys}
      expandedKeys={tree.expandedKeys}
      onExpand={(keys) => tree.setExpandedKeys(keys.map(String))}
      selectedKeys={selectedId === undefined ? [] : [String(selectedId)]}
      onSelect={(keys) => {
        const key = keys[0];
        if (key !== undefined && !String(key).startsWith(MORE_PREFIX)) onSelect(Number(key));
      }}
      data-testid="org-tree"
    />
  );
}
