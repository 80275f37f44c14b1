// Username + password login, then the second-factor code when the account has one; a failed attempt shows the
// server's generic Chinese message above the form, and a throttled one (429 LOGIN_THROTTLED) the server's message.
import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@gonghui/common';
import { ApiError } from '../../api/client.ts';
import { authApi, type MeUser } from '../../api/endpoints.ts';
import { queryClient } from '../../app/queryClient.ts';
import { ME_KEY } from '../../app/session.ts';
import { errorText } from '../../utils/notify.ts';
import { ACCOUNT_SECURITY_PATH } from './AccountSecurityPage.tsx';
import { AuthCard } from './AuthCard.tsx';
import { MfaCodeStep } from './MfaCodeStep.tsx';

interface LoginValues {
  username: string;
  password: string;
}

function redirectTarget(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state) {
    const from = state.from;
    if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login')) return from;
  }
  return '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<{ text: string; throttled: boolean }>();
  const [submitting, setSubmitting] = useState(false);
  const [codeStep, setCodeStep] = useState(false);

  const enter = async (user: MeUser) => {
    queryClient.clear();
    await queryClient.fetchQuery({ queryKey: ME_KEY, queryFn: authApi.me });
    const next = user.mustChangePassword
      ? '/change-password'
      : user.mfaEnrollmentRequired
        ? ACCOUNT_SECURITY_PATH
        : redirectTarget(location.state);
    void navigate(next, { replace: true });
  };

  const submit = async (values: LoginValues) => {
    setSubmitting(true);
    setError(undefined);
    try {
      const res = await authApi.login(values.username.trim(), values.password);
      if ('mfaRequired' in res) setCodeStep(true);
      else await enter(res.user);
    } catch (err) {
      setError({ text: errorText(err), throttled: err instanceof ApiError && err.code === 'LOGIN_THROTTLED' });
    } finally {
      setSubmitting(false);
    }
  };

  if (codeStep) {
    return (
      <AuthCard title={t('mfa.codeTitle')}>
        <MfaCodeStep
          onDone={(user) => void enter(user)}
          onRestart={(message) => {
            setCodeStep(false);
            setError(message === undefined ? undefined : { text: message, throttled: false });
          }}
        />
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('login.submit')}>
      {error && (
        <Alert
          type={error.throttled ? 'warning' : 'error'}
          showIcon
          message={error.text}
          style={{ marginBottom: 16 }}
          data-testid="login-error"
          role="alert"
        />
      )}
      <Form<LoginValues> name="login" layout="vertical" size="large" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item
          name="username"
          htmlFor="login-username"
          label={t('login.username')}
          rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
        >
          <Input
            id="login-username"
            data-testid="login-username"
            prefix={<UserOutlined />}
            autoComplete="username"
            maxLength={LIMITS.username}
            autoFocus
          />
        </Form.Item>
        <Form.Item
          name="password"
          htmlFor="login-password"
          label={t('login.password')}
          rules={[{ required: true, message: t('login.passwordRequired') }]}
        >
          <Input.Password
            id="login-password"
            data-testid="login-password"
            prefix={<LockOutlined />}
            autoComplete="current-password"
            maxLength={128}
          />
        </Form.Item>
        <Button id="login-submit" data-testid="login-submit" type="primary" htmlType="submit" block loading={submitting}>
          {t('login.submit')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
        {t('login.footer')}
      </Typography.Paragraph>
    </AuthCard>
  );
}
