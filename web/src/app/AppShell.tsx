// ProLayout shell: permission-filtered menu, user and org in the header, notifications, language switch, password
// change, logout.
import { Dropdown, Result } from 'antd';
import { KeyOutlined, LogoutOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { ProLayout } from '@ant-design/pro-components';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { authApi } from '../api/endpoints.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { NotificationBell } from '../components/NotificationBell.tsx';
import { notifyError, notifySuccess } from '../utils/notify.ts';
import { useIsPhone } from '../utils/useIsPhone.ts';
import { allowedMenu, menuEntryOf, menuRoutes } from './menu.tsx';
import { queryClient } from './queryClient.ts';
import { useSession } from './session.ts';

function Logo() {
  return (
    <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="6" fill="#c8161d" />
      <text x="16" y="23" fontSize="18" textAnchor="middle" fill="#fff">
        工
      </text>
    </svg>
  );
}

export function AppShell() {
  const { t } = useTranslation();
  const wide = !useIsPhone();
  const me = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const menu = allowedMenu(me.user.permissions);
  const current = menuEntryOf(location.pathname);
  // "/" decides for itself (工作台, or the first page the user may see).
  const forbidden = current !== undefined && current.path !== '/' && !me.user.permissions.includes(current.permission);

  const logout = async () => {
    try {
      await authApi.logout();
      notifySuccess(t('header.loggedOut'));
    } catch (err) {
      notifyError(err);
    } finally {
      queryClient.clear();
      void navigate('/login', { replace: true });
    }
  };

  const userMenu = {
    items: [
      {
        key: 'security',
        icon: <SafetyOutlined />,
        label: <span data-testid="account-security">{t('header.accountSecurity')}</span>,
        onClick: () => void navigate('/account-security'),
      },
      { key: 'password', icon: <KeyOutlined />, label: t('header.changePassword'), onClick: () => void navigate('/change-password') },
      { type: 'divider' as const },
      {
        key: 'logout',
        icon: <LogoutOutlined />,
        label: <span data-testid="logout">{t('header.logout')}</span>,
        onClick: () => void logout(),
      },
    ],
  };

  return (
    <ProLayout
      title={t('app.title')}
      logo={<Logo />}
      layout="mix"
      fixSiderbar
      fixedHeader
      siderWidth={200}
      // A phone keeps its few pixels for the page: the layout's 40 px desktop gutters shrink to 12.
      contentStyle={wide ? undefined : { paddingInline: 12, paddingBlock: 12 }}
      location={{ pathname: location.pathname }}
      route={{ path: '/', routes: menuRoutes(menu, t) }}
      menu={{ locale: false }}
      onMenuHeaderClick={() => void navigate('/')}
      menuItemRender={(item, dom) => (item.path ? <Link to={item.path}>{dom}</Link> : dom)}
      avatarProps={{
        size: 'small',
        icon: <UserOutlined />,
        title: (
          <span
            data-testid="current-user"
            style={
              wide
                ? undefined
                : {
                    display: 'inline-block',
                    maxWidth: 48,
                    overflow: 'hidden',
                    textOverflow: 'ellipsis',
                    whiteSpace: 'nowrap',
                    verticalAlign: 'middle',
                  }
            }
          >
            {me.user.displayName ?? me.user.username}
          </span>
        ),
        render: (_props, dom) => <Dropdown menu={userMenu}>{dom}</Dropdown>,
      }}
      actionsRender={() => [
        // On a phone the layout's title already names the org: the header keeps room for the language switch.
        wide && (
          <span
            key="org"
            data-testid="current-org"
            title={me.org.name}
            style={{
              display: 'inline-block',
              maxWidth: 240,
              overflow: 'hidden',
              textOverflow: 'ellipsis',
              whiteSpace: 'nowrap',
              color: 'rgba(0,0,0,0.55)',
              lineHeight: '22px',
              verticalAlign: 'middle',
            }}
          >
            {me.org.name}
          </span>
        ),
        <NotificationBell key="bell" />,
        <LanguageSwitch key="lang" compact={!wide} />,
      ]}
    >
      {forbidden ? <Result status="403" title="403" subTitle={t('common.forbiddenPage')} /> : <Outlet />}
    </ProLayout>
  );
}
