// /assistance (帮扶救助台账): entries of the user's subtree, filtered by kind, fund source, campaign, status and
// date; 登记帮扶 opens the form; 导出 downloads the current filter as xlsx (masked); each number opens the entry.
import { useState } from 'react';
import { Button, Card, DatePicker, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  ASSISTANCE_KIND_LABELS,
  ASSISTANCE_KINDS,
  ASSISTANCE_STATUS_LABELS,
  ASSISTANCE_STATUSES,
  FUND_SOURCE_LABELS,
  FUND_SOURCES,
  formatYuan,
  type TAssistanceEntry,
} from '@gonghui/common';
import { assistanceApi, campaignApi } from '../../api/assistance.ts';
import { useCan } from '../../app/session.ts';
import { notifyError, notifySuccess } from '../../utils/notify.ts';
import { AssistanceForm } from './AssistanceForm.tsx';
import { ASSISTANCE_STATUS_COLORS } from './statusColors.ts';

const FILTERS = ['kind', 'fundSource', 'campaignId', 'status', 'orgId', 'from', 'to', 'paidFrom', 'paidTo'] as const;

export function AssistancePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);
  const can = useCan();
  const filters = Object.fromEntries(FILTERS.flatMap((k) => (params.get(k) ? [[k, params.get(k) as string]] : [])));
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next);
    setPage(1);
  };
  const list = useQuery({ queryKey: ['assistance', filters, page], queryFn: () => assistanceApi.list({ ...filters, page, pageSize: 20 }) });
  const exportXlsx = async () => {
    setExporting(true);
    try {
      await assistanceApi.exportXlsx(filters);
      notifySuccess(t('assistance.exported'));
    } catch (err) {
      notifyError(err);
    } finally {
      setExporting(false);
    }
  };
  const campaigns = useQuery({ queryKey: ['campaigns', 'all'], queryFn: () => campaignApi.list({ pageSize: 200 }) });
  const columns = [
    {
      title: t('assistance.number'),
      dataIndex: 'number',
      render: (_: unknown, r: TAssistanceEntry) => (
        <Link to={`/assistance/${r.id}`} className="mono">
          {r.number}
        </Link>
      ),
    },
    { title: t('assistance.name'), dataIndex: 'name' },
    { title: t('assistance.idNumber'), dataIndex: 'idNumberMasked' },
    { title: t('assistance.org'), dataIndex: 'orgName', ellipsis: true },
    { title: t('assistance.kind'), dataIndex: 'kind', render: (k: TAssistanceEntry['kind']) => ASSISTANCE_KIND_LABELS[k] },
    {
      title: t('assistance.campaign'),
      dataIndex: ['campaign', 'name'],
      render: (_: unknown, r: TAssistanceEntry) => r.campaign?.name ?? '—',
    },
    { title: t('assistance.amountShort'), dataIndex: 'amount', align: 'right' as const, render: (n: number) => formatYuan(n) },
    { title: t('assistance.fundSource'), dataIndex: 'fundSource', render: (f: TAssistanceEntry['fundSource']) => FUND_SOURCE_LABELS[f] },
    { title: t('assistance.date'), dataIndex: 'date' },
    {
      title: t('assistance.status'),
      dataIndex: 'status',
      render: (s: TAssistanceEntry['status']) => <Tag color={ASSISTANCE_STATUS_COLORS[s]}>{ASSISTANCE_STATUS_LABELS[s]}</Tag>,
    },
  ];
  const select = (k: string, options: { value: string | number; label: string }[], label: string) => (
    <Select
      allowClear
      placeholder={label}
      style={{ minWidth: 140 }}
      value={params.get(k) ?? undefined}
      onChange={(v: string | number | undefined) => set(k, v === undefined ? undefined : String(v))}
      options={options.map((o) => ({ ...o, value: String(o.value) }))}
    />
  );
  return (
    <Card
      title={t('assistance.title')}
      extra={
        <Space wrap>
          {can('assistance:export') && can('assistance:read') && (
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()} data-testid="assistance-export">
              {t('assistance.export')}
            </Button>
          )}
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="assistance-create">
            {t('assistance.create')}
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        {select(
          'kind',
          ASSISTANCE_KINDS.map((k) => ({ value: k, label: ASSISTANCE_KIND_LABELS[k] })),
          t('assistance.kind'),
        )}
        {select(
          'fundSource',
          FUND_SOURCES.map((k) => ({ value: k, label: FUND_SOURCE_LABELS[k] })),
          t('assistance.fundSource'),
        )}
        {select(
          'campaignId',
          (campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })),
          t('assistance.campaign'),
        )}
        {select(
          'status',
          ASSISTANCE_STATUSES.map((k) => ({ value: k, label: ASSISTANCE_STATUS_LABELS[k] })),
          t('assistance.status'),
        )}
        <DatePicker.RangePicker
          placeholder={[t('assistance.from'), t('assistance.to')]}
          onChange={(r) => {
            const next = new URLSearchParams(params);
            for (const [k, d] of [
              ['from', r?.[0]],
              ['to', r?.[1]],
            ] as const) {
              if (d) next.set(k, d.format('YYYY-MM-DD'));
              else next.delete(k);
            }
            setParams(next);
          }}
        />
      </Space>
      <Table<TAssistanceEntry>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={list.data?.items}
        columns={columns}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
      />
      <AssistanceForm open={creating} onClose={() => setCreating(false)} onCreated={(d) => void navigate(`/assistance/${d.id}`)} />
    </Card>
  );
}
