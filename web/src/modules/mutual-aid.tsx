import { FileProtectOutlined, MedicineBoxOutlined, SolutionOutlined, TeamOutlined } from '@ant-design/icons';
import { defineWebModule, page } from './define.ts';

export const mutualAidWebModule = defineWebModule({
  key: 'mutual-aid',
  routes: [
    { path: 'mutual-aid/plans', lazy: page(() => import('../pages/mutual-aid/PlansPage.tsx'), 'PlansPage') },
    { path: 'mutual-aid/plans/:id', lazy: page(() => import('../pages/mutual-aid/PlanDetailPage.tsx'), 'PlanDetailPage') },
    { path: 'mutual-aid/enrolments', lazy: page(() => import('../pages/mutual-aid/EnrolmentsPage.tsx'), 'EnrolmentsPage') },
    { path: 'mutual-aid/claims', lazy: page(() => import('../pages/mutual-aid/ClaimsPage.tsx'), 'ClaimsPage') },
    { path: 'mutual-aid/claims/:id', lazy: page(() => import('../pages/mutual-aid/ClaimDetailPage.tsx'), 'ClaimDetailPage') },
  ],
  menu: [
    {
      path: '/mutual-aid/claims',
      labelKey: 'mutualAid.menuClaims',
      permission: 'mutual_aid:read',
      icon: <SolutionOutlined />,
      group: 'mutualAid',
    },
    {
      path: '/mutual-aid/enrolments',
      labelKey: 'mutualAid.menuEnrolments',
      permission: 'mutual_aid:read',
      icon: <TeamOutlined />,
      group: 'mutualAid',
    },
    {
      path: '/mutual-aid/plans',
      labelKey: 'mutualAid.menuPlans',
      permission: 'mutual_aid:read',
      icon: <FileProtectOutlined />,
      group: 'mutualAid',
    },
  ],
  menuGroups: { mutualAid: { labelKey: 'mutualAid.menu', icon: <MedicineBoxOutlined /> } },
});
