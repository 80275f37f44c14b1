import { CommentOutlined } from '@ant-design/icons';
import { defineWebModule, page } from './define.ts';

export const appealsWebModule = defineWebModule({
  key: 'appeals',
  routes: [
    { path: 'appeals', lazy: page(() => import('../pages/appeals/AppealsPage.tsx'), 'AppealsPage') },
    { path: 'appeals/:id', lazy: page(() => import('../pages/appeals/AppealDetailPage.tsx'), 'AppealDetailPage') },
  ],
  menu: [{ path: '/appeals', labelKey: 'appeals.menu', permission: 'appeal:read', icon: <CommentOutlined /> }],
});
