// Tiny i18n for the H5 portal: Chinese first, English second, choice kept in localStorage. No i18next (bundle budget).
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { zh, type H5Key } from './i18n.zh.ts';
import { en } from './i18n.en.ts';
import { format } from './i18n-format.ts';

export type H5Lang = 'zh' | 'en';
const STORAGE_KEY = 'gh_h5_lang';
const DICTS: Record<H5Lang, Record<H5Key, string>> = { zh, en };

export type Translate = (key: H5Key, vars?: Record<string, string | number>) => string;

export function translator(lang: H5Lang): Translate {
  return (key, vars) => format(DICTS[lang][key], vars);
}

function initialLang(): H5Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

interface LangState {
  lang: H5Lang;
  t: Translate;
  toggle: () => void;
}

const LangContext = createContext<LangState>({ lang: 'zh', t: translator('zh'), toggle: () => undefined });

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<H5Lang>(initialLang);
  const toggle = useCallback(() => {
    setLang((prev) => {
      const next = prev === 'zh' ? 'en' : 'zh';
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // Private mode: the choice lasts for this page only.
      }
      document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
      return next;
    });
  }, []);
  const value = useMemo(() => ({ lang, t: translator(lang), toggle }), [lang, toggle]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangState {
  return useContext(LangContext);
}
