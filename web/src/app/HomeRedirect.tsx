// "/" is the 工作台 for users who may see it; anyone else is sent to the first page they may see.
import { lazy, Suspense } from 'react';
import { Result } from 'antd';
import { Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageSpin } from '../components/PageSpin.tsx';
import { prefetchWorkbench } from '../pages/workbench/workbenchQueries.ts';
import { allowedMenu } from './menu.tsx';
import { prefetchLoader } from './prefetchRoute.ts';
import { useSession } from './session.ts';

const loadWorkbench = () => import('../pages/workbench/WorkbenchPage.tsx');
const WorkbenchPage = lazy(async () => ({ default: (await loadWorkbench()).WorkbenchPage }));

/** Fetches the 工作台's code ahead of time (the login page calls this once idle). */
export const preloadWorkbench = (): Promise<unknown> => loadWorkbench();

/**
 * The "/" route's loader: for a user who sees the 工作台 there, its code and its first requests start with the
 * navigation, in parallel with the console's render, instead of once this component renders.
 */
export const homeLoader = prefetchLoader((queryClient, me) => {
  if (allowedMenu(me.user.permissions)[0]?.path !== '/') return;
  void loadWorkbench().catch(() => undefined);
  prefetchWorkbench(queryClient, me);
});

export function HomeRedirect() {
  const { t } = useTranslation();
  const me = useSession();
  const first = allowedMenu(me.user.permissions)[0];
  if (first?.path === '/')
    return (
      <Suspense fallback={<PageSpin />}>
        <WorkbenchPage />
      </Suspense>
    );
  if (first) return <Navigate to={first.path} replace />;
  return <Result status="403" title={t('common.noPermission')} />;
}
