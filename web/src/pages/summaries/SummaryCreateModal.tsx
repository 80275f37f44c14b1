// 生成工作总结: org, year, 上半年/全年 and the as-of date; the new summary opens in the editor.
import { useState } from 'react';
import { Button, DatePicker, Form, InputNumber, Modal, Radio } from 'antd';
import { FileAddOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TOrg } from '@gonghui/common';
import { ApiError } from '../../api/client.ts';
import { summaryApi } from '../../api/stats.ts';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { showFormError } from '../../utils/notify.ts';
import { currentYear } from '../stats/shared/period.ts';

interface FormValues {
  orgId: number;
  year: number;
  period: 'H1' | 'year';
  asOf?: Dayjs;
}

export function SummaryCreateButton({ defaultOrg, onCreated }: { defaultOrg: TOrg; onCreated: (id: number) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<FormValues>();
  const [modal, modalHolder] = Modal.useModal();

  const submit = async (v: FormValues, again = false) => {
    setBusy(true);
    const body = { orgId: v.orgId, year: v.year, period: v.period, asOf: v.asOf?.format('YYYY-MM-DD'), ...(again ? { again } : {}) };
    try {
      const res = await summaryApi.create(body);
      setOpen(false);
      onCreated(res.id);
    } catch (err) {
      // The same org and period has a summary already: ask rather than silently make a second one.
      if (err instanceof ApiError && err.code === 'SUMMARY_EXISTS') askAgain(v, err.message);
      else showFormError(form, err);
    } finally {
      setBusy(false);
    }
  };

  const askAgain = (v: FormValues, message: string) =>
    void modal.confirm({
      title: t('summary.existsTitle'),
      content: message,
      okText: t('summary.generateAgain'),
      cancelText: t('summary.openExisting'),
      onOk: () => submit(v, true),
      onCancel: async () => {
        const page = await summaryApi.list(v.orgId, 1, 20);
        const same = page.items.find((s) => s.orgId === v.orgId && s.year === v.year && s.period === v.period);
        if (same) {
          setOpen(false);
          onCreated(same.id);
        }
      },
    });

  return (
    <>
      {modalHolder}
      <Button type="primary" icon={<FileAddOutlined />} onClick={() => setOpen(true)} data-testid="summary-create-button">
        {t('summary.create')}
      </Button>
      <Modal
        open={open}
        title={t('summary.createTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('summary.generate')}
        okButtonProps={{ loading: busy, id: 'summary-create-submit' }}
        destroyOnHidden
      >
        <Form<FormValues>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ orgId: defaultOrg.id, year: currentYear(), period: 'H1' }}
          onFinish={(v) => void submit(v)}
        >
          <Form.Item
            htmlFor="summary-org"
            name="orgId"
            label={t('summary.org')}
            rules={[{ required: true, message: t('summary.orgRequired') }]}
          >
            <OrgSelect id="summary-org" initialOrg={defaultOrg} />
          </Form.Item>
          <Form.Item htmlFor="summary-year" name="year" label={t('summary.year')} rules={[{ required: true }]}>
            <InputNumber id="summary-year" min={2000} max={2100} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="period" label={t('summary.period')}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: 'H1', label: <span data-testid="summary-period-H1">{t('summary.periods.H1')}</span> },
                { value: 'year', label: <span data-testid="summary-period-year">{t('summary.periods.year')}</span> },
              ]}
            />
          </Form.Item>
          <Form.Item htmlFor="summary-asof" name="asOf" label={t('summary.asOf')} extra={t('summary.asOfHint')}>
            <DatePicker id="summary-asof" style={{ width: 200 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
