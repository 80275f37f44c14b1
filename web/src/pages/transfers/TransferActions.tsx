// The buttons of a case: only the actions the server allows now (allowedActions), each sent with the case's version.
// 退回 asks for an opinion; 撤回 asks for confirmation. A refusal (409: stale version or no longer allowed; 403/404)
// shows the server's message and the case is loaded again.
import { useState } from 'react';
import { Button, Form, Input, Modal, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@gonghui/common';
import { ApiError } from '../../api/client.ts';
import { transferApi, type TransferAction, type TransferCase } from '../../api/transfers.ts';
import { notifyError, notifySuccess } from '../../utils/notify.ts';

interface Props {
  data: TransferCase;
  onUpdated: (updated: TransferCase) => void;
  onRefused: () => void;
}

interface RejectModalProps {
  data: TransferCase;
  onClose: () => void;
  /** Resolves true when the modal is done with (sent, or refused as the case stands). */
  onSubmit: (opinion: string) => Promise<boolean>;
}

function RejectModal({ data, onClose, onSubmit }: RejectModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ opinion: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const { opinion } = await form.validateFields();
    setBusy(true);
    const ok = await onSubmit(opinion.trim());
    setBusy(false);
    if (ok) onClose();
  };
  return (
    <Modal
      open
      title={t('transfer.rejectTitle', { name: data.member.name })}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          danger
          loading={busy}
          onClick={() => void submit().catch(() => undefined)}
          data-testid="transfer-reject-submit"
        >
          {t('transfer.actions.reject')}
        </Button>,
      ]}
      maskClosable={false}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          htmlFor="transfer-opinion"
          name="opinion"
          label={t('transfer.opinion')}
          rules={[{ required: true, whitespace: true, message: t('transfer.opinionRequired') }]}
        >
          <Input.TextArea
            id="transfer-opinion"
            data-testid="transfer-opinion"
            rows={4}
            maxLength={LIMITS.text}
            showCount
            placeholder={t('transfer.opinionPlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function TransferActions({ data, onUpdated, onRefused }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<TransferAction>();
  const [rejecting, setRejecting] = useState(false);
  const allowed = (a: TransferAction) => data.allowedActions.includes(a);

  const act = async (action: TransferAction, opinion?: string): Promise<boolean> => {
    setBusy(action);
    try {
      const updated = await transferApi.act(data.id, action, data.version, opinion);
      notifySuccess(t(`transfer.done.${action}`));
      onUpdated(updated);
      return true;
    } catch (err) {
      notifyError(err);
      // Refused as the case stands (409 stale or not allowed now, 403, 404): show the case as it is now. Any other
      // error (e.g. an invalid opinion) leaves the form open for a correction.
      const refused = err instanceof ApiError && [403, 404, 409].includes(err.status);
      if (refused) onRefused();
      return refused;
    } finally {
      setBusy(undefined);
    }
  };

  if (!allowed('accept') && !allowed('reject') && !allowed('withdraw')) return null;
  return (
    <Space wrap>
      {allowed('accept') && (
        <Button
          type="primary"
          loading={busy === 'accept'}
          disabled={busy !== undefined}
          onClick={() => void act('accept')}
          data-testid="transfer-action-accept"
        >
          {t('transfer.actions.accept')}
        </Button>
      )}
      {allowed('reject') && (
        <Button danger disabled={busy !== undefined} onClick={() => setRejecting(true)} data-testid="transfer-action-reject">
          {t('transfer.actions.reject')}
        </Button>
      )}
      {allowed('withdraw') && (
        <Popconfirm
          title={t('transfer.withdrawConfirm')}
          onConfirm={() => void act('withdraw')}
          okButtonProps={{ id: 'transfer-withdraw-confirm' }}
        >
          <Button loading={busy === 'withdraw'} disabled={busy !== undefined} data-testid="transfer-action-withdraw">
            {t('transfer.actions.withdraw')}
          </Button>
        </Popconfirm>
      )}
      {rejecting && <RejectModal data={data} onClose={() => setRejecting(false)} onSubmit={(opinion) => act('reject', opinion)} />}
    </Space>
  );
}
