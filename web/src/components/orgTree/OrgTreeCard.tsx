// Left-hand card shared by pages that browse by org: search box above the lazily loaded tree.
import type { ReactNode } from 'react';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAfterPaint } from '../../utils/useAfterPaint.ts';
import { useWindowHeight } from '../../utils/useWindowHeight.ts';
import { OrgSearchBox } from './OrgSearchBox.tsx';
import { OrgTreePanel } from './OrgTreePanel.tsx';
import type { OrgNavigator } from './useOrgNavigator.ts';

/** Header, card title, search box and margins above the tree. */
const TREE_OFFSET = 250;
/** One tree row: what the tree takes before its first level arrives. */
const TREE_ROW_HEIGHT = 24;

interface OrgTreeCardProps {
  nav: OrgNavigator;
  rootId: number;
  /** Extra pixels taken by `extra` content above the tree. */
  extraOffset?: number;
  /** Shown between the search box and the tree (e.g. a scope switch). */
  extra?: ReactNode;
  width?: number | string;
  /** Inside a drawer: no card frame or title, and less room taken above the tree. */
  bare?: boolean;
}

export function OrgTreeCard({ nav, rootId, extraOffset = 0, extra, width = 380, bare = false }: OrgTreeCardProps) {
  const { t } = useTranslation();
  const windowHeight = useWindowHeight();
  // The tree (its first level still loading) joins a frame after the page's content: the roster beside it shows first.
  const treeShown = useAfterPaint();
  const body = (
    <>
      <OrgSearchBox onPick={nav.pick} />
      {extra}
      {treeShown ? (
        <OrgTreePanel
          tree={nav.tree}
          rootId={rootId}
          selectedId={nav.selectedId}
          focus={nav.focus}
          onSelect={nav.setSelectedId}
          height={Math.max(bare ? 240 : 320, windowHeight - (bare ? 150 : TREE_OFFSET) - extraOffset)}
        />
      ) : (
        <div style={{ height: TREE_ROW_HEIGHT }} />
      )}
    </>
  );
  if (bare) return body;
  return (
    <Card title={t('org.tree')} size="small" style={{ width, flex: 'none' }} styles={{ body: { padding: 12 } }}>
      {body}
    </Card>
  );
}
