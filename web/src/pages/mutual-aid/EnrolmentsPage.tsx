// /mutual-aid/enrolments (参保登记): units' enrolments in the plans, filtered by plan and class; 登记参保 enrols a unit
// in one class by headcount (or the whole unit), with the premium due worked out by the server.
import { useState } from 'react';
import { Button, Card, Checkbox, DatePicker, Form, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { MUTUAL_AID_CLASS_LABELS, MUTUAL_AID_CLASSES, type MutualAidClass, type TMutualAidEnrolment } from '@gonghui/common';
import { mutualAidApi } from '../../api/mutual-aid.ts';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { useCan } from '../../app/session.ts';
import { notifyError, notifySuccess } from '../../utils/notify.ts';

interface Values {
  planId: number;
  orgId: number;
  classCode: MutualAidClass;
  headcount?: number;
  wholeUnit?: boolean;
  enrolledAt: Dayjs;
}

export function EnrolmentsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [planId, setPlanId] = useState<number | undefined>();
  const [classCode, setClassCode] = useState<MutualAidClass | undefined>();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const plans = useQuery({ queryKey: ['mutual-aid-plans', 'all'], queryFn: () => mutualAidApi.plans({ pageSize: 100 }) });
  const list = useQuery({
    queryKey: ['mutual-aid-enrolments', planId, classCode, page],
    queryFn: () => mutualAidApi.enrolments({ planId, classCode, page, pageSize: 20 }),
  });
  const enrol = useMutation({
    mutationFn: (v: Values) =>
      mutualAidApi.enrol({
        planId: v.planId,
        orgId: v.orgId,
        classCode: v.classCode,
        ...(v.headcount !== undefined && v.headcount !== null ? { headcount: v.headcount } : {}),
        wholeUnit: v.wholeUnit ?? false,
        enrolledAt: v.enrolledAt.format('YYYY-MM-DD'),
      }),
    onSuccess: () => {
      notifySuccess(t('mutualAid.created'));
      setOpen(false);
      void queryClient.invalidateQueries({ queryKey: ['mutual-aid-enrolments'] });
    },
    onError: notifyError,
  });
  const planOptions = (plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
  const columns = [
    { title: t('mutualAid.unit'), dataIndex: 'orgName' },
    { title: t('mutualAid.year'), dataIndex: 'year' },
    { title: t('mutualAid.class'), dataIndex: 'classCode', render: (c: MutualAidClass) => MUTUAL_AID_CLASS_LABELS[c] },
    { title: t('mutualAid.headcount'), dataIndex: 'headcount', align: 'right' as const },
    {
      title: t('mutualAid.wholeUnit'),
      dataIndex: 'wholeUnit',
      render: (w: boolean) => (w ? <Tag color="blue">{t('mutualAid.yes')}</Tag> : '—'),
    },
    { title: t('mutualAid.premiumDue'), dataIndex: 'premiumDueText', align: 'right' as const },
    { title: t('mutualAid.premiumPaid'), dataIndex: 'premiumPaidText', align: 'right' as const },
    { title: t('mutualAid.enrolledAt'), dataIndex: 'enrolledAt' },
  ];
  return (
    <Card
      title={t('mutualAid.enrolments')}
      extra={
        can('mutual_aid:manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="mutual-aid-enrol">
            {t('mutualAid.enrol')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('mutualAid.plan')}
          style={{ minWidth: 220 }}
          value={planId}
          onChange={setPlanId}
          options={planOptions}
        />
        <Select
          allowClear
          placeholder={t('mutualAid.class')}
          style={{ minWidth: 140 }}
          value={classCode}
          onChange={setClassCode}
          options={MUTUAL_AID_CLASSES.map((c) => ({ value: c, label: MUTUAL_AID_CLASS_LABELS[c] }))}
        />
      </Space>
      <Table<TMutualAidEnrolment>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={list.data?.items}
        columns={columns}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
      />
      <Modal
        open={open}
        title={t('mutualAid.enrol')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={enrol.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => enrol.mutate(v)}>
          <Form.Item name="planId" label={t('mutualAid.plan')} rules={[{ required: true }]}>
            <Select options={planOptions} />
          </Form.Item>
          <Form.Item name="orgId" label={t('mutualAid.unit')} rules={[{ required: true }]}>
            <OrgSelect />
          </Form.Item>
          <Form.Item name="classCode" label={t('mutualAid.class')} rules={[{ required: true }]}>
            <Select options={MUTUAL_AID_CLASSES.map((c) => ({ value: c, label: MUTUAL_AID_CLASS_LABELS[c] }))} />
          </Form.Item>
          <Form.Item name="headcount" label={t('mutualAid.headcount')}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="wholeUnit" valuePropName="checked">
            <Checkbox>{t('mutualAid.wholeUnit')}</Checkbox>
          </Form.Item>
          <Form.Item name="enrolledAt" label={t('mutualAid.enrolledAt')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
