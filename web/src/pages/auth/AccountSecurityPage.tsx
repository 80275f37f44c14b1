// 账号安全: turn the TOTP second factor on (QR code + the key for manual entry, confirmed by a code; recovery codes
// shown once), see its state, or turn it off where the policy allows. Forced enrolment lands here too.
import { useState } from 'react';
import { Alert, Button, Form, Input, QRCode, Space, Spin, Typography } from 'antd';
import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/endpoints.ts';
import { queryClient } from '../../app/queryClient.ts';
import { ME_KEY, useSession } from '../../app/session.ts';
import { notifyError, notifySuccess, showFormError } from '../../utils/notify.ts';
import { AuthCard } from './AuthCard.tsx';

export { ACCOUNT_SECURITY_PATH } from '../../app/paths.ts';
const STATUS_KEY = ['auth', 'mfa'] as const;

const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const text = `${t('mfa.fileHeader')}\n\n${codes.join('\n')}\n`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      notifySuccess(t('mfa.copied'));
    } catch (err) {
      notifyError(err);
    }
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'recovery-codes.txt';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <>
      <Alert type="success" showIcon message={t('mfa.enrolled')} style={{ marginBottom: 12 }} />
      <Typography.Title level={5}>{t('mfa.recoveryTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('mfa.recoveryDesc')}</Typography.Paragraph>
      <div className="recovery-codes" data-testid="recovery-codes">
        {codes.map((c) => (
          <code key={c}>{c}</code>
        ))}
      </div>
      <Space style={{ margin: '12px 0' }} wrap>
        <Button icon={<CopyOutlined />} onClick={() => void copy()}>
          {t('mfa.copy')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={download}>
          {t('mfa.download')}
        </Button>
      </Space>
      <Button type="primary" block data-testid="mfa-done" onClick={onDone}>
        {t('mfa.done')}
      </Button>
    </>
  );
}

function Enrol({ onEnrolled }: { onEnrolled: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  const [enrolment, setEnrolment] = useState<{ secret: string; otpauthUri: string }>();
  const [busy, setBusy] = useState(false);
  const start = async () => {
    setBusy(true);
    try {
      setEnrolment(await authApi.mfaBegin());
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  };
  const confirm = async ({ code }: { code: string }) => {
    setBusy(true);
    try {
      onEnrolled((await authApi.mfaConfirm(code.trim())).recoveryCodes);
    } catch (err) {
      showFormError(form, err);
    } finally {
      setBusy(false);
    }
  };
  if (!enrolment) {
    return (
      <>
        <Alert type="info" showIcon message={t('mfa.disabled')} description={t('mfa.disabledDesc')} style={{ marginBottom: 16 }} />
        <Button type="primary" block loading={busy} data-testid="mfa-start" onClick={() => void start()}>
          {t('mfa.start')}
        </Button>
      </>
    );
  }
  return (
    <>
      <Typography.Text strong>{t('mfa.step1')}</Typography.Text>
      <div style={{ display: 'flex', justifyContent: 'center', margin: '12px 0' }}>
        <QRCode value={enrolment.otpauthUri} size={180} bordered={false} data-testid="totp-qr" />
      </div>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
        {t('mfa.manual')}
      </Typography.Paragraph>
      <Typography.Paragraph copyable={{ text: enrolment.secret }}>
        <code data-testid="totp-secret" className="totp-secret">
          {grouped(enrolment.secret)}
        </code>
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void confirm(v)} requiredMark={false}>
        <Form.Item
          htmlFor="totp-code"
          name="code"
          label={<Typography.Text strong>{t('mfa.step2')}</Typography.Text>}
          rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('mfa.codeRequired') }]}
        >
          <Input id="totp-code" data-testid="totp-code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="totp-confirm">
          {t('mfa.confirm')}
        </Button>
      </Form>
    </>
  );
}

function Disable({ onDisabled }: { onDisabled: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  const submit = async ({ code }: { code: string }) => {
    try {
      await authApi.mfaDisable(code.trim());
      notifySuccess(t('mfa.disabledOk'));
      onDisabled();
    } catch (err) {
      showFormError(form, err);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
      <Typography.Title level={5}>{t('mfa.disableTitle')}</Typography.Title>
      <Form.Item name="code" extra={t('mfa.disableHint')} rules={[{ required: true, whitespace: true, message: t('mfa.codeRequired') }]}>
        <Input autoComplete="one-time-code" maxLength={32} />
      </Form.Item>
      <Button danger htmlType="submit">
        {t('mfa.disableSubmit')}
      </Button>
    </Form>
  );
}

export function AccountSecurityPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useSession();
  const status = useQuery({ queryKey: STATUS_KEY, queryFn: authApi.mfaStatus });
  const [codes, setCodes] = useState<string[]>();
  const forced = me.user.mfaEnrollmentRequired;
  const refresh = () => void queryClient.invalidateQueries({ queryKey: STATUS_KEY });

  let body;
  if (codes) {
    body = (
      <RecoveryCodes
        codes={codes}
        onDone={() => {
          // /me must say "enrolled" before leaving, or the gate would send the user straight back here.
          void queryClient.invalidateQueries({ queryKey: ME_KEY }).then(() => {
            refresh();
            void navigate('/', { replace: true });
          });
        }}
      />
    );
  } else if (!status.data) {
    body = status.isError ? <Alert type="error" message={String(status.error.message)} /> : <Spin />;
  } else if (status.data.enrolled) {
    body = (
      <>
        <Alert
          type="success"
          showIcon
          message={t('mfa.enabled')}
          description={t('mfa.enabledDesc', { count: status.data.recoveryCodesLeft })}
          style={{ marginBottom: 16 }}
          data-testid="mfa-enabled"
        />
        {status.data.required ? (
          <Typography.Paragraph type="secondary">{t('mfa.required')}</Typography.Paragraph>
        ) : (
          <Disable onDisabled={refresh} />
        )}
      </>
    );
  } else {
    body = <Enrol onEnrolled={setCodes} />;
  }

  return (
    <AuthCard title={t('mfa.pageTitle')}>
      {forced && !codes && (
        <Alert type="warning" showIcon message={t('mfa.forced')} style={{ marginBottom: 16 }} data-testid="mfa-forced" />
      )}
      {body}
      {!forced && !codes && (
        <Button type="link" style={{ padding: 0, marginTop: 12 }} onClick={() => void navigate(-1)}>
          {t('mfa.back')}
        </Button>
      )}
    </AuthCard>
  );
}
