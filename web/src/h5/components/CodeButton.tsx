// "获取验证码" with a 60 s resend countdown; onSend resolves true when the server accepted the request.
import { Button, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useCountdown } from '../hooks.ts';
import { useLang } from '../i18n.tsx';

export const RESEND_SECONDS = 60;

export function CodeButton({ onSend, autoStarted }: { onSend: () => Promise<boolean>; autoStarted?: boolean }) {
  const { t } = useLang();
  const [left, start] = useCountdown();
  const [busy, setBusy] = useState(false);
  const [started, setStarted] = useState(false);
  if (autoStarted && !started) {
    setStarted(true);
    start(RESEND_SECONDS);
  }
  const send = async () => {
    setBusy(true);
    try {
      if (await onSend()) {
        Toast.show({ content: t('codeSent') });
        setStarted(true);
        start(RESEND_SECONDS);
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" color="primary" fill="none" disabled={left > 0} loading={busy} onClick={() => void send()}>
      {left > 0 ? t('resendIn', { n: left }) : started ? t('resend') : t('sendCode')}
    </Button>
  );
}
