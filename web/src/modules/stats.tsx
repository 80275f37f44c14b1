import { BarChartOutlined, DashboardOutlined, FlagOutlined } from '@ant-design/icons';
import { defineWebModule, page } from './define.ts';

export const statsWebModule = defineWebModule({
  key: 'stats',
  routes: [
    { path: 'dashboard', lazy: page(() => import('../pages/stats/DashboardPage.tsx'), 'DashboardPage') },
    { path: 'stats', lazy: page(() => import('../pages/stats/StatsPage.tsx'), 'StatsPage') },
    { path: 'targets', lazy: page(() => import('../pages/targets/TargetsPage.tsx'), 'TargetsPage') },
  ],
  menuGroups: { stats: { labelKey: 'menu.statsGroup', icon: <BarChartOutlined /> } },
  menu: [
    { path: '/dashboard', labelKey: 'menu.dashboard', permission: 'stats:read', icon: <DashboardOutlined />, group: 'stats' },
    { path: '/stats', labelKey: 'menu.stats', permission: 'stats:read', icon: <BarChartOutlined />, group: 'stats' },
    { path: '/targets', labelKey: 'menu.targets', permission: 'stats:read', icon: <FlagOutlined />, group: 'stats' },
  ],
});
