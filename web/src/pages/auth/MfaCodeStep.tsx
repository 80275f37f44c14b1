// The second login step: the 6-digit code from the authenticator, or a one-time recovery code.
import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { authApi, type MeUser } from '../../api/endpoints.ts';
import { errorText } from '../../utils/notify.ts';

export function MfaCodeStep({ onDone, onRestart }: { onDone: (user: MeUser) => void; onRestart: (message?: string) => void }) {
  const { t } = useTranslation();
  const [recovery, setRecovery] = useState(false);
  const [error, setError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const [form] = Form.useForm<{ code: string }>();

  const submit = async ({ code }: { code: string }) => {
    setSubmitting(true);
    setError(undefined);
    try {
      const { user } = await authApi.loginMfa(code.trim());
      onDone(user);
    } catch (err) {
      // A void pending login (timeout, too many tries) needs the password again.
      if (err instanceof ApiError && err.code === 'MFA_LOGIN_EXPIRED') onRestart(err.message);
      else setError(errorText(err));
      form.resetFields();
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="mfa-error" role="alert" />}
      <Typography.Paragraph type="secondary">{recovery ? t('mfa.recoveryHint') : t('mfa.codeHint')}</Typography.Paragraph>
      <Form form={form} name="mfa" layout="vertical" size="large" onFinish={(v) => void submit(v)} requiredMark={false}>
        {recovery ? (
          <Form.Item
            htmlFor="login-recovery"
            name="code"
            label={t('mfa.recoveryCode')}
            rules={[{ required: true, whitespace: true, message: t('mfa.recoveryRequired') }]}
          >
            <Input id="login-recovery" data-testid="login-recovery" autoComplete="off" maxLength={32} autoFocus placeholder="XXXXX-XXXXX" />
          </Form.Item>
        ) : (
          <Form.Item
            htmlFor="login-code"
            name="code"
            label={t('mfa.code')}
            rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('mfa.codeRequired') }]}
          >
            <Input
              id="login-code"
              data-testid="login-code"
              prefix={<SafetyOutlined />}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              autoFocus
              style={{ letterSpacing: '0.4em' }}
            />
          </Form.Item>
        )}
        <Button id="login-mfa-submit" data-testid="login-mfa-submit" type="primary" htmlType="submit" block loading={submitting}>
          {t('mfa.verify')}
        </Button>
      </Form>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 12 }}>
        <Button
          type="link"
          style={{ padding: 0 }}
          data-testid="toggle-recovery"
          onClick={() => {
            setRecovery(!recovery);
            setError(undefined);
            form.resetFields();
          }}
        >
          {recovery ? t('mfa.useTotp') : t('mfa.useRecovery')}
        </Button>
        <Button type="link" style={{ padding: 0 }} onClick={() => onRestart()}>
          {t('mfa.backToPassword')}
        </Button>
      </div>
    </>
  );
}
