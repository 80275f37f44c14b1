// "/" opens the first page the user may see.
import { Result } from 'antd';
import { Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { allowedMenu } from './menu.tsx';
import { useSession } from './session.ts';

export function HomeRedirect() {
  const { t } = useTranslation();
  const me = useSession();
  const first = allowedMenu(me.user.permissions)[0];
  if (first) return <Navigate to={first.path} replace />;
  return <Result status="403" title={t('common.noPermission')} />;
}
