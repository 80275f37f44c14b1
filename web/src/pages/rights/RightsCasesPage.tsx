// /rights-cases (维权案件): the org tree on the left, the cases of the selected org's subtree on the right, filtered by
// type, status, subject and received dates; 登记案件 opens the form; 导出 downloads the filter as xlsx (masked, never
// the parties' narrative); each number opens its case (/rights-cases/:id).
import { useRef, useState } from 'react';
import { Button, DatePicker, Select, Space, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import {
  RIGHTS_STATUSES,
  RIGHTS_SUBJECTS,
  RIGHTS_TYPES,
  formatYuan,
  type RightsStatus,
  type RightsSubject,
  type RightsType,
  type TRightsCase,
} from '@gonghui/common';
import { rightsApi } from '../../api/rights.ts';
import { useCan, useSession } from '../../app/session.ts';
import { OrgTreeCard } from '../../components/orgTree/OrgTreeCard.tsx';
import { useUrlOrgNavigator } from '../../components/orgTree/useUrlOrgNavigator.ts';
import { toIsoDate } from '../../utils/format.ts';
import { notifyError, notifySuccess } from '../../utils/notify.ts';
import { RightsCaseCreateModal } from './RightsCaseCreateModal.tsx';
import { RightsStatusTag } from './RightsStatusTag.tsx';
import { PAGINATION, pagedRequest } from '../../utils/pagedRequest.ts';

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | undefined =>
  v && (values as readonly string[]).includes(v) ? (v as T) : undefined;

export function RightsCasesPage() {
  const { t } = useTranslation();
  const root = useSession().org;
  const can = useCan();
  const nav = useUrlOrgNavigator(root);
  const [params] = useSearchParams();
  const [type, setType] = useState<RightsType | undefined>(oneOf(RIGHTS_TYPES, params.get('type')));
  const [status, setStatus] = useState<RightsStatus | undefined>(oneOf(RIGHTS_STATUSES, params.get('status')));
  const [subject, setSubject] = useState<RightsSubject | undefined>(oneOf(RIGHTS_SUBJECTS, params.get('subject')));
  const [range, setRange] = useState<[string | undefined, string | undefined]>([
    params.get('receivedFrom') ?? undefined,
    params.get('receivedTo') ?? undefined,
  ]);
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);
  const actionRef = useRef<ActionType>(undefined);
  // The picked org lives in the URL (?orgId=), like the status filters: Back and shared links keep it.
  const org = nav.selected ?? root;
  const filters = { orgId: org.id, type, status, subject, receivedFrom: range[0], receivedTo: range[1] };

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await rightsApi.exportXlsx(filters);
      notifySuccess(t('rights.exported'));
    } catch (err) {
      notifyError(err);
    } finally {
      setExporting(false);
    }
  };

  const columns: ProColumns<TRightsCase>[] = [
    {
      title: t('rights.number'),
      dataIndex: 'number',
      width: 170,
      render: (_d, r) => (
        <Link to={`/rights-cases/${r.id}`} className="mono" data-testid="rights-number">
          {r.number}
        </Link>
      ),
    },
    { title: t('rights.receivedAt'), dataIndex: 'receivedAt', width: 110 },
    { title: t('rights.type'), dataIndex: 'type', width: 130, render: (_d, r) => <Tag>{t(`rights.types.${r.type}`)}</Tag> },
    { title: t('rights.channel'), dataIndex: 'channel', width: 80, render: (_d, r) => t(`rights.channels.${r.channel}`) },
    { title: t('rights.subject'), dataIndex: 'subject', width: 120, render: (_d, r) => t(`rights.subjects.${r.subject}`) },
    { title: t('rights.employerName'), dataIndex: 'employerName', ellipsis: true },
    { title: t('rights.workers'), dataIndex: 'workers', width: 110, align: 'right' },
    {
      title: t('rights.amountAtStake'),
      dataIndex: 'amountAtStake',
      width: 130,
      align: 'right',
      render: (_d, r) => formatYuan(r.amountAtStake),
    },
    { title: t('rights.org'), dataIndex: ['org', 'name'], ellipsis: true },
    {
      title: t('rights.status'),
      dataIndex: 'status',
      width: 140,
      render: (_d, r) => <RightsStatusTag status={r.status} overdue={r.overdue} />,
    },
    { title: t('rights.dueAt'), dataIndex: 'dueAt', width: 110, render: (_d, r) => r.dueAt ?? '—' },
  ];

  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'flex-start' }}>
      <OrgTreeCard nav={nav} rootId={root.id} width={272} />
      <div style={{ flex: '1 1 320px', minWidth: 0 }}>
        <ProTable<TRightsCase, typeof filters>
          rowKey="id"
          actionRef={actionRef}
          columns={columns}
          search={false}
          cardBordered
          scroll={{ x: 1400 }}
          params={filters}
          request={pagedRequest(rightsApi.list)}
          pagination={PAGINATION}
          headerTitle={
            <Space size={8}>
              <Typography.Text strong>{t('rights.title')}</Typography.Text>
              <Typography.Text type="secondary">{org.name}</Typography.Text>
            </Space>
          }
          toolBarRender={() => [
            <Space key="tools" wrap style={{ justifyContent: 'flex-end' }}>
              <Select<RightsType>
                allowClear
                placeholder={t('rights.typeAll')}
                value={type}
                onChange={setType}
                style={{ width: 140 }}
                options={RIGHTS_TYPES.map((x) => ({ value: x, label: t(`rights.types.${x}`) }))}
                data-testid="rights-type-filter"
              />
              <Select<RightsSubject>
                allowClear
                placeholder={t('rights.subjectAll')}
                value={subject}
                onChange={setSubject}
                style={{ width: 130 }}
                options={RIGHTS_SUBJECTS.map((x) => ({ value: x, label: t(`rights.subjects.${x}`) }))}
              />
              <Select<RightsStatus>
                allowClear
                placeholder={t('rights.statusAll')}
                value={status}
                onChange={setStatus}
                style={{ width: 120 }}
                options={RIGHTS_STATUSES.map((x) => ({ value: x, label: t(`rights.statuses.${x}`) }))}
              />
              <DatePicker.RangePicker
                value={[range[0] ? dayjs(range[0]) : null, range[1] ? dayjs(range[1]) : null]}
                onChange={(v) => setRange([toIsoDate(v?.[0]), toIsoDate(v?.[1])])}
                placeholder={[t('rights.receivedRange'), t('rights.receivedRange')]}
              />
              {can('rights:export') && (
                <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()} data-testid="rights-export">
                  {t('rights.export')}
                </Button>
              )}
              {can('rights:manage') && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="rights-new">
                  {t('rights.create')}
                </Button>
              )}
            </Space>,
          ]}
          options={{ reload: true, density: false, setting: false }}
          data-testid="rights-table"
        />
      </div>
      <RightsCaseCreateModal
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
