// 查看敏感信息: asks for a reason (recorded in the audit log with the reveal), then shows what the server returned.
import { useState } from 'react';
import { Button, Modal, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { ModalForm, ProFormTextArea } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../utils/notify.ts';

export function RevealButton({ label, reveal }: { label: string; reveal: (reason: string) => Promise<string> }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<string>();
  return (
    <>
      <ModalForm<{ reason: string }>
        title={label}
        width={420}
        trigger={
          <Button size="small" icon={<EyeOutlined />} data-testid="reveal">
            {label}
          </Button>
        }
        modalProps={{ destroyOnHidden: true }}
        onFinish={async (v) => {
          try {
            setShown(await reveal(v.reason));
            return true;
          } catch (err) {
            notifyError(err);
            return false;
          }
        }}
      >
        <ProFormTextArea name="reason" label={t('rights.revealReason')} rules={[{ required: true, whitespace: true }]} />
      </ModalForm>
      <Modal open={shown !== undefined} title={label} footer={null} onCancel={() => setShown(undefined)} destroyOnHidden>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{shown}</Typography.Paragraph>
      </Modal>
    </>
  );
}
