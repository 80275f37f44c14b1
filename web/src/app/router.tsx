// Routes: public login, then everything behind RequireAuth ("/" is the 工作台) with each console module's pages
// (web/src/modules/); pages load lazily so the first paint stays small.
import { createBrowserRouter } from 'react-router';
import { setAuthHandlers } from '../api/client.ts';
import { PageSpin } from '../components/PageSpin.tsx';
import { LoginPage } from '../pages/auth/LoginPage.tsx';
import { ChangePasswordPage } from '../pages/auth/ChangePasswordPage.tsx';
import { AccountSecurityPage, ACCOUNT_SECURITY_PATH } from '../pages/auth/AccountSecurityPage.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { AppShell } from './AppShell.tsx';
import { HomeRedirect } from './HomeRedirect.tsx';
import { RequireAuth } from './RequireAuth.tsx';
import { queryClient } from './queryClient.ts';
import { ME_KEY } from './session.ts';
import { WEB_MODULES } from '../modules/index.ts';

export const router = createBrowserRouter([
  {
    hydrateFallbackElement: <PageSpin />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        element: <RequireAuth />,
        children: [
          { path: '/change-password', element: <ChangePasswordPage /> },
          { path: ACCOUNT_SECURITY_PATH, element: <AccountSecurityPage /> },
          {
            element: <AppShell />,
            children: [
              { index: true, element: <HomeRedirect /> },
              ...WEB_MODULES.flatMap((m) => m.routes),
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);

function currentPath(): string {
  return window.location.pathname;
}

setAuthHandlers({
  onUnauthenticated: () => {
    if (currentPath() === '/login') return;
    queryClient.clear();
    void router.navigate('/login', { replace: true, state: { from: currentPath() } });
  },
  onPasswordChangeRequired: () => {
    void queryClient.invalidateQueries({ queryKey: ME_KEY });
    if (currentPath() !== '/change-password') void router.navigate('/change-password', { replace: true });
  },
  onMfaEnrollmentRequired: () => {
    void queryClient.invalidateQueries({ queryKey: ME_KEY });
    if (currentPath() !== ACCOUNT_SECURITY_PATH) void router.navigate(ACCOUNT_SECURITY_PATH, { replace: true });
  },
});
