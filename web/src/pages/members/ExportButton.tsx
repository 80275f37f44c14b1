// 导出: the current filter as xlsx, masked. Users allowed to see personal data may instead ask for an unmasked
// export (敏感数据导出申请): another cadre approves it, then the requester downloads it once from /export-requests.
import { useState } from 'react';
import { Alert, Button, Dropdown, Form, Input, Modal } from 'antd';
import { DownOutlined, ExportOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LIMITS, ZExportRequestCreate } from '@gonghui/common';
import { memberApi, type MemberFilters } from '../../api/members.ts';
import { exportRequestApi } from '../../api/exportRequests.ts';
import { useCan, useSession } from '../../app/session.ts';
import { zodRule } from '../../utils/formRules.ts';
import { notifyError, notifySuccess } from '../../utils/notify.ts';

export function ExportButton({ filters }: { filters: () => MemberFilters }) {
  const { t } = useTranslation();
  const can = useCan();
  const { org } = useSession();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const mayRequest = can('member:view_sensitive');

  const runMasked = async () => {
    setBusy(true);
    try {
      await memberApi.exportXlsx(filters());
      notifySuccess(t('member.exported'));
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  };

  const submitRequest = async () => {
    const { reason } = await form.validateFields();
    const f = filters();
    setBusy(true);
    try {
      const created = await exportRequestApi.create({ ...f, orgId: f.orgId ?? org.id, subtree: f.subtree ?? true, reason: reason.trim() });
      notifySuccess(t('exportRequest.submitted', { number: created.number, rows: created.rowCount }));
      setAsking(false);
      void navigate('/export-requests');
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  };

  // Always a menu (the same clicks for everyone); the unmasked request only for those who may see personal data.
  const items = [{ key: 'masked', label: <span data-testid="member-export-masked">{t('member.exportMasked')}</span> }];
  if (mayRequest) items.push({ key: 'full', label: <span data-testid="member-export-full">{t('exportRequest.ask')}</span> });

  return (
    <>
      <Dropdown
        trigger={['click']}
        disabled={busy}
        menu={{ items, onClick: ({ key }) => (key === 'full' ? setAsking(true) : void runMasked()) }}
      >
        <Button icon={<ExportOutlined />} loading={busy} data-testid="member-export-button">
          {t('member.export')}
          <DownOutlined />
        </Button>
      </Dropdown>
      <Modal
        open={asking}
        title={t('exportRequest.askTitle')}
        okText={t('exportRequest.submit')}
        confirmLoading={busy}
        onOk={() => void submitRequest().catch(() => undefined)}
        onCancel={() => setAsking(false)}
        destroyOnHidden
        maskClosable={false}
      >
        <Alert type="warning" showIcon message={t('exportRequest.askWarn')} style={{ marginBottom: 12 }} />
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            htmlFor="export-reason"
            name="reason"
            label={t('member.reason')}
            rules={[
              { required: true, whitespace: true, message: t('exportRequest.reasonRequired') },
              zodRule(ZExportRequestCreate.shape.reason),
            ]}
          >
            <Input.TextArea id="export-reason" rows={3} maxLength={LIMITS.text} showCount placeholder={t('member.reasonPlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
