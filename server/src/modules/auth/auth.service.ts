// Login, logout, password change and unlock. Every outcome is audited in the same transaction as its effect.
// Login runs: reserve an attempt (throttle) → verify the password → passwordVerified() → startSession(); a
// second factor belongs between the last two.
import { hash, verify } from '@node-rs/argon2';
import { passwordPolicyError } from '@gonghui/common';
import type { Ctx } from '../../platform/authz/index.ts';
import { hashToken, newToken, sessionRepo, SESSION_MAX_MS } from '../../platform/authz/index.ts';
import { recordAudit, originOf, type AuditOrigin } from '../../platform/audit/index.ts';
import { asSystem, type Db } from '../../platform/db/index.ts';
import { AppError, invalid } from '../../platform/http/index.ts';
import {
  findUserByUsername,
  findUserInScope,
  loadUserInScope,
  permissionsOfRoles,
  recordUserLogin,
  setOwnPassword,
  type UserWithOrg,
} from '../users/index.ts';
import { disableDormantUser, isDormant, passwordExpired } from './dormant.ts';
import { alertOnTiers, reserveAttempt, succeeded, unlockAccount, type Attempt } from './throttle.ts';
import type { MfaChallenge, MfaLogin } from './mfa.login.ts';

// Unknown usernames still cost one argon2 verification, so timing does not reveal which names exist.
const dummyHash = hash('not-a-real-password-Gh1!');

export interface AuthOptions {
  /** 0 = passwords never expire. */
  passwordMaxAgeDays: number;
  /** 0 = accounts are never disabled for dormancy. */
  dormantDays: number;
}

export interface LoginInput {
  username: string;
  password: string;
  ip: string | null;
  requestId: string;
  /** The session cookie the browser presented before login; it is ended (rotation). */
  oldToken?: string;
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  user: UserWithOrg;
  permissions: string[];
}

