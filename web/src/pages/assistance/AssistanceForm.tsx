// 登记帮扶: the form of one assistance entry; amounts are typed in 元 and sent as 分 (yuanToFen). A campaign of the
// 金秋助学 kind asks for the student. An optional 困难职工档案 (searched by name) fills the name and union; the full ID
// number is typed (the file shows it masked) and the server checks it is the file's person.
import { useState } from 'react';
import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import {
  ASSISTANCE_KIND_LABELS,
  ASSISTANCE_KINDS,
  FUND_SOURCE_LABELS,
  FUND_SOURCES,
  STUDENT_STAGE_LABELS,
  STUDENT_STAGES,
  yuanToFen,
  type TAssistanceCreate,
  type TAssistanceDetail,
  type THardshipFile,
} from '@gonghui/common';
import { assistanceApi, campaignApi } from '../../api/assistance.ts';
import { useCan } from '../../app/session.ts';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { notifyError } from '../../utils/notify.ts';
import { HardshipFilePicker } from './HardshipFilePicker.tsx';

interface Values {
  orgId: number;
  name: string;
  idNumber: string;
  phone?: string;
  hardshipFileId?: number | null;
  campaignId?: number;
  kind: TAssistanceCreate['kind'];
  amount: number;
  goodsValue?: number;
  fundSource: TAssistanceCreate['fundSource'];
  date: Dayjs;
  studentName?: string;
  school?: string;
  stage?: TAssistanceCreate['stage'];
  admissionYear?: number;
  visitingLeader?: string;
  note?: string;
}

export function AssistanceForm({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (d: TAssistanceDetail) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [campaignId, setCampaignId] = useState<number>();
  const [file, setFile] = useState<THardshipFile | null>(null);
  const can = useCan();
  const pickFile = (f: THardshipFile | null) => {
    setFile(f);
    if (f) form.setFieldsValue({ name: f.name, orgId: f.org.id });
  };
  const campaigns = useQuery({ queryKey: ['campaigns', 'all'], queryFn: () => campaignApi.list({ pageSize: 200 }), enabled: open });
  const golden = campaigns.data?.items.find((c) => c.id === campaignId)?.kind === 'golden_autumn';
  const create = useMutation({
    mutationFn: (v: Values) =>
      assistanceApi.create({
        orgId: v.orgId,
        name: v.name,
        idNumber: v.idNumber,
        phone: v.phone || null,
        hardshipFileId: v.hardshipFileId ?? null,
        campaignId: v.campaignId ?? null,
        kind: v.kind,
        amount: yuanToFen(v.amount ?? 0),
        goodsValue: yuanToFen(v.goodsValue ?? 0),
        fundSource: v.fundSource,
        date: v.date.format('YYYY-MM-DD'),
        studentName: v.studentName || null,
        school: v.school || null,
        stage: v.stage ?? null,
        admissionYear: v.admissionYear ?? null,
        visitingLeader: v.visitingLeader || null,
        note: v.note || null,
      }),
    onSuccess: (d) => {
      form.resetFields();
      setFile(null);
      onCreated(d);
    },
    onError: notifyError,
  });
  const required = [{ required: true }];
  return (
    <Modal
      open={open}
      title={t('assistance.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} data-testid="assistance-form">
        <Form.Item name="orgId" label={t('assistance.org')} rules={required}>
          <OrgSelect />
        </Form.Item>
        <Form.Item name="campaignId" label={t('assistance.campaign')}>
          <Select
            allowClear
            onChange={(v: number | undefined) => setCampaignId(v)}
            options={campaigns.data?.items.map((c) => ({ value: c.id, label: `${c.name}（${c.kindLabel}）` }))}
          />
        </Form.Item>
        {can('hardship:read') && (
          <Form.Item name="hardshipFileId" label={t('assistance.hardshipFile')}>
            <HardshipFilePicker onPick={pickFile} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('assistance.name')} rules={required}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('assistance.idNumber')}
          rules={required}
          extra={file ? t('assistance.hardshipFileIdHint', { masked: file.idNumber }) : undefined}
        >
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="phone" label={t('assistance.phone')}>
          <Input maxLength={11} />
        </Form.Item>
        <Form.Item name="kind" label={t('assistance.kind')} rules={required}>
          <Select options={ASSISTANCE_KINDS.map((k) => ({ value: k, label: ASSISTANCE_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="fundSource" label={t('assistance.fundSource')} rules={required}>
          <Select options={FUND_SOURCES.map((k) => ({ value: k, label: FUND_SOURCE_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="amount" label={t('assistance.amount')} rules={required}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="goodsValue" label={t('assistance.goodsValue')}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="date" label={t('assistance.date')} rules={required}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {golden && (
          <>
            <Form.Item name="studentName" label={t('assistance.studentName')} rules={required}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="school" label={t('assistance.school')} rules={required}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="stage" label={t('assistance.stage')} rules={required}>
              <Select options={STUDENT_STAGES.map((k) => ({ value: k, label: STUDENT_STAGE_LABELS[k] }))} />
            </Form.Item>
            <Form.Item name="admissionYear" label={t('assistance.admissionYear')} rules={required}>
              <InputNumber min={1990} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
        <Form.Item name="visitingLeader" label={t('assistance.visitingLeader')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="note" label={t('assistance.note')}>
          <Input.TextArea maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
