// /mutual-aid/plans/:id: a plan's classes and payout rules, its enrolment totals and, per direct child of its org,
// the quota handed down against the headcount enrolled, per class; 下达任务 sets one child's quotas.
import { useState } from 'react';
import { Button, Card, Descriptions, Form, InputNumber, Modal, Result, Select, Space, Table, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatYuan, type MutualAidClass, type TMutualAidPlanDetail } from '@gonghui/common';
import { mutualAidApi } from '../../api/mutual-aid.ts';
import { useCan } from '../../app/session.ts';
import { PageSpin } from '../../components/PageSpin.tsx';
import { errorText, notifyError, notifySuccess } from '../../utils/notify.ts';

type Child = TMutualAidPlanDetail['children'][number];

function QuotaModal({ plan, child, onClose }: { plan: TMutualAidPlanDetail; child: Child | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ orgId: number; quota: Record<string, number | null> }>();
  const save = useMutation({
    mutationFn: (v: { orgId: number; quota: Record<string, number | null> }) =>
      mutualAidApi.setQuotas(plan.id, {
        orgId: v.orgId,
        quotas: plan.classes
          .filter((c) => (v.quota?.[c.code] ?? 0) > 0)
          .map((c) => ({ classCode: c.code, headcount: v.quota[c.code] ?? 0 })),
      }),
    onSuccess: (d) => {
      queryClient.setQueryData(['mutual-aid-plan', plan.id], d);
      notifySuccess(t('mutualAid.done'));
      onClose();
    },
    onError: notifyError,
  });
  return (
    <Modal
      open={child !== null}
      title={t('mutualAid.setQuota')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ orgId: child?.orgId, quota: child?.quota ?? {} }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="orgId" label={t('mutualAid.child')} rules={[{ required: true }]}>
          <Select options={plan.children.map((c) => ({ value: c.orgId, label: c.name }))} />
        </Form.Item>
        {plan.classes.map((c) => (
          <Form.Item key={c.code} name={['quota', c.code]} label={`${c.label} · ${t('mutualAid.quota')}`}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

export function PlanDetailPage() {
  const { t } = useTranslation();
  const can = useCan();
  const id = Number(useParams().id);
  const [editing, setEditing] = useState<Child | null>(null);
  const query = useQuery({ queryKey: ['mutual-aid-plan', id], queryFn: () => mutualAidApi.plan(id), enabled: id > 0 });
  const back = (
    <Link to="/mutual-aid/plans">
      <ArrowLeftOutlined /> {t('mutualAid.plans')}
    </Link>
  );
  if (query.isPending) return <PageSpin />;
  if (query.isError) return <Result status="404" title={errorText(query.error)} extra={back} />;
  const p = query.data;
  const cell = (c: Child, code: MutualAidClass) => {
    const q = c.quota[code];
    const e = c.enrolled[code] ?? 0;
    return q ? `${e} / ${q}` : String(e);
  };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="mutual-aid-plan-detail">
      {back}
      <Card title={p.name}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label={t('mutualAid.org')}>{p.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('mutualAid.year')}>{p.year}</Descriptions.Item>
          <Descriptions.Item label={t('mutualAid.units')}>{p.totals.units}</Descriptions.Item>
          <Descriptions.Item label={t('mutualAid.headcount')}>{p.totals.headcount}</Descriptions.Item>
          <Descriptions.Item label={t('mutualAid.premiumDue')}>{formatYuan(p.totals.premiumDue)}</Descriptions.Item>
          <Descriptions.Item label={t('mutualAid.premiumPaid')}>{p.totals.premiumPaidText}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('mutualAid.classes')}>
        <Table
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={p.classes}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('mutualAid.class'), dataIndex: 'label' },
            { title: t('mutualAid.premium'), dataIndex: 'premium', align: 'right' as const, render: (n: number) => formatYuan(n) },
            { title: t('mutualAid.perClaimCap'), dataIndex: 'perClaimCap', align: 'right' as const, render: (n: number) => formatYuan(n) },
            { title: t('mutualAid.yearlyCap'), dataIndex: 'yearlyCap', align: 'right' as const, render: (n: number) => formatYuan(n) },
            { title: t('mutualAid.ratio'), dataIndex: 'ratio', align: 'right' as const, render: (n: number) => `${n / 100}%` },
          ]}
        />
      </Card>
      <Card title={t('mutualAid.quotas')}>
        <Typography.Paragraph type="secondary">{`${t('mutualAid.enrolled')} / ${t('mutualAid.quota')}`}</Typography.Paragraph>
        <Table<Child>
          rowKey="orgId"
          size="small"
          pagination={false}
          dataSource={p.children}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('mutualAid.child'), dataIndex: 'name' },
            ...p.classes.map((c) => ({ title: c.label, key: c.code, render: (_: unknown, r: Child) => cell(r, c.code) })),
            ...(can('mutual_aid:manage') && p.orgId !== undefined
              ? [
                  {
                    title: '',
                    key: 'edit',
                    render: (_: unknown, r: Child) => (
                      <Button size="small" onClick={() => setEditing(r)}>
                        {t('mutualAid.setQuota')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <QuotaModal plan={p} child={editing} onClose={() => setEditing(null)} />
    </Space>
  );
}
