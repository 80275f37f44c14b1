import { SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import { defineWebModule, page } from './define.ts';

export const usersWebModule = defineWebModule({
  key: 'users',
  routes: [
    { path: 'users', lazy: page(() => import('../pages/users/UsersPage.tsx'), 'UsersPage') },
    { path: 'roles', lazy: page(() => import('../pages/roles/RolesPage.tsx'), 'RolesPage') },
  ],
  menu: [
    { path: '/users', labelKey: 'menu.users', permission: 'user:read', icon: <TeamOutlined /> },
    { path: '/roles', labelKey: 'menu.roles', permission: 'role:read', icon: <SafetyCertificateOutlined /> },
  ],
});
