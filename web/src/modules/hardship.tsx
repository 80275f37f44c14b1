import { SolutionOutlined } from '@ant-design/icons';
import { defineWebModule, page } from './define.ts';

export const hardshipWebModule = defineWebModule({
  key: 'hardship',
  routes: [
    { path: 'hardship-files', lazy: page(() => import('../pages/hardship/HardshipFilesPage.tsx'), 'HardshipFilesPage') },
    { path: 'hardship-files/:id', lazy: page(() => import('../pages/hardship/HardshipFileDetailPage.tsx'), 'HardshipFileDetailPage') },
  ],
  menu: [{ path: '/hardship-files', labelKey: 'hardship.menu', permission: 'hardship:read', icon: <SolutionOutlined /> }],
});
