// Nobody grants a permission they do not hold, and nobody manages an account more powerful than their own.
import { breaksSeparation } from '@gonghui/common';
import type { Actor } from '../../platform/authz/index.ts';
import { AppError, invalid, notFound } from '../../platform/http/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import * as rolesRepo from './roles.repo.ts';
import * as usersRepo from './users.repo.ts';

export async function loadUserInScope(db: DbOrTx, actor: Actor, id: number) {
  const u = await usersRepo.findInScope(db, actor.orgPath, id);
  if (!u) throw notFound('用户');
  return u;
}

/**
 * Resolves role keys the actor may see and returns the union of their permissions. With `forOrgPath`, each role
 * must also be usable there: a custom role serves only its owner org's subtree.
 */
export async function permissionsOfRoles(db: DbOrTx, actor: Actor, keys: string[], forOrgPath?: string): Promise<Set<string>> {
  const visible = new Map((await rolesRepo.listVisible(db, actor.orgPath)).map((r) => [r.key, r]));
  const perms = new Set<string>();
  for (const k of keys) {
    const r = visible.get(k);
    if (!r) throw invalid('roles', `角色「${k}」不存在`);
    if (forOrgPath && r.ownerPath && !forOrgPath.startsWith(r.ownerPath))
      throw invalid('roles', `角色「${r.name}」只能用于其所属组织及下级组织`);
    r.permissions.forEach((p) => perms.add(p));
  }
  return perms;
}

export function assertSubset(actor: Actor, perms: Iterable<string>, what: string): void {
  const missing = [...perms].filter((p) => !actor.permissions.has(p));
  if (missing.length) throw new AppError('FORBIDDEN', `不能${what}：包含您自己没有的权限（${missing.join('、')}）`);
}

/**
 * Accounts are managed from above: the target's org must be strictly below the actor's. A holder of security:manage
 * may also manage accounts of their own org (peers never reset each other's credentials otherwise).
 */
export function assertManageable(actor: Actor, targetOrgPath: string): void {
  if (targetOrgPath === actor.orgPath && !actor.permissions.has('security:manage')) {
    throw new AppError('FORBIDDEN', '不能管理本级组织的账号：请由上级组织或安全管理员办理');
  }
}

/** 三员分立: nobody holds user management, role or security management and audit reading at once. */
export function assertSeparated(perms: Iterable<string>, field: 'roles' | 'permissions'): void {
  if (breaksSeparation(perms)) {
    throw invalid(field, '不能同时拥有用户管理、角色或安全管理、审计日志查看三类权限（三员分立）');
  }
}
