// 中文 / English toggle; the choice survives reloads. On a phone one small button names the other language, so the
// header keeps room for the bell and the user menu.
import { Button, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, type Language } from '../i18n/index.ts';

export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { i18n, t } = useTranslation();
  const value: Language = i18n.language === 'en' ? 'en' : 'zh-CN';
  if (compact) {
    const other: Language = value === 'en' ? 'zh-CN' : 'en';
    return (
      <Button size="small" aria-label={t('header.language')} data-testid="language-switch" onClick={() => changeLanguage(other)}>
        {other === 'en' ? 'EN' : '中文'}
      </Button>
    );
  }
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('header.language')}
      data-testid="language-switch"
      value={value}
      onChange={changeLanguage}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'English', value: 'en' },
      ]}
    />
  );
}
