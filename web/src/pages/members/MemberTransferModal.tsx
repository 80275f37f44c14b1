// 发起会员接转 (POST /members/:id/transfers): the receiving union, picked from the federation-wide directory, and the
// reason; the new case opens at once (/transfers/:id), where its progress is followed.
import { useState } from 'react';
import { Button, Form, Input, Modal } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LIMITS, type TMember } from '@gonghui/common';
import { TODOS_KEY, transferApi } from '../../api/transfers.ts';
import { OrgDirectorySelect } from '../../components/OrgDirectorySelect.tsx';
import { notifySuccess, showFormError } from '../../utils/notify.ts';

interface TransferValues {
  toOrgId: number;
  reason: string;
}

interface Props {
  member: TMember;
  onClose: () => void;
  onDone: (member: TMember) => void;
}

export function MemberTransferModal({ member, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TransferValues>();
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const created = await transferApi.start(member.id, { toOrgId: v.toOrgId, reason: v.reason.trim() });
      notifySuccess(t('member.transferSent'));
      void queryClient.invalidateQueries({ queryKey: TODOS_KEY });
      onDone(member);
      onClose();
      void navigate(`/transfers/${created.id}`);
    } catch (err) {
      showFormError(form, err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('member.transferTitle', { name: member.name })}
      width={520}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="submit"
          type="primary"
          loading={busy}
          onClick={() => void submit().catch(() => undefined)}
          data-testid="transfer-submit"
        >
          {t('member.transferSubmit')}
        </Button>,
      ]}
    >
      <Form form={form} layout="vertical" data-testid="transfer-form">
        <Form.Item label={t('member.transferFrom')}>{member.orgName}</Form.Item>
        <Form.Item
          htmlFor="transfer-target"
          name="toOrgId"
          label={t('member.transferTo')}
          rules={[
            { required: true, message: t('member.transferToRequired') },
            {
              validator: async (_r, v: unknown) => {
                if (v === member.orgId) throw new Error(t('member.transferSameOrg'));
              },
            },
          ]}
        >
          <OrgDirectorySelect
            id="transfer-target"
            testId="transfer-target-select"
            placeholder={t('member.transferToPlaceholder')}
            emptyText={t('member.transferToEmpty')}
            disabledIds={[member.orgId]}
          />
        </Form.Item>
        <Form.Item
          htmlFor="transfer-reason"
          name="reason"
          label={t('member.transferReason')}
          rules={[{ required: true, whitespace: true, message: t('member.transferReasonRequired') }]}
        >
          <Input.TextArea
            id="transfer-reason"
            data-testid="transfer-reason"
            rows={3}
            maxLength={LIMITS.text}
            showCount
            placeholder={t('member.transferReasonPlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
