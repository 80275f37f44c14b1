// /mutual-aid/claims (医疗互助报销): claims of the user's subtree filtered by plan, class, kind and status (and the
// paid days a figure drills down to); 导出 downloads the filter as xlsx (masked, never the diagnosis); 提交报销申请
// opens the form. Lists never carry the diagnosis.
import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  MUTUAL_AID_CLAIM_KIND_LABELS,
  MUTUAL_AID_CLAIM_KINDS,
  MUTUAL_AID_CLAIM_STATUS_LABELS,
  MUTUAL_AID_CLAIM_STATUSES,
  MUTUAL_AID_CLASS_LABELS,
  MUTUAL_AID_CLASSES,
  formatYuan,
  yuanToFen,
  type MutualAidClaimKind,
  type MutualAidClass,
  type TMutualAidClaim,
} from '@gonghui/common';
import { mutualAidApi } from '../../api/mutual-aid.ts';
import { memberApi } from '../../api/members.ts';
import { useCan } from '../../app/session.ts';
import { useDebounced } from '../../utils/useDebounced.ts';
import { notifyError, notifySuccess } from '../../utils/notify.ts';
import { CLAIM_STATUS_COLORS } from './statusColors.ts';

const FILTERS = ['orgId', 'planId', 'classCode', 'kind', 'status', 'paidFrom', 'paidTo'] as const;

interface Values {
  planId: number;
  memberId: number;
  classCode: MutualAidClass;
  kind: MutualAidClaimKind;
  invoiceYuan: number;
  diagnosis: string;
}

function ClaimForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const plans = useQuery({ queryKey: ['mutual-aid-plans', 'all'], queryFn: () => mutualAidApi.plans({ pageSize: 100 }), enabled: open });
  const members = useQuery({
    queryKey: ['members', 'pick', q],
    queryFn: () => memberApi.list({ q: q || undefined }, 1, 20),
    enabled: open,
  });
  const create = useMutation({
    mutationFn: (v: Values) =>
      mutualAidApi.createClaim({
        planId: v.planId,
        memberId: v.memberId,
        classCode: v.classCode,
        kind: v.kind,
        invoiceTotal: yuanToFen(v.invoiceYuan),
        diagnosis: v.diagnosis,
      }),
    onSuccess: (d) => void navigate(`/mutual-aid/claims/${d.id}`),
    onError: notifyError,
  });
  return (
    <Modal
      open={open}
      title={t('mutualAid.createClaim')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} data-testid="mutual-aid-claim-form">
        <Form.Item name="planId" label={t('mutualAid.plan')} rules={[{ required: true }]}>
          <Select options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
        <Form.Item name="memberId" label={t('mutualAid.member')} rules={[{ required: true }]}>
          <Select
            showSearch
            filterOption={false}
            placeholder={t('mutualAid.memberSearch')}
            onSearch={setSearch}
            options={(members.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name}（${m.idNumberMasked}，${m.orgName}）` }))}
          />
        </Form.Item>
        <Form.Item name="classCode" label={t('mutualAid.class')} rules={[{ required: true }]}>
          <Select options={MUTUAL_AID_CLASSES.map((c) => ({ value: c, label: MUTUAL_AID_CLASS_LABELS[c] }))} />
        </Form.Item>
        <Form.Item name="kind" label={t('mutualAid.kind')} rules={[{ required: true }]}>
          <Select options={MUTUAL_AID_CLAIM_KINDS.map((k) => ({ value: k, label: MUTUAL_AID_CLAIM_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="invoiceYuan" label={t('mutualAid.invoiceTotal')} rules={[{ required: true }]}>
          <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="diagnosis" label={t('mutualAid.diagnosis')} rules={[{ required: true }]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ClaimsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);
  const filters = Object.fromEntries(FILTERS.flatMap((k) => (params.get(k) ? [[k, params.get(k) as string]] : [])));
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next);
    setPage(1);
  };
  const list = useQuery({
    queryKey: ['mutual-aid-claims', filters, page],
    queryFn: () => mutualAidApi.claims({ ...filters, page, pageSize: 20 }),
  });
  const exportXlsx = async () => {
    setExporting(true);
    try {
      await mutualAidApi.exportXlsx(filters);
      notifySuccess(t('mutualAid.exported'));
    } catch (err) {
      notifyError(err);
    } finally {
      setExporting(false);
    }
  };
  const select = (k: string, options: { value: string; label: string }[], label: string) => (
    <Select
      allowClear
      placeholder={label}
      style={{ minWidth: 140 }}
      value={params.get(k) ?? undefined}
      onChange={(v?: string) => set(k, v)}
      options={options}
    />
  );
  const columns = [
    {
      title: t('mutualAid.number'),
      dataIndex: 'number',
      render: (_: unknown, r: TMutualAidClaim) => (
        <Link to={`/mutual-aid/claims/${r.id}`} className="mono" data-testid="mutual-aid-claim-number">
          {r.number}
        </Link>
      ),
    },
    { title: t('mutualAid.member'), dataIndex: 'memberName' },
    { title: t('mutualAid.idNumber'), dataIndex: 'idNumberMasked' },
    { title: t('mutualAid.unit'), dataIndex: 'orgName', ellipsis: true },
    { title: t('mutualAid.class'), dataIndex: 'classCode', render: (c: MutualAidClass) => MUTUAL_AID_CLASS_LABELS[c] },
    { title: t('mutualAid.kind'), dataIndex: 'kind', render: (k: MutualAidClaimKind) => MUTUAL_AID_CLAIM_KIND_LABELS[k] },
    { title: t('mutualAid.invoiceShort'), dataIndex: 'invoiceTotal', align: 'right' as const, render: (n: number) => formatYuan(n) },
    { title: t('mutualAid.payoutShort'), dataIndex: 'payoutText', align: 'right' as const, render: (s: string | null) => s ?? '—' },
    {
      title: t('mutualAid.status'),
      dataIndex: 'status',
      render: (s: TMutualAidClaim['status']) => <Tag color={CLAIM_STATUS_COLORS[s]}>{MUTUAL_AID_CLAIM_STATUS_LABELS[s]}</Tag>,
    },
    { title: t('mutualAid.claimPaidAt'), dataIndex: 'paidAt', render: (d: string | null) => d ?? '—' },
  ];
  return (
    <Card
      title={t('mutualAid.claims')}
      extra={
        <Space wrap>
          {can('mutual_aid:export') && (
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()} data-testid="mutual-aid-export">
              {t('mutualAid.export')}
            </Button>
          )}
          {can('mutual_aid:manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="mutual-aid-claim-create">
              {t('mutualAid.createClaim')}
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        {select(
          'classCode',
          MUTUAL_AID_CLASSES.map((c) => ({ value: c, label: MUTUAL_AID_CLASS_LABELS[c] })),
          t('mutualAid.class'),
        )}
        {select(
          'kind',
          MUTUAL_AID_CLAIM_KINDS.map((k) => ({ value: k, label: MUTUAL_AID_CLAIM_KIND_LABELS[k] })),
          t('mutualAid.kind'),
        )}
        {select(
          'status',
          MUTUAL_AID_CLAIM_STATUSES.map((s) => ({ value: s, label: MUTUAL_AID_CLAIM_STATUS_LABELS[s] })),
          t('mutualAid.status'),
        )}
      </Space>
      <Table<TMutualAidClaim>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={list.data?.items}
        columns={columns}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        data-testid="mutual-aid-claims-table"
      />
      <ClaimForm open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
