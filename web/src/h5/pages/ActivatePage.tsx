// 激活: ID number + phone → code sent → code (+ optional password) + consent to the privacy notice → member cookies.
import { Button, Checkbox, Form, Input, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { h5Api } from '../api.ts';
import { CodeButton } from '../components/CodeButton.tsx';
import { Page } from '../components/Page.tsx';
import { PrivacyPopup } from '../components/PrivacyPopup.tsx';
import { friendlyError } from '../errors.ts';
import { useLang } from '../i18n.tsx';
import { PRIVACY_VERSION } from '../privacy.ts';
import { useSession } from '../session.tsx';
import { codeRule, idRule, phoneRule } from '../rules.ts';
import { normalizeInput, normalizePhone } from '../validate.ts';

interface Identity {
  idNumber: string;
  phone: string;
}

export function ActivatePage() {
  const { t } = useLang();
  const navigate = useNavigate();
  const { refresh } = useSession();
  const [identity, setIdentity] = useState<Identity | null>(null);
  const [busy, setBusy] = useState(false);
  const [consent, setConsent] = useState(false);
  const [showNotice, setShowNotice] = useState(false);

  const sendCode = async (who: Identity): Promise<boolean> => {
    try {
      await h5Api.sendCode(who);
      return true;
    } catch (e) {
      Toast.show({ icon: 'fail', content: friendlyError(e, t) });
      return false;
    }
  };

  const onIdentity = async (v: Identity) => {
    const who = { idNumber: normalizeInput(v.idNumber), phone: normalizePhone(v.phone) };
    setBusy(true);
    const ok = await sendCode(who);
    setBusy(false);
    if (ok) {
      Toast.show({ content: t('codeSent') });
      setIdentity(who);
    }
  };

  const onActivate = async (v: { code: string; password?: string }) => {
    if (!identity) return;
    if (!consent) {
      Toast.show({ content: t('consentRequired') });
      return;
    }
    setBusy(true);
    try {
      await h5Api.activate({
        ...identity,
        code: v.code.trim(),
        ...(v.password ? { password: v.password } : {}),
        consent: true,
        consentVersion: PRIVACY_VERSION,
      });
      await refresh();
      Toast.show({ icon: 'success', content: t('activateDone') });
      void navigate('/card', { replace: true });
    } catch (e) {
      Toast.show({ icon: 'fail', content: friendlyError(e, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('activateTitle')}>
      <p className="h5-hint">{t('activateHint')}</p>
      {identity === null ? (
        <Form
          layout="horizontal"
          onFinish={(v: Identity) => void onIdentity(v)}
          footer={
            <Button block type="submit" color="primary" size="large" loading={busy}>
              {t('sendCode')}
            </Button>
          }
        >
          <Form.Item
            name="idNumber"
            label={t('idNumber')}
            rules={[{ required: true, message: t('required', { field: t('idNumber') }) }, { validator: idRule(t('errIdNumber')) }]}
          >
            <Input placeholder={t('idNumberPlaceholder')} maxLength={20} clearable autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('phone')}
            rules={[{ required: true, message: t('required', { field: t('phone') }) }, { validator: phoneRule(t('errPhone')) }]}
          >
            <Input type="tel" placeholder={t('phonePlaceholder')} maxLength={15} clearable />
          </Form.Item>
        </Form>
      ) : (
        <Form
          layout="horizontal"
          onFinish={(v: { code: string; password?: string }) => void onActivate(v)}
          footer={
            <>
              <Checkbox checked={consent} onChange={setConsent} style={{ '--font-size': '14px', marginBottom: 16 }}>
                {t('consentPrefix')}
                <a
                  onClick={(e) => {
                    e.preventDefault();
                    e.stopPropagation();
                    setShowNotice(true);
                  }}
                >
                  {t('privacyNotice')}
                </a>
              </Checkbox>
              <Button block type="submit" color="primary" size="large" loading={busy}>
                {t('activateSubmit')}
              </Button>
            </>
          }
        >
          <Form.Item label={t('phone')}>{identity.phone.replace(/^(\d{3})\d{4}(\d{4})$/, '$1****$2')}</Form.Item>
          <Form.Item
            name="code"
            label={t('code')}
            rules={[{ required: true, message: t('required', { field: t('code') }) }, { validator: codeRule(t('errCode')) }]}
            extra={<CodeButton autoStarted onSend={() => sendCode(identity)} />}
          >
            <Input type="tel" placeholder={t('codePlaceholder')} maxLength={6} autoComplete="one-time-code" />
          </Form.Item>
          <Form.Item name="password" label={t('passwordOptional')} description={t('passwordHint')}>
            <Input type="password" placeholder={t('passwordPlaceholder')} autoComplete="new-password" />
          </Form.Item>
        </Form>
      )}
      <PrivacyPopup visible={showNotice} onClose={() => setShowNotice(false)} onAgree={() => setConsent(true)} />
      <div className="h5-actions">
        <Button block fill="none" color="primary" onClick={() => void navigate('/login', { replace: true })}>
          {t('haveAccount')}
        </Button>
      </div>
    </Page>
  );
}
