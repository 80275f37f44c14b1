// 登录: phone + code, or phone + password; a link to activation for first-time members.
import { Button, Form, Input, Tabs, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { h5Api } from '../api.ts';
import { CodeButton } from '../components/CodeButton.tsx';
import { Page } from '../components/Page.tsx';
import { friendlyError } from '../errors.ts';
import { useLang } from '../i18n.tsx';
import { codeRule, phoneRule } from '../rules.ts';
import { useSession } from '../session.tsx';
import { normalizePhone, isValidPhone } from '../validate.ts';

type Mode = 'code' | 'password';

export function LoginPage() {
  const { t } = useLang();
  const navigate = useNavigate();
  const { refresh } = useSession();
  const [mode, setMode] = useState<Mode>('code');
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ phone: string; code?: string; password?: string }>();

  const sendCode = async (): Promise<boolean> => {
    const phone = String(form.getFieldValue('phone') ?? '');
    if (!isValidPhone(phone)) {
      Toast.show({ content: t('errPhone') });
      return false;
    }
    try {
      await h5Api.sendCode({ phone: normalizePhone(phone) });
      return true;
    } catch (e) {
      Toast.show({ icon: 'fail', content: friendlyError(e, t) });
      return false;
    }
  };

  const onLogin = async (v: { phone: string; code?: string; password?: string }) => {
    const phone = normalizePhone(v.phone);
    setBusy(true);
    try {
      await h5Api.login(mode === 'code' ? { phone, code: (v.code ?? '').trim() } : { phone, password: v.password ?? '' });
      await refresh();
      Toast.show({ icon: 'success', content: t('loginDone') });
      void navigate('/', { replace: true });
    } catch (e) {
      Toast.show({ icon: 'fail', content: friendlyError(e, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('loginTitle')}>
      <Tabs activeKey={mode} onChange={(k) => setMode(k as Mode)}>
        <Tabs.Tab title={t('loginByCode')} key="code" />
        <Tabs.Tab title={t('loginByPassword')} key="password" />
      </Tabs>
      <Form
        form={form}
        layout="horizontal"
        onFinish={(v: { phone: string; code?: string; password?: string }) => void onLogin(v)}
        footer={
          <Button block type="submit" color="primary" size="large" loading={busy}>
            {t('login')}
          </Button>
        }
      >
        <Form.Item
          name="phone"
          label={t('phone')}
          rules={[{ required: true, message: t('required', { field: t('phone') }) }, { validator: phoneRule(t('errPhone')) }]}
        >
          <Input type="tel" placeholder={t('phonePlaceholder')} maxLength={15} clearable />
        </Form.Item>
        {mode === 'code' ? (
          <Form.Item
            key="code"
            name="code"
            label={t('code')}
            rules={[{ required: true, message: t('required', { field: t('code') }) }, { validator: codeRule(t('errCode')) }]}
            extra={<CodeButton onSend={sendCode} />}
          >
            <Input type="tel" placeholder={t('codePlaceholder')} maxLength={6} autoComplete="one-time-code" />
          </Form.Item>
        ) : (
          <Form.Item
            key="password"
            name="password"
            label={t('password')}
            rules={[{ required: true, message: t('required', { field: t('password') }) }]}
          >
            <Input type="password" autoComplete="current-password" />
          </Form.Item>
        )}
      </Form>
      <div className="h5-actions">
        <Button block fill="none" color="primary" onClick={() => void navigate('/activate')}>
          {t('noAccount')}
        </Button>
      </div>
    </Page>
  );
}
