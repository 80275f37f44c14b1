// The second login step: the 6-digit code from the authenticator, or a one-time recovery code. Plain elements, like
// the rest of the login page.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { authApi, type MeUser } from '../../api/endpoints.ts';
import { errorText } from '../../utils/notify.ts';
import { Field, Notice, SubmitButton } from './controls.tsx';

export function MfaCodeStep({ onDone, onRestart }: { onDone: (user: MeUser) => Promise<void>; onRestart: (message?: string) => void }) {
  const { t } = useTranslation();
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  /** An i18n key, so the message follows the language switch. */
  const [fieldError, setFieldError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const value = code.trim();
    const invalid = recovery ? (value ? undefined : 'mfa.recoveryRequired') : /^\d{6}$/.test(value) ? undefined : 'mfa.codeRequired';
    setFieldError(invalid);
    if (invalid) return;
    setSubmitting(true);
    setError(undefined);
    try {
      const { user } = await authApi.loginMfa(value);
      await onDone(user);
    } catch (err) {
      // A void pending login (timeout, too many tries) needs the password again.
      if (err instanceof ApiError && err.code === 'MFA_LOGIN_EXPIRED') onRestart(err.message);
      else setError(errorText(err));
      setCode('');
    } finally {
      setSubmitting(false);
    }
  };

  const field = recovery ? (
    <Field
      key="recovery"
      id="login-recovery"
      data-testid="login-recovery"
      label={t('mfa.recoveryCode')}
      icon="shield"
      autoComplete="off"
      maxLength={32}
      autoFocus
      placeholder="XXXXX-XXXXX"
      value={code}
      error={fieldError && t(fieldError)}
      onChange={(e) => setCode(e.target.value)}
    />
  ) : (
    <Field
      key="code"
      id="login-code"
      data-testid="login-code"
      label={t('mfa.code')}
      icon="shield"
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      autoFocus
      className="gl-code"
      value={code}
      error={fieldError && t(fieldError)}
      onChange={(e) => setCode(e.target.value)}
    />
  );

  return (
    <>
      {error && (
        <Notice kind="error" testId="mfa-error">
          {error}
        </Notice>
      )}
      <p className="gl-hint">{recovery ? t('mfa.recoveryHint') : t('mfa.codeHint')}</p>
      <form name="mfa" noValidate onSubmit={(e) => void submit(e)}>
        {field}
        <SubmitButton id="login-mfa-submit" loading={submitting}>
          {t('mfa.verify')}
        </SubmitButton>
      </form>
      <div className="gl-links">
        <button
          type="button"
          className="gl-link"
          data-testid="toggle-recovery"
          onClick={() => {
            setRecovery(!recovery);
            setError(undefined);
            setFieldError(undefined);
            setCode('');
          }}
        >
          {recovery ? t('mfa.useTotp') : t('mfa.useRecovery')}
        </button>
        <button type="button" className="gl-link" onClick={() => onRestart()}>
          {t('mfa.backToPassword')}
        </button>
      </div>
    </>
  );
}
