// /mutual-aid/plans (医疗互助计划): plans of the user's subtree and of its ancestors; 设立互助计划 opens a plan for a
// year with its classes' premium and payout rules (typed in 元 and %, sent in 分 and basis points).
import { useState } from 'react';
import { Button, Card, Checkbox, Form, InputNumber, Modal, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MUTUAL_AID_CLASS_LABELS, MUTUAL_AID_CLASSES, yuanToFen, type MutualAidClass, type TMutualAidPlan } from '@gonghui/common';
import { mutualAidApi } from '../../api/mutual-aid.ts';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { useCan } from '../../app/session.ts';
import { notifyError } from '../../utils/notify.ts';

interface ClassValues {
  on?: boolean;
  premium?: number;
  perClaimCap?: number;
  yearlyCap?: number;
  ratio?: number;
}
interface Values {
  orgId: number;
  year: number;
  classes: Partial<Record<MutualAidClass, ClassValues>>;
}

export function PlansPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const list = useQuery({ queryKey: ['mutual-aid-plans', page], queryFn: () => mutualAidApi.plans({ page, pageSize: 20 }) });
  const create = useMutation({
    mutationFn: (v: Values) =>
      mutualAidApi.createPlan({
        orgId: v.orgId,
        year: v.year,
        classes: MUTUAL_AID_CLASSES.filter((c) => v.classes[c]?.on).map((c) => {
          const x = v.classes[c] ?? {};
          return {
            code: c,
            premium: yuanToFen(x.premium ?? 0),
            perClaimCap: yuanToFen(x.perClaimCap ?? 0),
            yearlyCap: yuanToFen(x.yearlyCap ?? 0),
            ratio: Math.round((x.ratio ?? 100) * 100),
          };
        }),
      }),
    onSuccess: (p) => void navigate(`/mutual-aid/plans/${p.id}`),
    onError: notifyError,
  });
  const columns = [
    {
      title: t('mutualAid.name'),
      dataIndex: 'name',
      render: (_: unknown, p: TMutualAidPlan) => (
        <Link to={`/mutual-aid/plans/${p.id}`} data-testid="mutual-aid-plan-link">
          {p.name}
        </Link>
      ),
    },
    { title: t('mutualAid.year'), dataIndex: 'year' },
    { title: t('mutualAid.org'), dataIndex: 'orgName' },
    { title: t('mutualAid.class'), dataIndex: 'classes', render: (cs: TMutualAidPlan['classes']) => cs.map((c) => c.label).join('、') },
  ];
  const field = (c: MutualAidClass, name: keyof ClassValues, label: string, extra: Record<string, unknown> = {}) => (
    <Form.Item name={['classes', c, name]} label={label} style={{ marginBottom: 8 }}>
      <InputNumber min={0} precision={2} style={{ width: 140 }} {...extra} />
    </Form.Item>
  );
  return (
    <Card
      title={t('mutualAid.plans')}
      extra={
        can('mutual_aid:manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="mutual-aid-plan-create">
            {t('mutualAid.createPlan')}
          </Button>
        )
      }
    >
      <Table<TMutualAidPlan>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items}
        columns={columns}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
      />
      <Modal
        open={open}
        width={760}
        title={t('mutualAid.createPlan')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ year: new Date().getFullYear() }} onFinish={(v) => create.mutate(v)}>
          <Form.Item name="orgId" label={t('mutualAid.org')} rules={[{ required: true }]}>
            <OrgSelect />
          </Form.Item>
          <Form.Item name="year" label={t('mutualAid.year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} precision={0} />
          </Form.Item>
          <Typography.Text strong>{t('mutualAid.classes')}</Typography.Text>
          {MUTUAL_AID_CLASSES.map((c) => (
            <Space key={c} wrap align="end" style={{ display: 'flex', marginTop: 8 }}>
              <Form.Item name={['classes', c, 'on']} valuePropName="checked" style={{ marginBottom: 8, width: 110 }}>
                <Checkbox>{MUTUAL_AID_CLASS_LABELS[c]}</Checkbox>
              </Form.Item>
              {field(c, 'premium', t('mutualAid.premium'))}
              {field(c, 'perClaimCap', t('mutualAid.perClaimCap'))}
              {field(c, 'yearlyCap', t('mutualAid.yearlyCap'))}
              {field(c, 'ratio', t('mutualAid.ratio'), { max: 100, placeholder: '100' })}
            </Space>
          ))}
        </Form>
      </Modal>
    </Card>
  );
}
