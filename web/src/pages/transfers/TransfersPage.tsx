// /transfers (会员接转): 待接收 lists pending transfers into the user's unions, each with 接收; 已发出 lists transfers
// requested out of them, in every state.
import { useRef, useState } from 'react';
import { Button, Popconfirm, Tag, Typography } from 'antd';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { LIMITS, type TTransfer } from '@gonghui/common';
import { transferApi } from '../../api/members.ts';
import { useCan } from '../../app/session.ts';
import { formatDateTime } from '../../utils/format.ts';
import { notifyError, notifySuccess } from '../../utils/notify.ts';

type Tab = 'in' | 'out';

const STATUS_COLORS: Record<TTransfer['status'], string> = { pending: 'gold', accepted: 'green', rejected: 'red', cancelled: 'default' };

function AcceptButton({ transfer, onDone }: { transfer: TTransfer; onDone: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const accept = async () => {
    setBusy(true);
    try {
      await transferApi.accept(transfer.id);
      notifySuccess(t('transfer.accepted'));
      onDone();
    } catch (err) {
      notifyError(err);
      onDone();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popconfirm title={t('transfer.acceptConfirm', { name: transfer.memberName, org: transfer.toOrgName })} onConfirm={() => void accept()}>
      <Button type="primary" size="small" loading={busy} data-testid="transfer-accept" data-transfer-id={transfer.id}>
        {t('transfer.accept')}
      </Button>
    </Popconfirm>
  );
}

export function TransfersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [tab, setTab] = useState<Tab>('in');
  const actionRef = useRef<ActionType>(undefined);
  const reload = () => void actionRef.current?.reload();

  const columns: ProColumns<TTransfer>[] = [
    { title: t('transfer.member'), dataIndex: 'memberName', width: 110, render: (_d, r) => <strong>{r.memberName}</strong> },
    { title: t('transfer.from'), dataIndex: 'fromOrgName', ellipsis: true },
    { title: t('transfer.to'), dataIndex: 'toOrgName', ellipsis: true },
    { title: t('transfer.date'), dataIndex: 'date', width: 110 },
    {
      title: t('transfer.reason'),
      dataIndex: 'reason',
      width: 160,
      ellipsis: true,
      render: (_d, r) => r.reason ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: t('transfer.status'),
      dataIndex: 'status',
      width: 96,
      render: (_d, r) => (
        <Tag color={STATUS_COLORS[r.status]} data-testid="transfer-status">
          {t(`transfer.statuses.${r.status}`)}
        </Tag>
      ),
    },
    { title: t('transfer.createdAt'), dataIndex: 'createdAt', width: 170, render: (_d, r) => formatDateTime(r.createdAt) },
  ];
  if (tab === 'in' && can('member:update')) {
    columns.push({
      title: '',
      valueType: 'option',
      width: 90,
      render: (_d, r) => (r.status === 'pending' ? <AcceptButton transfer={r} onDone={reload} /> : null),
    });
  }

  return (
    <ProTable<TTransfer, { tab: Tab }>
      rowKey="id"
      actionRef={actionRef}
      columns={columns}
      search={false}
      cardBordered
      params={{ tab }}
      request={async (params) => {
        try {
          const res = await transferApi.list(
            params.tab,
            params.tab === 'in' ? 'pending' : undefined,
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
      toolbar={{
        menu: {
          type: 'tab',
          activeKey: tab,
          items: [
            { key: 'in', label: <span data-testid="transfer-tab-in">{t('transfer.incoming')}</span> },
            { key: 'out', label: <span data-testid="transfer-tab-out">{t('transfer.outgoing')}</span> },
          ],
          onChange: (key) => setTab(key === 'out' ? 'out' : 'in'),
        },
      }}
      options={{ reload: true, density: false, setting: false }}
      data-testid="transfer-table"
    />
  );
}
