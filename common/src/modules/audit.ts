// The audit log's reader (the actions are declared by the modules that record them).
import { defineCatalogue } from './define.ts';

export const auditCatalogue = defineCatalogue({
  key: 'audit',
  label: '审计日志',
  permissions: { 'audit:read': '查看审计日志' },
});
