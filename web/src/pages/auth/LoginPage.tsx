// Username + password login, then the second-factor code when the account has one; a failed attempt shows the
// server's generic Chinese message above the form, and a throttled one (429 LOGIN_THROTTLED) the server's message.
// Built without antd so the first page stays small; the console's code is fetched once the page is idle or the user
// starts typing, so entering the 工作台 after login does not wait for it.
import { useEffect, useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { authApi, type MeUser } from '../../api/endpoints.ts';
import { preloadConsole } from '../../app/loadConsole.ts';
import { ACCOUNT_SECURITY_PATH, CHANGE_PASSWORD_PATH } from '../../app/paths.ts';
import { queryClient } from '../../app/queryClient.ts';
import { ME_KEY } from '../../app/session.ts';
import { errorText } from '../../utils/notify.ts';
import { Field, Notice, SubmitButton } from './controls.tsx';
import { LoginLayout } from './LoginLayout.tsx';
import { MfaCodeStep } from './MfaCodeStep.tsx';

/** LIMITS.username in @gonghui/common (not imported: it would bring the shared schemas into the first page). */
const USERNAME_MAX = 32;

function redirectTarget(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state) {
    const from = state.from;
    if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login')) return from;
  }
  return '/';
}

/** After the page has loaded and the browser is idle: fetch the console and the 工作台 into the cache. */
function usePreloadWhenIdle(): void {
  useEffect(() => {
    let idle: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      // Safari has no requestIdleCallback.
      if (typeof window.requestIdleCallback === 'function') idle = window.requestIdleCallback(preloadConsole, { timeout: 3000 });
      else timer = setTimeout(preloadConsole, 500);
    };
    if (document.readyState === 'complete') schedule();
    else window.addEventListener('load', schedule, { once: true });
    return () => {
      window.removeEventListener('load', schedule);
      if (idle !== undefined) window.cancelIdleCallback(idle);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<{ text: string; throttled: boolean }>();
  // i18n keys, so a message follows the language switch.
  const [fieldErrors, setFieldErrors] = useState<{ username?: string; password?: string }>({});
  const [values, setValues] = useState({ username: '', password: '' });
  const [submitting, setSubmitting] = useState(false);
  const [codeStep, setCodeStep] = useState(false);
  usePreloadWhenIdle();

  const enter = async (user: MeUser) => {
    queryClient.clear();
    await queryClient.fetchQuery({ queryKey: ME_KEY, queryFn: authApi.me });
    const next = user.mustChangePassword
      ? CHANGE_PASSWORD_PATH
      : user.mfaEnrollmentRequired
        ? ACCOUNT_SECURITY_PATH
        : redirectTarget(location.state);
    await navigate(next, { replace: true });
  };

  const change = (name: 'username' | 'password', value: string) => {
    preloadConsole();
    setValues((v) => ({ ...v, [name]: value }));
    if (fieldErrors[name]) setFieldErrors((e) => ({ ...e, [name]: undefined }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const username = values.username.trim();
    const invalid = {
      username: username ? undefined : 'login.usernameRequired',
      password: values.password ? undefined : 'login.passwordRequired',
    };
    setFieldErrors(invalid);
    if (invalid.username || invalid.password) return;
    setSubmitting(true);
    setError(undefined);
    try {
      const res = await authApi.login(username, values.password);
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
      <LoginLayout title={t('mfa.codeTitle')}>
        <MfaCodeStep
          onDone={enter}
          onRestart={(message) => {
            setCodeStep(false);
            setValues((v) => ({ ...v, password: '' }));
            setError(message === undefined ? undefined : { text: message, throttled: false });
          }}
        />
      </LoginLayout>
    );
  }

  return (
    <LoginLayout title={t('login.submit')}>
      {error && (
        <Notice kind={error.throttled ? 'warning' : 'error'} testId="login-error">
          {error.text}
        </Notice>
      )}
      <form name="login" noValidate onSubmit={(e) => void submit(e)}>
        <Field
          id="login-username"
          data-testid="login-username"
          name="username"
          label={t('login.username')}
          icon="user"
          autoComplete="username"
          maxLength={USERNAME_MAX}
          autoFocus
          value={values.username}
          error={fieldErrors.username && t(fieldErrors.username)}
          onChange={(e) => change('username', e.target.value)}
        />
        <Field
          id="login-password"
          data-testid="login-password"
          name="password"
          type="password"
          label={t('login.password')}
          icon="lock"
          autoComplete="current-password"
          maxLength={128}
          value={values.password}
          error={fieldErrors.password && t(fieldErrors.password)}
          onChange={(e) => change('password', e.target.value)}
        />
        <SubmitButton id="login-submit" loading={submitting}>
          {t('login.submit')}
        </SubmitButton>
      </form>
      <p className="gl-footnote">{t('login.footer')}</p>
    </LoginLayout>
  );
}
