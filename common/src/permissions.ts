// Permission names and the built-in roles. A user's permissions apply to their org's whole subtree.
export const PERMISSIONS = [
  'org:read',
  'org:create',
  'org:update',
  'org:event',
  'user:read',
  'user:manage',
  'role:read',
  'role:manage',
  'audit:read',
  'member:read',
  'member:create',
  'member:update',
  'member:import',
  'member:export',
  'member:view_sensitive',
  'stats:read',
  'target:manage',
  'report:read',
  'report:manage',
  'security:manage',
  'export:approve',
  'calendar:manage',
  'ledger:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const PERMISSION_LABELS: Record<Permission, string> = {
  'org:read': '查看组织',
  'org:create': '新建组织',
  'org:update': '编辑组织',
  'org:event': '登记组织变更（更名、换届、升格、转出、注销）',
  'user:read': '查看用户',
  'user:manage': '管理用户',
  'role:read': '查看角色',
  'role:manage': '管理角色',
  'audit:read': '查看审计日志',
  'member:read': '查看会员',
  'member:create': '新增会员',
  'member:update': '编辑会员',
  'member:import': '导入会员',
  'member:export': '导出会员',
  'member:view_sensitive': '查看完整身份证号和手机号',
  'stats:read': '查看统计和目标完成情况',
  'target:manage': '下达和分解目标任务',
  'report:read': '查看工作总结',
  'report:manage': '生成和编辑工作总结',
  'security:manage': '安全管理（解锁账号、重置二次验证、安全策略）',
  'export:approve': '审批敏感信息（不脱敏）导出',
  'calendar:manage': '维护工作日历（法定节假日、调休上班日）',
  'ledger:read': '查看资金台账（发放记录和汇总）',
};

/** Permissions whose holders must use a second factor (TOTP) where the org's MFA policy requires it. */
export const SENSITIVE_PERMISSIONS: readonly Permission[] = [
  'user:manage',
  'role:manage',
  'audit:read',
  'member:view_sensitive',
  'security:manage',
  'export:approve',
];

/**
 * 三员分立: accounts, security (roles and security settings) and audit are separate duties. No role and no user
 * may hold one permission of each group at once.
 */
export const SEPARATED_DUTIES: readonly (readonly Permission[])[] = [['user:manage'], ['role:manage', 'security:manage'], ['audit:read']];

/** True when the permissions cover all three separated duties. */
export function breaksSeparation(perms: Iterable<string>): boolean {
  const held = new Set(perms);
  return SEPARATED_DUTIES.every((group) => group.some((p) => held.has(p)));
}

/** Kept off the day-to-day cadre role: each belongs to a separate duty (security, audit, personal data). */
const NOT_FOR_ORG_ADMIN: readonly Permission[] = [
  // Federation-wide settings: the working-day calendar that every deadline is counted in.
  'calendar:manage',
  'audit:read',
  'role:manage',
  'member:view_sensitive',
  'security:manage',
  'export:approve',
];

export const BUILTIN_ROLES = {
  org_admin: { name: '工会管理员', permissions: PERMISSIONS.filter((p) => !NOT_FOR_ORG_ADMIN.includes(p)) },
  viewer: {
    name: '只读查看',
    permissions: ['org:read', 'user:read', 'role:read', 'member:read', 'stats:read', 'report:read', 'ledger:read'] as Permission[],
  },
  system_admin: {
    name: '系统管理员',
    permissions: [
      'org:read',
      'org:create',
      'org:update',
      'org:event',
      'user:read',
      'user:manage',
      'role:read',
      'stats:read',
      'report:read',
      'calendar:manage',
    ] as Permission[],
  },
  security_admin: {
    name: '安全管理员',
    permissions: ['org:read', 'user:read', 'role:read', 'role:manage', 'security:manage'] as Permission[],
  },
  auditor: {
    name: '安全审计员',
    permissions: ['org:read', 'user:read', 'role:read', 'audit:read'] as Permission[],
  },
  privacy_officer: {
    name: '敏感信息管理员',
    permissions: ['org:read', 'member:read', 'member:export', 'member:view_sensitive', 'export:approve'] as Permission[],
  },
} as const;
export type BuiltinRoleKey = keyof typeof BUILTIN_ROLES;
