// /campaigns (帮扶活动): campaigns of the user's subtree and of its ancestors (lower unions submit to them); 发起活动
// opens a campaign with a budget per fund source (typed in 元, sent in 分).
import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import {
  CAMPAIGN_KIND_LABELS,
  CAMPAIGN_KINDS,
  FUND_SOURCE_LABELS,
  FUND_SOURCES,
  formatYuan,
  yuanToFen,
  type CampaignKind,
  type TCampaign,
} from '@gonghui/common';
import { campaignApi } from '../../api/assistance.ts';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { notifyError } from '../../utils/notify.ts';

interface Values {
  orgId: number;
  kind: CampaignKind;
  name: string;
  period: [Dayjs, Dayjs];
  budget: Partial<Record<(typeof FUND_SOURCES)[number], number>>;
}

export function CampaignsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const list = useQuery({ queryKey: ['campaigns', page], queryFn: () => campaignApi.list({ page, pageSize: 20 }) });
  const create = useMutation({
    mutationFn: (v: Values) =>
      campaignApi.create({
        orgId: v.orgId,
        kind: v.kind,
        name: v.name,
        startsOn: v.period[0].format('YYYY-MM-DD'),
        endsOn: v.period[1].format('YYYY-MM-DD'),
        budget: FUND_SOURCES.filter((f) => (v.budget?.[f] ?? 0) > 0).map((f) => ({ fundSource: f, amount: yuanToFen(v.budget[f] ?? 0) })),
      }),
    onSuccess: (c) => void navigate(`/campaigns/${c.id}`),
    onError: notifyError,
  });
  const columns = [
    { title: t('campaign.name'), dataIndex: 'name', render: (_: unknown, c: TCampaign) => <Link to={`/campaigns/${c.id}`}>{c.name}</Link> },
    { title: t('campaign.kind'), dataIndex: 'kindLabel' },
    { title: t('campaign.org'), dataIndex: 'orgName' },
    { title: t('campaign.period'), dataIndex: 'startsOn', render: (_: unknown, c: TCampaign) => `${c.startsOn} ~ ${c.endsOn}` },
    { title: t('campaign.budgetTotal'), dataIndex: 'budgetTotal', align: 'right' as const, render: (n: number) => formatYuan(n) },
  ];
  return (
    <Card
      title={t('campaign.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="campaign-create">
          {t('campaign.create')}
        </Button>
      }
    >
      <Table<TCampaign>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items}
        columns={columns}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
      />
      <Modal
        open={open}
        title={t('campaign.create')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="orgId" label={t('campaign.org')} rules={[{ required: true }]}>
            <OrgSelect />
          </Form.Item>
          <Form.Item name="kind" label={t('campaign.kind')} rules={[{ required: true }]}>
            <Select options={CAMPAIGN_KINDS.map((k) => ({ value: k, label: CAMPAIGN_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item name="name" label={t('campaign.name')} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="period" label={t('campaign.period')} rules={[{ required: true }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
          {FUND_SOURCES.map((f) => (
            <Form.Item key={f} name={['budget', f]} label={`${FUND_SOURCE_LABELS[f]} · ${t('campaign.budget')}`}>
              <InputNumber min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </Card>
  );
}
