// i18next setup: zh-CN by default, English on request, the choice remembered in localStorage. The first page (login)
// carries only its own text; the console's full text is added when its chunk loads (full.ts).
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { authZhCN } from './auth.zh-CN.ts';
import { authEn } from './auth.en.ts';
import { mfaZhCN } from './mfa.zh-CN.ts';
import { mfaEn } from './mfa.en.ts';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'gonghui.lang';

function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'zh-CN';
}

/** The console registers dayjs's locale switch here (dayjs loads with the console, not with the login page). */
const languageListeners: ((lang: Language) => void)[] = [];

export function onLanguage(listener: (lang: Language) => void): void {
  languageListeners.push(listener);
  listener(currentLanguage());
}

const lang = initialLanguage();
document.documentElement.lang = lang;

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: { ...authZhCN, ...mfaZhCN } }, en: { translation: { ...authEn, ...mfaEn } } },
  lng: lang,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function changeLanguage(next: Language): void {
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
  for (const listener of languageListeners) listener(next);
  void i18n.changeLanguage(next);
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

export default i18n;
