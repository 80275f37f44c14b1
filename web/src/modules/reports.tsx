import { FileTextOutlined } from '@ant-design/icons';
import { defineWebModule, page } from './define.ts';

export const reportsWebModule = defineWebModule({
  key: 'reports',
  routes: [
    { path: 'summaries', lazy: page(() => import('../pages/summaries/SummariesPage.tsx'), 'SummariesPage') },
    { path: 'summaries/:id', lazy: page(() => import('../pages/summaries/SummaryEditorPage.tsx'), 'SummaryEditorPage') },
  ],
  // Under the statistics group: a summary is written from the figures next to it.
  menu: [{ path: '/summaries', labelKey: 'menu.summaries', permission: 'report:read', icon: <FileTextOutlined />, group: 'stats' }],
});
