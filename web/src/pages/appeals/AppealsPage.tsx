// /appeals (职工诉求): the org tree on the left, the appeals received by or now the responsibility of the selected
// org's subtree on the right, filtered by status, category, overdue and the days received; each row shows its SLA
// clock and opens its appeal (/appeals/:id). 登记诉求 receives one; 导出台账 writes the masked xlsx.
import { useRef, useState } from 'react';
import { Button, DatePicker, Select, Space, Switch, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { APPEAL_CATEGORIES, APPEAL_STATUSES, type AppealCategory, type AppealStatus, type TAppeal } from '@gonghui/common';
import { appealsApi } from '../../api/appeals.ts';
import { useCan, useSession } from '../../app/session.ts';
import { OrgTreeCard } from '../../components/orgTree/OrgTreeCard.tsx';
import { useUrlOrgNavigator } from '../../components/orgTree/useUrlOrgNavigator.ts';
import { notifyError } from '../../utils/notify.ts';
import { PAGINATION, pagedRequest } from '../../utils/pagedRequest.ts';
import { AppealCreateModal } from './AppealCreateModal.tsx';
import { AppealSla, AppealStatusTag } from './AppealSla.tsx';

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | undefined =>
  v && (values as readonly string[]).includes(v) ? (v as T) : undefined;
const day = (v: string | null) => (v ? dayjs(v) : null);

export function AppealsPage() {
  const { t } = useTranslation();
  const root = useSession().org;
  const can = useCan();
  const navigate = useNavigate();
  const nav = useUrlOrgNavigator(root);
  const [params] = useSearchParams();
  const [status, setStatus] = useState<AppealStatus | undefined>(oneOf(APPEAL_STATUSES, params.get('status')));
  const [category, setCategory] = useState<AppealCategory | undefined>(oneOf(APPEAL_CATEGORIES, params.get('category')));
  const [overdue, setOverdue] = useState(params.get('overdue') === 'true');
  const [received, setReceived] = useState<[Dayjs | null, Dayjs | null] | null>(
    params.get('receivedFrom') || params.get('receivedTo') ? [day(params.get('receivedFrom')), day(params.get('receivedTo'))] : null,
  );
  const closedFrom = params.get('closedFrom') ?? undefined;
  const closedTo = params.get('closedTo') ?? undefined;
  const [creating, setCreating] = useState(false);
  const actionRef = useRef<ActionType>(undefined);
  // The picked org lives in the URL (?orgId=), like the status filters: Back and shared links keep it.
  const org = nav.selected ?? root;
  const filter = {
    orgId: org.id,
    status,
    category,
    overdue: overdue ? 'true' : undefined,
    receivedFrom: received?.[0]?.format('YYYY-MM-DD'),
    receivedTo: received?.[1]?.format('YYYY-MM-DD'),
    closedFrom,
    closedTo,
  };

  // The SLA clock stays near the left: on a narrow screen it is what a cadre looks for first.
  const columns: ProColumns<TAppeal>[] = [
    {
      title: t('appeals.number'),
      dataIndex: 'number',
      width: 160,
      fixed: 'left',
      render: (_d, r) => (
        <Link to={`/appeals/${r.id}`} className="mono" data-testid="appeal-number">
          {r.number}
        </Link>
      ),
    },
    {
      title: t('appeals.status'),
      dataIndex: 'status',
      width: 130,
      render: (_d, r) => (
        <Space size={4}>
          <AppealStatusTag status={r.status} />
          {r.overdue && (
            <Tag color="red" data-testid="appeal-overdue">
              {t('appeals.overdue')}
            </Tag>
          )}
        </Space>
      ),
    },
    { title: t('appeals.sla'), dataIndex: 'remainingDays', width: 140, render: (_d, r) => <AppealSla a={r} /> },
    {
      title: t('appeals.category'),
      dataIndex: 'category',
      width: 100,
      render: (_d, r) => <Tag>{t(`appeals.categories.${r.category}`)}</Tag>,
    },
    { title: t('appeals.excerpt'), dataIndex: 'excerpt', ellipsis: true, width: 220 },
    { title: t('appeals.receivedAt'), dataIndex: 'receivedAt', width: 110 },
    { title: t('appeals.dueAt'), dataIndex: 'dueAt', width: 110, render: (_d, r) => r.dueAt ?? '—' },
    { title: t('appeals.responsibleOrg'), dataIndex: ['responsibleOrg', 'name'], ellipsis: true, width: 180 },
    { title: t('appeals.channel'), dataIndex: 'channel', width: 80, render: (_d, r) => t(`appeals.channels.${r.channel}`) },
  ];

  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'flex-start' }}>
      <OrgTreeCard nav={nav} rootId={root.id} width={272} />
      <div style={{ flex: '1 1 320px', minWidth: 0 }}>
        <ProTable<TAppeal, typeof filter>
          rowKey="id"
          actionRef={actionRef}
          columns={columns}
          search={false}
          cardBordered
          scroll={{ x: 1230 }}
          params={filter}
          request={pagedRequest(appealsApi.list)}
          pagination={PAGINATION}
          headerTitle={
            <Space size={8}>
              <Typography.Text strong>{t('appeals.title')}</Typography.Text>
              <Typography.Text type="secondary">{org.name}</Typography.Text>
            </Space>
          }
          toolBarRender={() => [
            <Space key="tools" wrap style={{ justifyContent: 'flex-end' }}>
              <Select<AppealStatus>
                allowClear
                placeholder={t('appeals.statusAll')}
                value={status}
                onChange={setStatus}
                style={{ width: 110 }}
                options={APPEAL_STATUSES.map((x) => ({ value: x, label: t(`appeals.statuses.${x}`) }))}
                data-testid="appeal-status-filter"
              />
              <Select<AppealCategory>
                allowClear
                placeholder={t('appeals.categoryAll')}
                value={category}
                onChange={setCategory}
                style={{ width: 120 }}
                options={APPEAL_CATEGORIES.map((x) => ({ value: x, label: t(`appeals.categories.${x}`) }))}
                data-testid="appeal-category-filter"
              />
              <DatePicker.RangePicker
                value={received}
                onChange={(v) => setReceived(v)}
                placeholder={[t('appeals.receivedRange'), t('appeals.receivedRange')]}
                style={{ width: 240 }}
              />
              <Space size={4}>
                <Switch size="small" checked={overdue} onChange={setOverdue} data-testid="appeal-overdue-filter" />
                <Typography.Text>{t('appeals.overdueOnly')}</Typography.Text>
              </Space>
              <Button
                icon={<DownloadOutlined />}
                onClick={() => void appealsApi.exportXlsx(filter).catch(notifyError)}
                data-testid="appeal-export"
              >
                {t('appeals.export')}
              </Button>
              {can('appeal:manage') && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="appeal-new">
                  {t('appeals.create')}
                </Button>
              )}
            </Space>,
          ]}
          options={{ reload: true, density: false, setting: false }}
          data-testid="appeal-table"
        />
      </div>
      <AppealCreateModal
        open={creating}
        org={org}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          void navigate(`/appeals/${id}`);
        }}
      />
    </div>
  );
}
