import type { TRole, TUser } from '@gonghui/common';
import type { UserWithOrg } from './users.repo.ts';
import type { RoleRow } from './roles.repo.ts';

// Never returns the password hash, throttle counters or session data.
export function presentUser(u: UserWithOrg): TUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    orgId: u.orgId,
    orgName: u.orgName,
    roles: u.roles,
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    locked: u.lockedAt !== null,
    lastLoginAt: u.lastLoginAt ? u.lastLoginAt.toISOString() : null,
    createdAt: u.createdAt.toISOString(),
  };
}

export function presentRole(r: RoleRow): TRole {
  return { key: r.key, name: r.name, permissions: r.permissions, builtin: r.builtin, orgId: r.orgId };
}
