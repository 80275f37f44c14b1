// Accounts and roles: creation, edits, disabling, with the grant rules and audit in the same transaction.
import { hash } from '@node-rs/argon2';
import type { z } from 'zod';
import { passwordPolicyError, type ZRoleCreate, type ZUserCreate, type ZUserUpdate } from '@gonghui/common';
import type { Ctx } from '../../platform/authz/index.ts';
import { sessionRepo } from '../../platform/authz/index.ts';
import { originOf, recordAudit } from '../../platform/audit/index.ts';
import { asSystem, type Db } from '../../platform/db/index.ts';
import { AppError, duplicate, invalid, notFound } from '../../platform/http/index.ts';
import { findOrgInScope } from '../orgs/index.ts';
import * as rolesRepo from './roles.repo.ts';
import * as usersRepo from './users.repo.ts';
import { ROLE_KEY_UNIQUE, USERNAME_UNIQUE } from './users.constraints.ts';
import { assertManageable, assertSeparated, assertSubset, loadUserInScope, permissionsOfRoles } from './users.policy.ts';

export const hashPassword = (pw: string) => hash(pw);

/** The parts of the policy that need to know whose password it is (the rest runs in the Zod schema). */
function checkPassword(password: string, username: string, orgName: string): void {
  const err = passwordPolicyError(password, { username, orgName });
  if (err) throw invalid('password', err);
}

export function createUserService({ db }: { db: Db }) {
  async function create(ctx: Ctx, input: z.infer<typeof ZUserCreate>) {
    const passwordHash = await hashPassword(input.password);
    return db.transaction(async (tx) => {
      const org = await findOrgInScope(tx, ctx.actor.orgPath, input.orgId);
      if (!org) throw notFound('组织');
      assertManageable(ctx.actor, org.path);
      checkPassword(input.password, input.username, org.name);
      const granted = await permissionsOfRoles(tx, ctx.actor, input.roles, org.path);
      assertSeparated(granted, 'roles');
      assertSubset(ctx.actor, granted, '分配该角色');
      // Usernames are unique across the federation, not only within the actor's scope.
      if (await asSystem(() => usersRepo.findByUsername(tx, input.username))) throw duplicate(USERNAME_UNIQUE);
      const u = await usersRepo.insert(tx, {
        orgId: org.id,
        username: input.username,
        displayName: input.displayName ?? null,
        passwordHash,
        roles: input.roles,
        mustChangePassword: true,
      });
      await recordAudit(tx, originOf(ctx), {
        action: 'user.create',
        orgId: org.id,
        orgPath: org.path,
        entityType: 'user',
        entityId: u.id,
        after: { username: u.username, orgId: org.id, roles: u.roles },
      });
      return { ...u, orgName: org.name, orgPath: org.path, lockedAt: null };
    });
  }

  async function update(ctx: Ctx, id: number, input: z.infer<typeof ZUserUpdate>) {
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
    return db.transaction(async (tx) => {
      const target = await loadUserInScope(tx, ctx.actor, id);
      if (input.password) checkPassword(input.password, target.username, target.orgName);
      // Own password changes go through /auth/password, which asks for the old one; one's own name is fine.
      if (id === ctx.actor.userId) {
        if (input.disabled || input.roles || input.password)
          throw new AppError('FORBIDDEN', '不能停用自己、修改自己的角色或在此重置自己的密码');
      } else {
        assertManageable(ctx.actor, target.orgPath);
      }
      assertSubset(ctx.actor, await permissionsOfRoles(tx, ctx.actor, target.roles), '管理该用户');
      if (input.roles) {
        const granted = await permissionsOfRoles(tx, ctx.actor, input.roles, target.orgPath);
        assertSeparated(granted, 'roles');
        assertSubset(ctx.actor, granted, '分配该角色');
      }
      const patch: Partial<usersRepo.UserInsert> = {};
      if (input.displayName !== undefined) patch.displayName = input.displayName;
      if (input.roles) patch.roles = input.roles;
      if (input.disabled !== undefined) patch.disabled = input.disabled;
      if (passwordHash) Object.assign(patch, { passwordHash, mustChangePassword: true });
      const after = await usersRepo.update(tx, id, patch);
      // A disabled account or a reset password ends every open session of that user.
      if (input.disabled || passwordHash || input.roles) await sessionRepo.deleteUserSessions(tx, id);
      await recordAudit(tx, originOf(ctx), {
        action: 'user.update',
        orgId: target.orgId,
        orgPath: target.orgPath,
        entityType: 'user',
        entityId: id,
        before: { displayName: target.displayName, roles: target.roles, disabled: target.disabled },
        after: { displayName: after.displayName, roles: after.roles, disabled: after.disabled, passwordReset: Boolean(passwordHash) },
      });
      return { ...after, orgName: target.orgName, orgPath: target.orgPath, lockedAt: target.lockedAt };
    });
  }

  async function createRole(ctx: Ctx, input: z.infer<typeof ZRoleCreate>) {
    assertSeparated(input.permissions, 'permissions');
    // Defining roles is the security admin's duty and grants nothing by itself: whoever assigns the role must
    // hold its permissions. Without security:manage, a role manager defines roles within their own permissions.
    if (!ctx.actor.permissions.has('security:manage')) assertSubset(ctx.actor, input.permissions, '创建该角色');
    return db.transaction(async (tx) => {
      if ((await rolesRepo.findByKeys(tx, [input.key])).length) throw duplicate(ROLE_KEY_UNIQUE);
      const role = await rolesRepo.insert(tx, { key: input.key, name: input.name, permissions: input.permissions, orgId: ctx.actor.orgId });
      await recordAudit(tx, originOf(ctx), {
        action: 'role.create',
        orgId: ctx.actor.orgId,
        orgPath: ctx.actor.orgPath,
        entityType: 'role',
        entityId: role.key,
        after: { name: role.name, permissions: role.permissions },
      });
      return role;
    });
  }

  return {
    create,
    update,
    createRole,
    get: (ctx: Ctx, id: number) => loadUserInScope(db, ctx.actor, id),
    list: async (ctx: Ctx, q: string | undefined, orgId: number | undefined, page: number, pageSize: number) => {
      let scopePath = ctx.actor.orgPath;
      if (orgId) {
        const org = await findOrgInScope(db, scopePath, orgId);
        if (!org) throw notFound('组织');
        scopePath = org.path;
      }
      return usersRepo.list(db, scopePath, q, page, pageSize);
    },
    roles: (ctx: Ctx) => rolesRepo.listVisible(db, ctx.actor.orgPath),
  };
}

export type UserService = ReturnType<typeof createUserService>;
