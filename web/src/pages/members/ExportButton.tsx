// 导出: the current filter as xlsx, masked; users allowed to see personal data may export full details after
// giving a reason (GET /members/export?unmasked=true&reason=, audited on the server).
import { useState } from 'react';
import { Alert, Button, Dropdown, Form, Input, Modal } from 'antd';
import { DownOutlined, ExportOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LIMITS, ZMemberReveal } from '@gonghui/common';
import { memberApi, type MemberFilters } from '../../api/members.ts';
import { useCan } from '../../app/session.ts';
import { zodRule } from '../../utils/formRules.ts';
import { notifyError, notifySuccess } from '../../utils/notify.ts';

export function ExportButton({ filters }: { filters: () => MemberFilters }) {
  const { t } = useTranslation();
  const can = useCan();
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();

  const run = async (unmasked: boolean, reason?: string): Promise<boolean> => {
    setBusy(true);
    try {
      await memberApi.exportXlsx(filters(), unmasked, reason);
      notifySuccess(t('member.exported'));
      return true;
    } catch (err) {
      notifyError(err);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const submitFull = async () => {
    const { reason } = await form.validateFields();
    if (await run(true, reason.trim())) setAsking(false);
  };

  const button = (
    <Button
      icon={<ExportOutlined />}
      loading={busy}
      data-testid="member-export-button"
      onClick={can('member:view_sensitive') ? undefined : () => void run(false)}
    >
      {t('member.export')}
      {can('member:view_sensitive') && <DownOutlined />}
    </Button>
  );

  return (
    <>
      {can('member:view_sensitive') ? (
        <Dropdown
          trigger={['click']}
          disabled={busy}
          menu={{
            items: [
              { key: 'masked', label: <span data-testid="member-export-masked">{t('member.exportMasked')}</span> },
              { key: 'full', label: <span data-testid="member-export-full">{t('member.exportFull')}</span> },
            ],
            onClick: ({ key }) => (key === 'full' ? setAsking(true) : void run(false)),
          }}
        >
          {button}
        </Dropdown>
      ) : (
        button
      )}
      <Modal
        open={asking}
        title={t('member.exportFullTitle')}
        okText={t('member.export')}
        confirmLoading={busy}
        onOk={() => void submitFull().catch(() => undefined)}
        onCancel={() => setAsking(false)}
        destroyOnHidden
        maskClosable={false}
      >
        <Alert type="warning" showIcon message={t('member.exportFullWarn')} style={{ marginBottom: 12 }} />
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label={t('member.reason')}
            rules={[{ required: true, whitespace: true, message: '请说明导出原因' }, zodRule(ZMemberReveal.shape.reason)]}
          >
            <Input.TextArea id="export-reason" rows={3} maxLength={LIMITS.text} showCount placeholder={t('member.reasonPlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
