// /transfers (会员接转): cases into the user's unions (转入) or out of them (转出), filtered by status; each row opens
// its case (/transfers/:id), where the actions are.
import { useRef, useState } from 'react';
import { Select, Space, Typography } from 'antd';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@gonghui/common';
import { TRANSFER_STATUSES, transferApi, type TransferDirection, type TransferListItem, type TransferStatus } from '../../api/transfers.ts';
import { formatDateTime } from '../../utils/format.ts';
import { notifyError } from '../../utils/notify.ts';
import { formatDue, isOverdue, OverdueTag, TransferStatusTag } from './TransferStatusTag.tsx';

interface Params {
  direction: TransferDirection;
  status?: TransferStatus;
}

export function TransfersPage() {
  const { t } = useTranslation();
  const [direction, setDirection] = useState<TransferDirection>('in');
  const [status, setStatus] = useState<TransferStatus>();
  const actionRef = useRef<ActionType>(undefined);

  const columns: ProColumns<TransferListItem>[] = [
    {
      title: t('transfer.number'),
      dataIndex: 'number',
      width: 170,
      render: (_d, r) => (
        <Link to={`/transfers/${r.id}`} className="mono" data-testid="transfer-number">
          {r.number}
        </Link>
      ),
    },
    { title: t('transfer.member'), dataIndex: ['member', 'name'], width: 110, render: (_d, r) => <strong>{r.member.name}</strong> },
    { title: t('transfer.from'), dataIndex: ['fromOrg', 'name'], ellipsis: true },
    { title: t('transfer.to'), dataIndex: ['toOrg', 'name'], ellipsis: true },
    {
      title: t('transfer.status'),
      dataIndex: 'status',
      width: 150,
      render: (_d, r) => (
        <Space size={4}>
          <TransferStatusTag status={r.status} />
          {isOverdue(r.status, r.dueAt) && <OverdueTag />}
        </Space>
      ),
    },
    { title: t('transfer.dueAt'), dataIndex: 'dueAt', width: 110, render: (_d, r) => formatDue(r.dueAt) },
    { title: t('transfer.createdAt'), dataIndex: 'createdAt', width: 170, render: (_d, r) => formatDateTime(r.createdAt) },
    {
      title: '',
      valueType: 'option',
      width: 70,
      render: (_d, r) => (
        <Link to={`/transfers/${r.id}`} data-testid="transfer-open" data-transfer-id={r.id}>
          {t('transfer.view')}
        </Link>
      ),
    },
  ];

  return (
    <ProTable<TransferListItem, Params>
      rowKey="id"
      actionRef={actionRef}
      columns={columns}
      search={false}
      cardBordered
      scroll={{ x: 960 }}
      params={{ direction, status }}
      request={async (params) => {
        try {
          const res = await transferApi.list(
            params.direction,
            params.status,
            params.current ?? 1,
            params.pageSize ?? LIMITS.pageSizeDefault,
          );
          return { data: res.items, total: res.total, success: true };
        } catch (err) {
          notifyError(err);
          return { data: [], total: 0, success: false };
        }
      }}
      pagination={{ defaultPageSize: LIMITS.pageSizeDefault, showSizeChanger: true, pageSizeOptions: [10, 20, 50, 100] }}
      headerTitle={<Typography.Text strong>{t('transfer.title')}</Typography.Text>}
      toolbar={{
        menu: {
          type: 'tab',
          activeKey: direction,
          items: [
            { key: 'in', label: <span data-testid="transfer-tab-in">{t('transfer.incoming')}</span> },
            { key: 'out', label: <span data-testid="transfer-tab-out">{t('transfer.outgoing')}</span> },
          ],
          onChange: (key) => setDirection(key === 'out' ? 'out' : 'in'),
        },
      }}
      toolBarRender={() => [
        <Select<TransferStatus>
          key="status"
          id="transfer-status-filter"
          allowClear
          placeholder={t('transfer.statusAll')}
          value={status}
          onChange={(v) => setStatus(v)}
          style={{ width: 140 }}
          options={TRANSFER_STATUSES.map((s) => ({ value: s, label: t(`transfer.statuses.${s}`) }))}
          data-testid="transfer-status-filter"
        />,
      ]}
      options={{ reload: true, density: false, setting: false }}
      data-testid="transfer-table"
    />
  );
}
