// /join-applications (入会申请): the org tree on the left, the online applications to the selected org's subtree on
// the right in tabs by status (审核中 first), the applicant masked, each row with its SLA clock; a row opens the
// application (/join-applications/:id) where it is approved or rejected.
import { useEffect, useState } from 'react';
import { Space, Switch, Tabs, Tag, Typography } from 'antd';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { JOIN_STATUSES, type JoinStatus, type TJoinApplication } from '@gonghui/common';
import { orgApi } from '../../api/endpoints.ts';
import { joinApi } from '../../api/join.ts';
import { useSession } from '../../app/session.ts';
import { OrgTreeCard } from '../../components/orgTree/OrgTreeCard.tsx';
import { useOrgNavigator } from '../../components/orgTree/useOrgNavigator.ts';
import { notifyError } from '../../utils/notify.ts';
import { PAGINATION, pagedRequest } from '../../utils/pagedRequest.ts';
import { JoinSla, JoinStatusTag } from './JoinSla.tsx';

const ALL = 'all';

export function JoinApplicationsPage() {
  const { t } = useTranslation();
  const root = useSession().org;
  const nav = useOrgNavigator(root);
  const [params] = useSearchParams();
  const initial = params.get('status');
  const known = initial === ALL || (JOIN_STATUSES as readonly string[]).includes(initial ?? '');
  const [tab, setTab] = useState<string>(known && initial ? initial : 'pending');
  const [overdue, setOverdue] = useState(params.get('overdue') === 'true');
  const urlOrgId = Number(params.get('orgId')) || undefined;
  const { pick } = nav;
  useEffect(() => {
    if (!urlOrgId || urlOrgId === root.id) return;
    orgApi.get(urlOrgId).then(pick).catch(notifyError);
  }, [urlOrgId, root.id, pick]);
  const org = nav.selected ?? root;
  const filter = {
    orgId: org.id,
    status: tab === ALL ? undefined : (tab as JoinStatus),
    overdue: overdue ? 'true' : undefined,
  };

  const columns: ProColumns<TJoinApplication>[] = [
    {
      title: t('join.number'),
      dataIndex: 'number',
      width: 160,
      fixed: 'left',
      render: (_d, r) => (
        <Link to={`/join-applications/${r.id}`} className="mono" data-testid="join-number">
          {r.number}
        </Link>
      ),
    },
    {
      title: t('join.status'),
      dataIndex: 'status',
      width: 130,
      render: (_d, r) => (
        <Space size={4}>
          <JoinStatusTag status={r.status} />
          {r.overdue && <Tag color="red">{t('join.overdue')}</Tag>}
        </Space>
      ),
    },
    { title: t('join.sla'), dataIndex: 'remainingDays', width: 140, render: (_d, r) => <JoinSla a={r} /> },
    { title: t('join.name'), dataIndex: 'name', width: 90 },
    { title: t('join.idNumber'), dataIndex: 'idNumber', width: 180, className: 'mono' },
    { title: t('join.phone'), dataIndex: 'phone', width: 120, className: 'mono' },
    {
      title: t('join.employerName'),
      dataIndex: 'employerName',
      ellipsis: true,
      width: 200,
      render: (_d, r) => (
        <Space size={4}>
          {r.employerName}
          {r.noUnion && <Tag>{t('join.noUnionTag')}</Tag>}
        </Space>
      ),
    },
    { title: t('join.org'), dataIndex: ['org', 'name'], ellipsis: true, width: 180 },
    { title: t('join.submittedAt'), dataIndex: 'submittedAt', width: 110, render: (_d, r) => r.submittedAt.slice(0, 10) },
    { title: t('join.dueAt'), dataIndex: 'dueAt', width: 110, render: (_d, r) => r.dueAt ?? '—' },
  ];

  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'flex-start' }}>
      <OrgTreeCard nav={nav} rootId={root.id} width={272} />
      <div style={{ flex: '1 1 320px', minWidth: 0 }}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[...JOIN_STATUSES, ALL].map((s) => ({ key: s, label: s === ALL ? t('join.statusAll') : t(`join.statuses.${s}`) }))}
          data-testid="join-tabs"
        />
        <ProTable<TJoinApplication, typeof filter>
          rowKey="id"
          columns={columns}
          search={false}
          cardBordered
          scroll={{ x: 1420 }}
          params={filter}
          request={pagedRequest(joinApi.list)}
          pagination={PAGINATION}
          headerTitle={
            <Space size={8}>
              <Typography.Text strong>{t('join.title')}</Typography.Text>
              <Typography.Text type="secondary">{org.name}</Typography.Text>
            </Space>
          }
          toolBarRender={() => [
            <Space key="overdue" size={4}>
              <Switch size="small" checked={overdue} onChange={setOverdue} data-testid="join-overdue-filter" />
              <Typography.Text>{t('join.overdueOnly')}</Typography.Text>
            </Space>,
          ]}
          options={{ reload: true, density: false, setting: false }}
          data-testid="join-table"
        />
      </div>
    </div>
  );
}
