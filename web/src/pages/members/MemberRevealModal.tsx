// 查看完整信息: asks why, then shows the full ID number, birth date and mobile number (POST /members/:id/reveal, audited). The values
// live only in this modal's state, never in the query cache, and are gone when it closes.
import { useState } from 'react';
import { Alert, Button, Descriptions, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { LIMITS, ZMemberReveal, type TMember, type TMemberRevealed } from '@gonghui/common';
import { memberApi } from '../../api/members.ts';
import { zodRule } from '../../utils/formRules.ts';
import { showFormError } from '../../utils/notify.ts';

export function MemberRevealModal({ member, onClose }: { member: TMember; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [revealed, setRevealed] = useState<TMemberRevealed>();
  const [busy, setBusy] = useState(false);

  const close = () => {
    setRevealed(undefined);
    onClose();
  };

  const submit = async () => {
    const { reason } = await form.validateFields();
    setBusy(true);
    try {
      setRevealed(await memberApi.reveal(member.id, reason.trim()));
    } catch (err) {
      showFormError(form, err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('member.revealTitle')}
      onCancel={close}
      destroyOnHidden
      maskClosable={false}
      width={480}
      data-testid="reveal-modal"
      footer={
        revealed ? (
          <Button type="primary" onClick={close} data-testid="reveal-close">
            {t('member.close')}
          </Button>
        ) : (
          [
            <Button key="cancel" onClick={close}>
              {t('common.cancel')}
            </Button>,
            <Button key="ok" type="primary" loading={busy} onClick={() => void submit().catch(() => undefined)} data-testid="reveal-submit">
              {t('member.revealSubmit')}
            </Button>,
          ]
        )
      }
    >
      {revealed ? (
        <>
          <Alert type="warning" showIcon message={t('member.revealShown')} style={{ marginBottom: 12 }} />
          <Descriptions column={1} bordered size="small" labelStyle={{ width: 100 }}>
            <Descriptions.Item label={t('member.name')}>{member.name}</Descriptions.Item>
            <Descriptions.Item label={t('member.idNumber')}>
              <span className="mono" data-testid="reveal-id-number">
                {revealed.idNumber}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('member.birthDate')}>
              <span className="mono" data-testid="reveal-birth-date">
                {revealed.birthDate ?? '—'}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('member.phone')}>
              <span className="mono" data-testid="reveal-phone">
                {revealed.phone ?? '—'}
              </span>
            </Descriptions.Item>
          </Descriptions>
        </>
      ) : (
        <Form form={form} layout="vertical" onFinish={() => void submit()}>
          <Alert type="info" showIcon message={t('member.revealWarn')} style={{ marginBottom: 12 }} />
          <Form.Item
            htmlFor="reveal-reason"
            name="reason"
            label={t('member.reason')}
            rules={[{ required: true, whitespace: true, message: '请说明查看原因' }, zodRule(ZMemberReveal.shape.reason)]}
          >
            <Input.TextArea id="reveal-reason" rows={3} maxLength={LIMITS.text} showCount placeholder={t('member.reasonPlaceholder')} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