export function createAuthService({ db, opts, mfa }: { db: Db; opts: AuthOptions; mfa: Pick<MfaLogin, 'challenge'> }) {
  // Login looks the name up across the federation: a system context, whoever (if anyone) is signed in.
  function login(input: LoginInput): Promise<LoginResult | MfaChallenge> {
    return asSystem(() => loginAsSystem(input));
  }

  async function loginAsSystem(input: LoginInput): Promise<LoginResult | MfaChallenge> {
    const attempt = await reserveAttempt(db, input.username, input.ip);
    const user = await findUserByUsername(db, input.username);
    const ok = await verify(user?.passwordHash ?? (await dummyHash), input.password).catch(() => false);
    const origin: AuditOrigin = {
      actorId: user?.id ?? null,
      actorName: user?.username ?? input.username.slice(0, 50),
      ip: input.ip,
      requestId: input.requestId,
    };

    if (!user || user.disabled || !ok) {
      const reason = !user ? 'unknown_user' : user.disabled ? 'disabled' : 'bad_password';
      await db.transaction(async (tx) => {
        await recordAudit(tx, origin, {
          action: 'auth.login_failed',
          orgId: user?.orgId,
          orgPath: user?.orgPath,
          entityType: 'user',
          entityId: user?.id,
          after: { reason },
        });
        await alertOnTiers(tx, attempt, origin, user);
      });
      throw new AppError('LOGIN_FAILED');
    }

    await passwordVerified(attempt);
    if (isDormant(user, opts.dormantDays)) {
      await disableDormantUser(db, origin, user, opts.dormantDays);
      throw new AppError('LOGIN_FAILED');
    }
    // Password verified: a user with an active second factor gets a pending login instead of a session.
    const challenge = await mfa.challenge(user, origin);
    if (challenge) return challenge;
    return startSession(user, origin, input.oldToken);
  }

  /** The password was right: the account's failures are forgiven and the IP gets this attempt back. */
  async function passwordVerified(attempt: Attempt): Promise<void> {
    await db.transaction((tx) => succeeded(tx, attempt));
  }

  /** The one place a login becomes a session (after every factor has been checked). */
  async function startSession(user: UserWithOrg, origin: AuditOrigin, oldToken?: string): Promise<LoginResult> {
    const now = new Date();
    const expired = passwordExpired(user, opts.passwordMaxAgeDays, now);
    const token = newToken();
    const csrfToken = newToken();
    await db.transaction(async (tx) => {
      if (oldToken) await sessionRepo.deleteSession(tx, hashToken(oldToken));
      await sessionRepo.insertSession(tx, {
        id: hashToken(token),
        userId: user.id,
        csrfToken,
        expiresAt: new Date(now.getTime() + SESSION_MAX_MS),
        ip: origin.ip,
      });
      await recordUserLogin(tx, user.id, now, expired);
      const entity = { orgId: user.orgId, orgPath: user.orgPath, entityType: 'user', entityId: user.id };
      if (expired)
        await recordAudit(tx, origin, { action: 'auth.password_expired', ...entity, after: { maxAgeDays: opts.passwordMaxAgeDays } });
      await recordAudit(tx, origin, { action: 'auth.login', ...entity });
    });
    const permissions = await permissionsOfRoles(db, user.roles);
    return { token, csrfToken, user: { ...user, mustChangePassword: user.mustChangePassword || expired }, permissions };
  }

  async function logout(ctx: Ctx): Promise<void> {
    await db.transaction(async (tx) => {
      await sessionRepo.deleteSession(tx, ctx.actor.sessionId);
      await recordAudit(tx, originOf(ctx), {
        action: 'auth.logout',
        orgId: ctx.actor.orgId,
        orgPath: ctx.actor.orgPath,
        entityType: 'user',
        entityId: ctx.actor.userId,
      });
    });
  }

  async function changePassword(ctx: Ctx, oldPassword: string, newPassword: string): Promise<void> {
    const user = await findUserInScope(db, ctx.actor.orgPath, ctx.actor.userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    // Wrong old passwords count against the account like wrong logins: a stolen session cannot guess freely.
    const attempt = await reserveAttempt(db, user.username, ctx.ip, ['account']);
    if (!(await verify(user.passwordHash, oldPassword).catch(() => false))) {
      await db.transaction(async (tx) => {
        const origin = originOf(ctx);
        await recordAudit(tx, origin, {
          action: 'auth.password_change_failed',
          orgId: user.orgId,
          orgPath: user.orgPath,
          entityType: 'user',
          entityId: user.id,
        });
        const { locked } = await alertOnTiers(tx, attempt, origin, user);
        if (locked) await sessionRepo.deleteUserSessions(tx, user.id);
      });
      throw invalid('oldPassword', '原密码不正确');
    }
    await passwordVerified(attempt);
    if (oldPassword === newPassword) throw invalid('newPassword', '新密码不能与原密码相同');
    const policy = passwordPolicyError(newPassword, { username: user.username, orgName: user.orgName });
    if (policy) throw invalid('newPassword', policy);
    const passwordHash = await hash(newPassword);
    await db.transaction(async (tx) => {
      await setOwnPassword(tx, user.id, passwordHash);
      await sessionRepo.deleteUserSessions(tx, user.id, ctx.actor.sessionId);
      await recordAudit(tx, originOf(ctx), {
        action: 'auth.password_changed',
        orgId: user.orgId,
        orgPath: user.orgPath,
        entityType: 'user',
        entityId: user.id,
      });
    });
  }

  /** Lifts the hard lock (security:manage, target in the actor's subtree). */
  async function unlock(ctx: Ctx, id: number): Promise<UserWithOrg> {
    if (id === ctx.actor.userId) throw new AppError('FORBIDDEN', '不能解锁自己的账号，请联系其他安全管理员');
    return db.transaction(async (tx) => {
      const target = await loadUserInScope(tx, ctx.actor, id);
      await unlockAccount(tx, target.username);
      await recordAudit(tx, originOf(ctx), {
        action: 'user.unlock',
        orgId: target.orgId,
        orgPath: target.orgPath,
        entityType: 'user',
        entityId: id,
        before: { locked: target.lockedAt !== null },
        after: { locked: false },
      });
      return { ...target, lockedAt: null };
    });
  }

  return { login, logout, changePassword, unlock, passwordVerified, startSession };
}

export type AuthService = ReturnType<typeof createAuthService>;
