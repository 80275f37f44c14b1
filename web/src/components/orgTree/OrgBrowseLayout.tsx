// A page that browses by org: the tree card on the left and the content on the right on a desktop; on a phone the
// panels stack — a bar naming the current org opens the search and tree in a drawer, which closes on a pick.
import { useMemo, useState, type ReactNode } from 'react';
import { Button, Card, Drawer, Typography } from 'antd';
import { ApartmentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TOrg } from '@gonghui/common';
import { useIsPhone } from '../../utils/useIsPhone.ts';
import { OrgTreeCard } from './OrgTreeCard.tsx';
import type { OrgNavigator } from './useOrgNavigator.ts';

interface OrgBrowseLayoutProps {
  nav: OrgNavigator;
  root: TOrg;
  treeWidth: number;
  children: ReactNode;
  extra?: ReactNode;
  extraOffset?: number;
}

export function OrgBrowseLayout({ nav, root, treeWidth, children, extra, extraOffset }: OrgBrowseLayoutProps) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const [open, setOpen] = useState(false);
  // In the drawer a pick also closes it.
  const drawerNav = useMemo<OrgNavigator>(
    () => ({
      ...nav,
      setSelectedId: (id: number) => {
        nav.setSelectedId(id);
        setOpen(false);
      },
      pick: (org: TOrg) => {
        nav.pick(org);
        setOpen(false);
      },
    }),
    [nav],
  );

  if (!phone) {
    return (
      <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
        <OrgTreeCard nav={nav} rootId={root.id} width={treeWidth} extra={extra} extraOffset={extraOffset} />
        <div style={{ flex: 1, minWidth: 0 }}>{children}</div>
      </div>
    );
  }

  const current = nav.selected ?? root;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Card size="small" styles={{ body: { padding: '8px 12px', display: 'flex', alignItems: 'center', gap: 8 } }}>
        <Typography.Text type="secondary" style={{ flex: 'none' }}>
          {t('browse.currentOrg')}
        </Typography.Text>
        <Typography.Text strong ellipsis style={{ flex: 1, minWidth: 0 }} title={current.name} data-testid="browse-current-org">
          {current.name}
        </Typography.Text>
        <Button icon={<ApartmentOutlined />} onClick={() => setOpen(true)} data-testid="browse-pick-org">
          {t('browse.pickOrg')}
        </Button>
      </Card>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        placement="left"
        width="100%"
        title={t('org.tree')}
        styles={{ body: { padding: 12 } }}
        data-testid="browse-drawer"
      >
        <OrgTreeCard nav={drawerNav} rootId={root.id} extra={extra} extraOffset={extraOffset} bare />
      </Drawer>
      <div style={{ minWidth: 0 }}>{children}</div>
    </div>
  );
}
