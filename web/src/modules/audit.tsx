import { AuditOutlined } from '@ant-design/icons';
import { defineWebModule, page } from './define.ts';

export const auditWebModule = defineWebModule({
  key: 'audit',
  routes: [{ path: 'audit', lazy: page(() => import('../pages/audit/AuditPage.tsx'), 'AuditPage') }],
  menu: [{ path: '/audit', labelKey: 'menu.audit', permission: 'audit:read', icon: <AuditOutlined /> }],
});
