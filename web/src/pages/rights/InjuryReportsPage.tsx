// /injury-reports (工伤探视): the org tree on the left, the reports of the selected org's subtree on the right (name
// and ID number masked), filtered by severity, status and injury dates; 上报工伤 opens the form (a to-do due in 3
// working days); each number opens its report.
import { useRef, useState } from 'react';
import { Button, Select, Space, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  ModalForm,
  ProFormDatePicker,
  ProFormSelect,
  ProFormText,
  ProTable,
  type ActionType,
  type ProColumns,
} from '@ant-design/pro-components';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  INJURY_SEVERITIES,
  INJURY_STATUSES,
  LIMITS,
  formatYuan,
  todayCst,
  type InjurySeverity,
  type InjuryStatus,
  type TInjuryReport,
} from '@gonghui/common';
import { injuryApi } from '../../api/rights.ts';
import { useCan, useSession } from '../../app/session.ts';
import { OrgTreeCard } from '../../components/orgTree/OrgTreeCard.tsx';
import { useUrlOrgNavigator } from '../../components/orgTree/useUrlOrgNavigator.ts';
import { toIsoDate } from '../../utils/format.ts';
import { notifyError, notifySuccess } from '../../utils/notify.ts';

interface Values {
  name: string;
  idNumber?: string;
  employerName: string;
  injuredAt: unknown;
  severity: InjurySeverity;
}

