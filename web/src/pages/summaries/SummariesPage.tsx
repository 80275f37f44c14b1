// /summaries (工作总结): the summaries in scope, filtered by org, and the form that generates a new one.
import { useState } from 'react';
import { Space, Tag, Typography } from 'antd';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LIMITS, type TOrg, type TSummaryListItem } from '@gonghui/common';
import { summaryApi } from '../../api/stats.ts';
import { useCan, useSession } from '../../app/session.ts';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { formatDateTime } from '../../utils/format.ts';
import { notifyError } from '../../utils/notify.ts';
import { SummaryCreateButton } from './SummaryCreateModal.tsx';

export function SummariesPage() {
  const { t } = useTranslation();
  const me = useSession();
  const can = useCan();
  const navigate = useNavigate();
  const [org, setOrg] = useState<TOrg | undefined>();

  const columns: ProColumns<TSummaryListItem>[] = [
    {
      title: t('summary.title'),
      dataIndex: 'title',
      ellipsis: true,
      render: (_, row) => (
        <Link to={`/summaries/${row.id}`} data-testid="summary-link">
          {row.title}
        </Link>
      ),
    },
    { title: t('summary.org'), dataIndex: 'orgName', width: 220, ellipsis: true },
    { title: t('summary.year'), dataIndex: 'year', width: 80 },
    { title: t('summary.period'), dataIndex: 'period', width: 100, render: (_, row) => t(`summary.periods.${row.period}`) },
    { title: t('summary.asOf'), dataIndex: 'asOf', width: 120 },
    {
      title: t('summary.status'),
      dataIndex: 'status',
      width: 90,
      render: (_, row) => <Tag color={row.status === 'final' ? 'green' : 'gold'}>{t(`summary.statuses.${row.status}`)}</Tag>,
    },
    { title: t('summary.updatedAt'), dataIndex: 'updatedAt', width: 170, render: (_, row) => formatDateTime(row.updatedAt) },
  ];

  return (
    <ProTable<TSummaryListItem, { orgId?: number }>
      rowKey="id"
      cardBordered
      columns={columns}
      search={false}
      params={{ orgId: org?.id }}
      request={async (params) => {
        try {
          const res = await summaryApi.list(params.orgId, params.current ?? 1, params.pageSize ?? LIMITS.pageSizeDefault);
          return { data: res.items, total: res.total, success: true };
        } catch (err) {
          notifyError(err);
          return { data: [], total: 0, success: false };
        }
      }}
      pagination={{ defaultPageSize: LIMITS.pageSizeDefault }}
      headerTitle={
        <Space size={12}>
          <Typography.Text strong>{t('summary.listTitle')}</Typography.Text>
          <OrgSelect
            id="summary-filter-org"
            value={org?.id}
            allowClear
            placeholder={t('summary.allOrgs')}
            onChange={(_id, picked) => setOrg(picked)}
            style={{ width: 280 }}
          />
        </Space>
      }
      toolBarRender={() =>
        can('report:manage')
          ? [<SummaryCreateButton key="create" defaultOrg={me.org} onCreated={(id) => void navigate(`/summaries/${id}`)} />]
          : []
      }
      options={{ reload: true, density: false, setting: false }}
      data-testid="summary-table"
    />
  );
}
