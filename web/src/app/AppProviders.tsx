// Providers around the router: react-query and the page title following the language switch. antd's providers
// come with the console chunk (console.tsx), so the login page stays light.
import { useEffect } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router/dom';
import { useTranslation } from 'react-i18next';
import { queryClient } from './queryClient.ts';
import { router } from './router.tsx';

export function AppProviders() {
  const { i18n, t } = useTranslation();
  useEffect(() => {
    document.title = t('app.title');
  }, [t, i18n.language]);
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
