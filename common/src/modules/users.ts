// Cadre accounts and roles.
import { defineCatalogue } from './define.ts';

export const usersCatalogue = defineCatalogue({
  key: 'users',
  label: '用户与角色',
  permissions: { 'user:read': '查看用户', 'user:manage': '管理用户', 'role:read': '查看角色', 'role:manage': '管理角色' },
  audit: {
    user: {
      label: '用户与角色',
      actions: {
        'user.create': '新建用户',
        'user.update': '修改用户',
        'user.unlock': '解锁账号',
        'user.disabled_dormant': '长期未登录停用',
        'role.create': '新建角色',
      },
    },
  },
  entities: { user: '用户', role: '角色' },
});
