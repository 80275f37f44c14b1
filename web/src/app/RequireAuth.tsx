// Gate for signed-in routes: loads /me, sends anonymous users to /login, forces a pending password change and
// a second-factor enrolment the policy requires.
import { Button, Result } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { PageSpin } from '../components/PageSpin.tsx';
import { ACCOUNT_SECURITY_PATH } from './paths.ts';
import { errorText } from '../utils/notify.ts';
import { useMe } from './session.ts';

export function RequireAuth() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  if (me.isPending) return <PageSpin />;
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.status === 401) {
      return <Navigate to="/login" replace state={{ from: location.pathname }} />;
    }
    return (
      <Result
        status="error"
        title={errorText(me.error)}
        extra={
          <Button type="primary" onClick={() => void me.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (me.data.user.mustChangePassword && location.pathname !== '/change-password') {
    return <Navigate to="/change-password" replace />;
  }
  // The policy requires a second factor: nothing else opens until it is enrolled.
  if (!me.data.user.mustChangePassword && me.data.user.mfaEnrollmentRequired && location.pathname !== ACCOUNT_SECURITY_PATH) {
    return <Navigate to={ACCOUNT_SECURITY_PATH} replace />;
  }
  return <Outlet />;
}