export function InjuryReportsPage() {
  const { t } = useTranslation();
  const root = useSession().org;
  const can = useCan();
  const nav = useUrlOrgNavigator(root);
  const [params] = useSearchParams();
  const [severity, setSeverity] = useState<InjurySeverity>();
  const [status, setStatus] = useState<InjuryStatus>();
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);
  const actionRef = useRef<ActionType>(undefined);
  // The picked org lives in the URL (?orgId=), like the status filters: Back and shared links keep it.
  const org = nav.selected ?? root;
  const filters = {
    orgId: org.id,
    severity,
    status,
    injuredFrom: params.get('injuredFrom') ?? undefined,
    injuredTo: params.get('injuredTo') ?? undefined,
  };
  const exportXlsx = async () => {
    setExporting(true);
    try {
      await injuryApi.exportXlsx(filters);
      notifySuccess(t('rights.injury.exported'));
    } catch (err) {
      notifyError(err);
    } finally {
      setExporting(false);
    }
  };
  const columns: ProColumns<TInjuryReport>[] = [
    {
      title: t('rights.number'),
      dataIndex: 'number',
      width: 170,
      render: (_d, r) => (
        <Link to={`/injury-reports/${r.id}`} className="mono">
          {r.number}
        </Link>
      ),
    },
    { title: t('rights.injury.name'), dataIndex: 'name', width: 90 },
    { title: t('rights.injury.employerName'), dataIndex: 'employerName', ellipsis: true },
    { title: t('rights.injury.injuredAt'), dataIndex: 'injuredAt', width: 110 },
    {
      title: t('rights.injury.severity'),
      dataIndex: 'severity',
      width: 80,
      render: (_d, r) => <Tag color={r.severity === 'minor' ? 'default' : 'red'}>{t(`rights.injury.severities.${r.severity}`)}</Tag>,
    },
    { title: t('rights.org'), dataIndex: ['org', 'name'], ellipsis: true },
    {
      title: t('rights.injury.status'),
      dataIndex: 'status',
      width: 140,
      render: (_d, r) => (
        <Space size={4}>
          <Tag color={r.status === 'visited' ? 'green' : 'gold'}>{t(`rights.injury.statuses.${r.status}`)}</Tag>
          {r.overdue && <Tag color="red">{t('rights.overdue')}</Tag>}
        </Space>
      ),
    },
    { title: t('rights.injury.dueAt'), dataIndex: 'dueAt', width: 110, render: (_d, r) => r.dueAt ?? '—' },
    { title: t('rights.injury.visitedAt'), dataIndex: 'visitedAt', width: 110, render: (_d, r) => r.visitedAt ?? '—' },
    {
      title: t('rights.injury.amount'),
      dataIndex: 'amount',
      width: 120,
      align: 'right',
      render: (_d, r) => (r.amount === null ? '—' : formatYuan(r.amount)),
    },
  ];
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'flex-start' }}>
      <OrgTreeCard nav={nav} rootId={root.id} width={272} />
      <div style={{ flex: '1 1 320px', minWidth: 0 }}>
        <ProTable<TInjuryReport, typeof filters>
          rowKey="id"
          actionRef={actionRef}
          columns={columns}
          search={false}
          cardBordered
          scroll={{ x: 1200 }}
          params={filters}
          request={async (p) => {
            try {
              const { current, pageSize, ...q } = p;
              const res = await injuryApi.list({ ...q, page: current ?? 1, pageSize: pageSize ?? LIMITS.pageSizeDefault });
              return { data: res.items, total: res.total, success: true };
            } catch (err) {
              notifyError(err);
              return { data: [], total: 0, success: false };
            }
          }}
          pagination={{ defaultPageSize: LIMITS.pageSizeDefault, showSizeChanger: true }}
          headerTitle={
            <Space size={8}>
              <Typography.Text strong>{t('rights.injury.title')}</Typography.Text>
              <Typography.Text type="secondary">{org.name}</Typography.Text>
            </Space>
          }
          toolBarRender={() => [
            <Space key="tools" wrap>
              <Select<InjurySeverity>
                allowClear
                placeholder={t('rights.injury.severityAll')}
                value={severity}
                onChange={setSeverity}
                style={{ width: 110 }}
                options={INJURY_SEVERITIES.map((x) => ({ value: x, label: t(`rights.injury.severities.${x}`) }))}
              />
              <Select<InjuryStatus>
                allowClear
                placeholder={t('rights.injury.statusAll')}
                value={status}
                onChange={setStatus}
                style={{ width: 110 }}
                options={INJURY_STATUSES.map((x) => ({ value: x, label: t(`rights.injury.statuses.${x}`) }))}
              />
              {can('rights:export') && (
                <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()} data-testid="injury-export">
                  {t('rights.export')}
                </Button>
              )}
              {can('rights:manage') && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="injury-new">
                  {t('rights.injury.create')}
                </Button>
              )}
            </Space>,
          ]}
          options={{ reload: true, density: false, setting: false }}
        />
      </div>
      <ModalForm<Values>
        title={t('rights.injury.createTitle', { org: org.name })}
        open={creating}
        width={520}
        modalProps={{ destroyOnHidden: true, onCancel: () => setCreating(false) }}
        initialValues={{ injuredAt: todayCst(), severity: 'minor' }}
        onFinish={async (v) => {
          try {
            await injuryApi.create({
              orgId: org.id,
              name: v.name,
              idNumber: v.idNumber || null,
              employerName: v.employerName,
              injuredAt: toIsoDate(v.injuredAt) ?? '',
              severity: v.severity,
            });
            notifySuccess(t('rights.injury.created'));
            setCreating(false);
            void actionRef.current?.reload();
            return true;
          } catch (err) {
            notifyError(err);
            return false;
          }
        }}
      >
        <ProFormText name="name" label={t('rights.injury.name')} rules={[{ required: true, whitespace: true }]} />
        <ProFormText name="idNumber" label={t('rights.injury.idNumber')} />
        <ProFormText name="employerName" label={t('rights.injury.employerName')} rules={[{ required: true, whitespace: true }]} />
        <ProFormDatePicker name="injuredAt" label={t('rights.injury.injuredAt')} rules={[{ required: true }]} />
        <ProFormSelect
          name="severity"
          label={t('rights.injury.severity')}
          options={INJURY_SEVERITIES.map((x) => ({ value: x, label: t(`rights.injury.severities.${x}`) }))}
          rules={[{ required: true }]}
        />
      </ModalForm>
    </div>
  );
}
