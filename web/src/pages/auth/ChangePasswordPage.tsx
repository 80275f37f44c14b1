// Password change: forced after first login or a reset, otherwise reached from the user menu.
import { useState } from 'react';
import { Alert, Button, Form, Input, Space } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ZPasswordChange } from '@gonghui/common';
import { authApi } from '../../api/endpoints.ts';
import { queryClient } from '../../app/queryClient.ts';
import { ME_KEY, useSession } from '../../app/session.ts';
import { zodRule } from '../../utils/formRules.ts';
import { notifySuccess, showFormError } from '../../utils/notify.ts';
import { AuthCard } from './AuthCard.tsx';

interface PasswordValues {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useSession();
  const [form] = Form.useForm<PasswordValues>();
  const [submitting, setSubmitting] = useState(false);
  const forced = me.user.mustChangePassword;

  const submit = async (values: PasswordValues) => {
    setSubmitting(true);
    try {
      await authApi.changePassword(values.oldPassword, values.newPassword);
      notifySuccess(t('password.changed'));
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
      void navigate('/', { replace: true });
    } catch (err) {
      showFormError(form, err);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <AuthCard title={t('password.title')}>
      {forced && <Alert type="warning" showIcon message={t('password.forced')} style={{ marginBottom: 16 }} />}
      <Alert type="info" message={t('password.policy')} style={{ marginBottom: 16 }} data-testid="password-policy" />
      <Form<PasswordValues> form={form} name="password" layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="oldPassword" label={t('password.oldPassword')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" maxLength={128} />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.newPassword')}
          rules={[{ required: true }, zodRule(ZPasswordChange.shape.newPassword)]}
          hasFeedback
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          hasFeedback
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: async (_rule, value: unknown) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error(t('password.mismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="password-submit">
            {t('common.submit')}
          </Button>
          {!forced && <Button onClick={() => void navigate(-1)}>{t('password.back')}</Button>}
        </Space>
      </Form>
    </AuthCard>
  );
}
