// Routes: the public login page is in the first chunk; every signed-in route ("/" is the 工作台, then each console
// module's pages from web/src/modules/) lives in the console chunk, patched in on the first navigation that needs it.
import { createBrowserRouter } from 'react-router';
import { readCookie, setAuthHandlers } from '../api/client.ts';
import { authApi } from '../api/endpoints.ts';
import { LightSpin } from '../components/LightSpin.tsx';
import { LoginPage } from '../pages/auth/LoginPage.tsx';
import { loadConsole } from './loadConsole.ts';
import { ACCOUNT_SECURITY_PATH, CHANGE_PASSWORD_PATH, LOGIN_PATH } from './paths.ts';
import { queryClient } from './queryClient.ts';
import { ME_KEY } from './session.ts';

// Without the CSRF cookie (set with the session, cleared at logout) nobody is signed in: a first visit to any console
// address opens the login page at once instead of loading the console only to be sent back. The router reads the
// address's state from history.state.usr.
// With it, /me is asked for while the console's code loads, instead of after.
const start = window.location.pathname;
if (start !== LOGIN_PATH && !start.startsWith('/h5')) {
  if (!readCookie('csrf_token')) {
    window.history.replaceState({ usr: { from: start + window.location.search }, key: 'start', idx: 0 }, '', LOGIN_PATH);
  } else {
    void queryClient.prefetchQuery({ queryKey: ME_KEY, queryFn: authApi.me, retry: false });
  }
}

let consolePatched = false;

export const router = createBrowserRouter(
  [{ id: 'root', hydrateFallbackElement: <LightSpin />, children: [{ path: LOGIN_PATH, element: <LoginPage /> }] }],
  {
    async patchRoutesOnNavigation({ patch }) {
      if (consolePatched) return;
      const { consoleRoutes } = await loadConsole();
      if (consolePatched) return;
      consolePatched = true;
      patch('root', consoleRoutes);
    },
  },
);

function currentPath(): string {
  return window.location.pathname;
}

setAuthHandlers({
  onUnauthenticated: () => {
    if (currentPath() === LOGIN_PATH) return;
    queryClient.clear();
    void router.navigate(LOGIN_PATH, { replace: true, state: { from: currentPath() } });
  },
  onPasswordChangeRequired: () => {
    void queryClient.invalidateQueries({ queryKey: ME_KEY });
    if (currentPath() !== CHANGE_PASSWORD_PATH) void router.navigate(CHANGE_PASSWORD_PATH, { replace: true });
  },
  onMfaEnrollmentRequired: () => {
    void queryClient.invalidateQueries({ queryKey: ME_KEY });
    if (currentPath() !== ACCOUNT_SECURITY_PATH) void router.navigate(ACCOUNT_SECURITY_PATH, { replace: true });
  },
});
