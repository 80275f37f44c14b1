// Login with lockout, logout, password change. Every outcome is audited in the same transaction.
import { hash, verify } from '@node-rs/argon2';
import { passwordPolicyError } from '@gonghui/common';
import type { Ctx } from '../../platform/authz/index.ts';
import { hashToken, newToken, sessionRepo, SESSION_MAX_MS } from '../../platform/authz/index.ts';
import { recordAudit, originOf, type AuditOrigin } from '../../platform/audit/index.ts';
import { asSystem, type Db } from '../../platform/db/index.ts';
import { AppError, invalid } from '../../platform/http/index.ts';
import { rolesRepo, usersRepo } from '../users/index.ts';
import type { MfaChallenge, MfaLogin } from './mfa.login.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MS = 15 * 60_000;

// Unknown usernames still cost one argon2 verification, so timing does not reveal which names exist.
const dummyHash = hash('not-a-real-password-Gh1!');

export interface LoginResult {
  token: string;
  csrfToken: string;
  user: usersRepo.UserWithOrg;
  permissions: string[];
}

export function createAuthService({ db, mfa }: { db: Db; mfa: Pick<MfaLogin, 'challenge'> }) {
  // Login looks the name up across the federation: a system context, whoever (if anyone) is signed in.
  function login(username: string, password: string, ip: string | null, requestId: string, oldToken?: string): Promise<LoginResult | MfaChallenge> {
    return asSystem(() => loginAsSystem(username, password, ip, requestId, oldToken));
  }

  async function loginAsSystem(username: string, password: string, ip: string | null, requestId: string, oldToken?: string): Promise<LoginResult | MfaChallenge> {
    const user = await usersRepo.findByUsername(db, username);
    const ok = await verify(user?.passwordHash ?? (await dummyHash), password).catch(() => false);
    const origin: AuditOrigin = { actorId: user?.id ?? null, actorName: user?.username ?? username.slice(0, 50), ip, requestId };
    const now = new Date();
    const locked = Boolean(user?.lockedUntil && user.lockedUntil > now);

    if (!user || user.disabled || locked || !ok) {
      await db.transaction(async (tx) => {
        let action = 'auth.login_failed';
        const reason = !user ? 'unknown_user' : user.disabled ? 'disabled' : locked ? 'locked' : 'bad_password';
        if (user && !user.disabled && !locked) {
          const failures = user.failedAttempts + 1;
          const lockNow = failures >= MAX_FAILED_LOGINS;
          await usersRepo.update(tx, user.id, lockNow ? { failedAttempts: 0, lockedUntil: new Date(now.getTime() + LOCK_MS) } : { failedAttempts: failures });
          if (lockNow) action = 'auth.locked';
        }
        await recordAudit(tx, origin, { action, orgId: user?.orgId, orgPath: user?.orgPath, entityType: 'user', entityId: user?.id, after: { reason } });
      });
      throw new AppError('LOGIN_FAILED');
    }

    // Password verified: a user with an active second factor gets a pending login instead of a session.
    const challenge = await mfa.challenge(user, origin);
    if (challenge) return challenge;

    const token = newToken();
    const csrfToken = newToken();
    await db.transaction(async (tx) => {
      // Rotate: whatever session the browser presented before login is ended.
      if (oldToken) await sessionRepo.deleteSession(tx, hashToken(oldToken));
      await sessionRepo.insertSession(tx, { id: hashToken(token), userId: user.id, csrfToken, expiresAt: new Date(now.getTime() + SESSION_MAX_MS), ip });
      await usersRepo.update(tx, user.id, { failedAttempts: 0, lockedUntil: null, lastLoginAt: now });
      await recordAudit(tx, origin, { action: 'auth.login', orgId: user.orgId, orgPath: user.orgPath, entityType: 'user', entityId: user.id });
    });
    const permissions = [...new Set((await rolesRepo.findByKeys(db, user.roles)).flatMap((r) => r.permissions))].sort();
    return { token, csrfToken, user, permissions };
  }

  async function logout(ctx: Ctx): Promise<void> {
    await db.transaction(async (tx) => {
      await sessionRepo.deleteSession(tx, ctx.actor.sessionId);
      await recordAudit(tx, originOf(ctx), { action: 'auth.logout', orgId: ctx.actor.orgId, orgPath: ctx.actor.orgPath, entityType: 'user', entityId: ctx.actor.userId });
    });
  }

  async function changePassword(ctx: Ctx, oldPassword: string, newPassword: string): Promise<void> {
    const user = await usersRepo.findInScope(db, ctx.actor.orgPath, ctx.actor.userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    if (!(await verify(user.passwordHash, oldPassword).catch(() => false))) throw invalid('oldPassword', '原密码不正确');
    if (oldPassword === newPassword) throw invalid('newPassword', '新密码不能与原密码相同');
    const policy = passwordPolicyError(newPassword);
    if (policy) throw invalid('newPassword', policy);
    const passwordHash = await hash(newPassword);
    await db.transaction(async (tx) => {
      await usersRepo.update(tx, user.id, { passwordHash, mustChangePassword: false });
      await sessionRepo.deleteUserSessions(tx, user.id, ctx.actor.sessionId);
      await recordAudit(tx, originOf(ctx), { action: 'auth.password_changed', orgId: user.orgId, orgPath: user.orgPath, entityType: 'user', entityId: user.id });
    });
  }

  return { login, logout, changePassword };
}

export type AuthService = ReturnType<typeof createAuthService>;
