// 维权 in the console: rights cases (list with the tree and filters, detail with actions and timeline), 工伤探视 reports
// and the lawyer/mediator roster.
import { AuditOutlined, MedicineBoxOutlined, TeamOutlined } from '@ant-design/icons';
import { defineWebModule, page } from './define.ts';

export const rightsWebModule = defineWebModule({
  key: 'rights',
  routes: [
    { path: 'rights-cases', lazy: page(() => import('../pages/rights/RightsCasesPage.tsx'), 'RightsCasesPage') },
    { path: 'rights-cases/:id', lazy: page(() => import('../pages/rights/RightsCaseDetailPage.tsx'), 'RightsCaseDetailPage') },
    { path: 'rights-roster', lazy: page(() => import('../pages/rights/RosterPage.tsx'), 'RosterPage') },
    { path: 'injury-reports', lazy: page(() => import('../pages/rights/InjuryReportsPage.tsx'), 'InjuryReportsPage') },
    { path: 'injury-reports/:id', lazy: page(() => import('../pages/rights/InjuryDetailPage.tsx'), 'InjuryDetailPage') },
  ],
  menu: [
    { path: '/rights-cases', labelKey: 'rights.menuCases', permission: 'rights:read', icon: <AuditOutlined /> },
    { path: '/injury-reports', labelKey: 'rights.menuInjury', permission: 'rights:read', icon: <MedicineBoxOutlined /> },
    { path: '/rights-roster', labelKey: 'rights.menuRoster', permission: 'rights:read', icon: <TeamOutlined /> },
  ],
});
