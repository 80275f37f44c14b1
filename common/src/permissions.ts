// Permission names (declared by each module's catalogue) and the built-in roles. A user's permissions apply to their org's whole subtree.
import { PERMISSION_LABELS, type Permission } from './modules/assemble.ts';

export { PERMISSION_LABELS, type Permission };

/** Every permission, in the order of the module catalogues (common/src/modules/index.ts). */
export const PERMISSIONS = Object.keys(PERMISSION_LABELS) as [Permission, ...Permission[]];

/** Permissions whose holders must use a second factor (TOTP) where the org's MFA policy requires it. */
export const SENSITIVE_PERMISSIONS: readonly Permission[] = [
  'user:manage',
  'role:manage',
  'audit:read',
  'member:view_sensitive',
  'security:manage',
  'export:approve',
  'mutual_aid:view_health',
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
  'mutual_aid:view_health',
];

export const BUILTIN_ROLES = {
  org_admin: { name: '工会管理员', permissions: PERMISSIONS.filter((p) => !NOT_FOR_ORG_ADMIN.includes(p)) },
  viewer: {
    name: '只读查看',
    permissions: [
      'org:read',
      'user:read',
      'role:read',
      'member:read',
      'stats:read',
      'report:read',
      'ledger:read',
      'hardship:read',
      'assistance:read',
      'rights:read',
      'appeal:read',
      'mutual_aid:read',
      'join:read',
      'member_account:read',
    ] as Permission[],
  },
  system_admin: {
    name: '系统管理员',
    permissions: [
      'org:read',
      'org:create',
      'org:update',
      'org:event',
      'org:import',
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
    permissions: [
      'org:read',
      'member:read',
      'member:export',
      'member:view_sensitive',
      'export:approve',
      'mutual_aid:read',
      'mutual_aid:view_health',
    ] as Permission[],
  },
} as const;
export type BuiltinRoleKey = keyof typeof BUILTIN_ROLES;
