// The few form controls the login page needs, as plain elements (no antd on the first page). Styles in login.css.
import { useState, type InputHTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const ICONS = {
  user: 'M12 12a5 5 0 1 0 0-10 5 5 0 0 0 0 10Zm0 2c-4.4 0-8 2.2-8 5v3h16v-3c0-2.8-3.6-5-8-5Z',
  lock: 'M17 9V7A5 5 0 0 0 7 7v2H5v13h14V9h-2ZM9 7a3 3 0 0 1 6 0v2H9V7Zm4 9.7V19h-2v-2.3a2 2 0 1 1 2 0Z',
  shield: 'M12 2 4 5v6c0 5 3.4 9.7 8 11 4.6-1.3 8-6 8-11V5l-8-3Zm-1.2 14.2-3.5-3.5 1.4-1.4 2.1 2.1 4.9-4.9 1.4 1.4-6.3 6.3Z',
  eye: 'M12 5C7 5 2.7 8.1 1 12.5 2.7 16.9 7 20 12 20s9.3-3.1 11-7.5C21.3 8.1 17 5 12 5Zm0 12.5a5 5 0 1 1 0-10 5 5 0 0 1 0 10Zm0-8a3 3 0 1 0 0 6 3 3 0 0 0 0-6Z',
  eyeOff:
    'M2.1 3.5 3.5 2.1l18.4 18.4-1.4 1.4-3.3-3.3c-1.6.9-3.3 1.4-5.2 1.4-5 0-9.3-3.1-11-7.5a12 12 0 0 1 4-5.2L2.1 3.5ZM12 5c5 0 9.3 3.1 11 7.5a12 12 0 0 1-3 4.5l-3.1-3.1A5 5 0 0 0 10.1 7L8.4 5.4C9.5 5.1 10.7 5 12 5Z',
} as const;

export function Icon({ name }: { name: keyof typeof ICONS }) {
  return (
    <svg className="gl-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={ICONS[name]} fill="currentColor" />
    </svg>
  );
}

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  id: string;
  label: ReactNode;
  icon?: keyof typeof ICONS;
  error?: string;
}

/** A labelled input with a leading icon and its validation message underneath; `type="password"` gets a show toggle. */
export function Field({ id, label, icon, error, type = 'text', className, ...input }: FieldProps) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const secret = type === 'password';
  return (
    <div className={`gl-field${error ? ' gl-field-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="gl-input">
        {icon && <Icon name={icon} />}
        <input
          id={id}
          type={secret && shown ? 'text' : type}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className={className}
          {...input}
        />
        {secret && (
          <button
            type="button"
            className="gl-reveal"
            aria-label={shown ? t('login.hidePassword') : t('login.showPassword')}
            onClick={() => setShown(!shown)}
          >
            <Icon name={shown ? 'eyeOff' : 'eye'} />
          </button>
        )}
      </div>
      {error && (
        <div className="gl-field-msg" id={`${id}-error`} role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

export function SubmitButton({ id, loading, children }: { id: string; loading: boolean; children: ReactNode }) {
  return (
    <button id={id} data-testid={id} type="submit" className="gl-submit" disabled={loading} aria-busy={loading}>
      {loading && <span className="gl-submit-spin" aria-hidden="true" />}
      {children}
    </button>
  );
}

export function Notice({ kind, testId, children }: { kind: 'error' | 'warning'; testId: string; children: ReactNode }) {
  return (
    <div className={`gl-notice gl-notice-${kind}`} data-testid={testId} role="alert">
      <span className="gl-notice-mark" aria-hidden="true">
        !
      </span>
      <span>{children}</span>
    </div>
  );
}
