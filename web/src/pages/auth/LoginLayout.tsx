// The login page's frame without antd: a brand panel (beside the form on a wide screen, above it on a phone), the
// language switch, and the form card. Styles in login.css.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, type Language } from '../../i18n/index.ts';
import './login.css';

function LanguageToggle() {
  const { i18n, t } = useTranslation();
  const value: Language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const options: [Language, string][] = [
    ['zh-CN', '中文'],
    ['en', 'English'],
  ];
  return (
    <div className="gl-lang" role="group" aria-label={t('login.language')} data-testid="language-switch">
      {options.map(([lang, label]) => (
        <button
          key={lang}
          type="button"
          className={lang === value ? 'gl-lang-on' : undefined}
          aria-pressed={lang === value}
          onClick={() => changeLanguage(lang)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

export function LoginLayout({ title, children }: { title: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="gl-page">
      <div className="gl-top">
        <LanguageToggle />
      </div>
      <main className="gl-frame">
        <section className="gl-brand">
          <div className="gl-logo" aria-hidden="true">
            工
          </div>
          <div>
            <h1 className="gl-title">{t('app.title')}</h1>
            <p className="gl-subtitle">{t('app.subtitle')}</p>
          </div>
        </section>
        <section className="gl-card">
          <h2 className="gl-card-title">{title}</h2>
          {children}
        </section>
      </main>
      <p className="gl-copy">{t('login.copyright')}</p>
    </div>
  );
}
