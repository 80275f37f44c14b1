import { UserAddOutlined } from '@ant-design/icons';
import { defineWebModule, page } from './define.ts';

// 入会申请: listed right after the members' entries (会员, 会员接转 …).
export const joinApplicationsWebModule = defineWebModule({
  key: 'join-applications',
  routes: [
    { path: 'join-applications', lazy: page(() => import('../pages/join/JoinApplicationsPage.tsx'), 'JoinApplicationsPage') },
    { path: 'join-applications/:id', lazy: page(() => import('../pages/join/JoinApplicationDetailPage.tsx'), 'JoinApplicationDetailPage') },
  ],
  menu: [{ path: '/join-applications', labelKey: 'join.menu', permission: 'join:read', icon: <UserAddOutlined /> }],
});
