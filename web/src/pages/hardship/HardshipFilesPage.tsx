// /hardship-files (困难职工档案): the org tree on the left, the files of the selected org's subtree on the right,
// filtered by tier and status; each row opens its file (/hardship-files/:id). 新建档案 drafts a file.
import { useRef, useState } from 'react';
import { Button, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { HARDSHIP_STATUSES, HARDSHIP_TIERS, LIMITS, type HardshipStatus, type HardshipTier, type THardshipFile } from '@gonghui/common';
import { hardshipApi } from '../../api/hardship.ts';
import { useCan, useSession } from '../../app/session.ts';
import { OrgTreeCard } from '../../components/orgTree/OrgTreeCard.tsx';
import { useUrlOrgNavigator } from '../../components/orgTree/useUrlOrgNavigator.ts';
import { notifyError } from '../../utils/notify.ts';
import { HardshipCreateModal } from './HardshipCreateModal.tsx';
import { HardshipStatusTag } from './HardshipStatusTag.tsx';

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | undefined =>
  v && (values as readonly string[]).includes(v) ? (v as T) : undefined;

export function HardshipFilesPage() {
  const { t } = useTranslation();
  const root = useSession().org;
  const can = useCan();
  const nav = useUrlOrgNavigator(root);
  const [params] = useSearchParams();
  const [tier, setTier] = useState<HardshipTier | undefined>(oneOf(HARDSHIP_TIERS, params.get('tier')));
  const [status, setStatus] = useState<HardshipStatus | undefined>(oneOf(HARDSHIP_STATUSES, params.get('status')));
  const [creating, setCreating] = useState(false);
  const actionRef = useRef<ActionType>(undefined);
  // The picked org lives in the URL (?orgId=), like the status filters: Back and shared links keep it.
  const org = nav.selected ?? root;

  const columns: ProColumns<THardshipFile>[] = [
    {
      title: t('hardship.number'),
      dataIndex: 'number',
      width: 170,
      render: (_d, r) => (
        <Link to={`/hardship-files/${r.id}`} className="mono" data-testid="hardship-number">
          {r.number}
        </Link>
      ),
    },
    { title: t('hardship.name'), dataIndex: 'name', width: 100, render: (_d, r) => <strong>{r.name}</strong> },
    { title: t('hardship.idNumber'), dataIndex: 'idNumber', width: 190, render: (_d, r) => <span className="mono">{r.idNumber}</span> },
    { title: t('hardship.org'), dataIndex: ['org', 'name'], ellipsis: true },
    { title: t('hardship.tier'), dataIndex: 'tier', width: 90, render: (_d, r) => <Tag>{t(`hardship.tiers.${r.tier}`)}</Tag> },
    {
      title: t('hardship.causes'),
      dataIndex: 'causes',
      width: 180,
      render: (_d, r) => r.causes.map((c) => t(`hardship.causeLabels.${c}`)).join('、'),
    },
    { title: t('hardship.status'), dataIndex: 'status', width: 110, render: (_d, r) => <HardshipStatusTag status={r.status} /> },
    { title: t('hardship.nextReviewAt'), dataIndex: 'nextReviewAt', width: 120, render: (_d, r) => r.nextReviewAt ?? '—' },
  ];

  return (
    // On a phone the tree wraps above the table instead of squeezing it to a sliver.
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'flex-start' }}>
      <OrgTreeCard nav={nav} rootId={root.id} width={272} />
      <div style={{ flex: '1 1 320px', minWidth: 0 }}>
        <ProTable<THardshipFile, { orgId: number; tier?: HardshipTier; status?: HardshipStatus }>
          rowKey="id"
          actionRef={actionRef}
          columns={columns}
          search={false}
          cardBordered
          scroll={{ x: 1100 }}
          params={{ orgId: org.id, tier, status }}
          request={async (p) => {
            try {
              const res = await hardshipApi.list({
                orgId: p.orgId,
                tier: p.tier,
                status: p.status,
                page: p.current ?? 1,
                pageSize: p.pageSize ?? LIMITS.pageSizeDefault,
              });
              return { data: res.items, total: res.total, success: true };
            } catch (err) {
              notifyError(err);
              return { data: [], total: 0, success: false };
            }
          }}
          pagination={{ defaultPageSize: LIMITS.pageSizeDefault, showSizeChanger: true, pageSizeOptions: [10, 20, 50, 100] }}
          headerTitle={
            <Space size={8}>
              <Typography.Text strong>{t('hardship.title')}</Typography.Text>
              <Typography.Text type="secondary">{org.name}</Typography.Text>
            </Space>
          }
          // One wrapping group: on a phone the filters and 新建档案 go onto a second line instead of off the card.
          toolBarRender={() => [
            <Space key="tools" wrap style={{ justifyContent: 'flex-end' }}>
              <Select<HardshipTier>
                key="tier"
                allowClear
                placeholder={t('hardship.tierAll')}
                value={tier}
                onChange={setTier}
                style={{ width: 120 }}
                options={HARDSHIP_TIERS.map((x) => ({ value: x, label: t(`hardship.tiers.${x}`) }))}
                data-testid="hardship-tier-filter"
              />
              <Select<HardshipStatus>
                key="status"
                allowClear
                placeholder={t('hardship.statusAll')}
                value={status}
                onChange={setStatus}
                style={{ width: 120 }}
                options={HARDSHIP_STATUSES.map((x) => ({ value: x, label: t(`hardship.statuses.${x}`) }))}
                data-testid="hardship-status-filter"
              />
              {can('hardship:manage') && (
                <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="hardship-new">
                  {t('hardship.create')}
                </Button>
              )}
            </Space>,
          ]}
          options={{ reload: true, density: false, setting: false }}
          data-testid="hardship-table"
        />
      </div>
      <HardshipCreateModal
        open={creating}
        org={org}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          void actionRef.current?.reload();
        }}
      />
    </div>
  );
}
