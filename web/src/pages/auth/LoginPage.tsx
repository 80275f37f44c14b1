// Username + password login; a failed attempt shows the server's generic Chinese message above the form,
// and a throttled one (429 LOGIN_THROTTLED) the server's message with the wait.
import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@gonghui/common';
import { ApiError } from '../../api/client.ts';
import { authApi } from '../../api/endpoints.ts';
import { queryClient } from '../../app/queryClient.ts';
import { ME_KEY } from '../../app/session.ts';
import { errorText } from '../../utils/notify.ts';
import { AuthCard } from './AuthCard.tsx';

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

  const submit = async (values: LoginValues) => {
    setSubmitting(true);
    setError(undefined);
    try {
      const { user } = await authApi.login(values.username.trim(), values.password);
      queryClient.clear();
      await queryClient.fetchQuery({ queryKey: ME_KEY, queryFn: authApi.me });
      void navigate(user.mustChangePassword ? '/change-password' : redirectTarget(location.state), { replace: true });
    } catch (err) {
      setError({ text: errorText(err), throttled: err instanceof ApiError && err.code === 'LOGIN_THROTTLED' });
    } finally {
      setSubmitting(false);
    }
  };

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
