// The assistance a household on file received (困难职工档案 detail): date, kind, amount, status and a link to each
// entry, newest first, as far as the caller's subtree reaches.
import { Card, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ASSISTANCE_KIND_LABELS, ASSISTANCE_STATUS_LABELS, formatYuan, type TAssistanceEntry } from '@gonghui/common';
import { assistanceApi } from '../../api/assistance.ts';
import { useCan } from '../../app/session.ts';
import { ASSISTANCE_STATUS_COLORS } from './statusColors.ts';

export function HouseholdAssistance({ hardshipFileId }: { hardshipFileId: number }) {
  const { t } = useTranslation();
  const can = useCan();
  const allowed = can('assistance:read');
  const list = useQuery({
    queryKey: ['assistance', { hardshipFileId }],
    queryFn: () => assistanceApi.list({ hardshipFileId, pageSize: 200 }),
    enabled: allowed,
  });
  if (!allowed) return null;
  const columns = [
    { title: t('assistance.date'), dataIndex: 'date' },
    { title: t('assistance.kind'), dataIndex: 'kind', render: (k: TAssistanceEntry['kind']) => ASSISTANCE_KIND_LABELS[k] },
    { title: t('assistance.amountShort'), dataIndex: 'amount', align: 'right' as const, render: (n: number) => formatYuan(n) },
    {
      title: t('assistance.status'),
      dataIndex: 'status',
      render: (s: TAssistanceEntry['status']) => <Tag color={ASSISTANCE_STATUS_COLORS[s]}>{ASSISTANCE_STATUS_LABELS[s]}</Tag>,
    },
    {
      title: t('assistance.number'),
      dataIndex: 'number',
      render: (_: unknown, r: TAssistanceEntry) => (
        <Link to={`/assistance/${r.id}`} className="mono">
          {r.number}
        </Link>
      ),
    },
  ];
  return (
    <Card title={t('assistance.received')} data-testid="hardship-assistance">
      <Table<TAssistanceEntry>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('assistance.receivedEmpty') }}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}
