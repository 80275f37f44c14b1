// Providers around the router: react-query, antd locale following the language switch, antd App for messages.
import { useEffect } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
// The ES builds: antd/locale/* are CommonJS re-exports whose default import loses the locale object.
import zhCNLocale from 'antd/es/locale/zh_CN';
import enUSLocale from 'antd/es/locale/en_US';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router/dom';
import { useTranslation } from 'react-i18next';
import { queryClient } from './queryClient.ts';
import { router } from './router.tsx';
import { setMessageApi } from '../utils/notify.ts';

function MessageBridge() {
  const { message } = AntApp.useApp();
  useEffect(() => setMessageApi(message), [message]);
  return null;
}

export function AppProviders() {
  const { i18n, t } = useTranslation();
  const isEnglish = i18n.language === 'en';
  useEffect(() => {
    document.title = t('app.title');
  }, [t, i18n.language]);
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={isEnglish ? enUSLocale : zhCNLocale} theme={{ token: { colorPrimary: '#1d5fd6', borderRadius: 6 } }}>
        <AntApp>
          <MessageBridge />
          <RouterProvider router={router} />
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
