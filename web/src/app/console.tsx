// The console behind the login: antd's providers and every signed-in route. Loaded lazily (loadConsole.ts) and
// patched into the router on the first navigation away from /login, so the login page never loads antd.
import { useEffect } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import { StyleProvider } from '@ant-design/cssinjs';
// The ES builds: antd/locale/* are CommonJS re-exports whose default import loses the locale object.
import zhCNLocale from 'antd/es/locale/zh_CN';
import enUSLocale from 'antd/es/locale/en_US';
import { Outlet, type RouteObject } from 'react-router';
import { useTranslation } from 'react-i18next';
import '../i18n/full.ts';
import { ChangePasswordPage } from '../pages/auth/ChangePasswordPage.tsx';
import { AccountSecurityPage } from '../pages/auth/AccountSecurityPage.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { WEB_MODULES } from '../modules/index.ts';
import { setMessageApi } from '../utils/notify.ts';
import { AppShell } from './AppShell.tsx';
import { HomeRedirect, homeLoader, preloadWorkbench } from './HomeRedirect.tsx';
import { onEnterOnly } from './prefetchRoute.ts';
import { ACCOUNT_SECURITY_PATH, CHANGE_PASSWORD_PATH } from './paths.ts';
import { RequireAuth } from './RequireAuth.tsx';
import { createKeepAliveStyleCache } from './styleCache.ts';
import { CONSOLE_THEME } from './theme.ts';

const styleCache = createKeepAliveStyleCache();

function MessageBridge() {
  const { message } = AntApp.useApp();
  useEffect(() => setMessageApi(message), [message]);
  return null;
}

function ConsoleProviders() {
  const { i18n } = useTranslation();
  return (
    <StyleProvider cache={styleCache}>
      <ConfigProvider locale={i18n.language === 'en' ? enUSLocale : zhCNLocale} theme={CONSOLE_THEME}>
        <AntApp>
          <MessageBridge />
          <Outlet />
        </AntApp>
      </ConfigProvider>
    </StyleProvider>
  );
}

export const consoleRoutes: RouteObject[] = [
  {
    element: <ConsoleProviders />,
    children: [
      {
        element: <RequireAuth />,
        children: [
          { path: CHANGE_PASSWORD_PATH, element: <ChangePasswordPage /> },
          { path: ACCOUNT_SECURITY_PATH, element: <AccountSecurityPage /> },
          {
            element: <AppShell />,
            children: [
              { index: true, loader: homeLoader, shouldRevalidate: onEnterOnly, element: <HomeRedirect /> },
              ...WEB_MODULES.flatMap((m) => m.routes),
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
];

/** The 工作台's chunk, fetched ahead while the user is still on the login page. */
export function preloadHome(): Promise<unknown> {
  return preloadWorkbench();
}
