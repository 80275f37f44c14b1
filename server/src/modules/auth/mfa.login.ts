// The second step of login. After the password is verified, a user with an active second factor gets a pending
// login (random token in its own HttpOnly cookie, only its hash stored, 5 minutes, 5 attempts) instead of a session;
// POST /auth/login/mfa with a TOTP or recovery code turns it into a session. Every outcome is audited.
import { recordAudit, type AuditOrigin } from '../../platform/audit/index.ts';
import { hashToken, newToken, sessionRepo, SESSION_MAX_MS } from '../../platform/authz/index.ts';
import type { FieldCrypto } from '../../platform/crypto/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/index.ts';
import { findUserByUsername, permissionsOfRoles, recordUserLogin, type UserWithOrg } from '../users/index.ts';
import type { LoginResult } from './auth.service.ts';
import * as mfaRepo from './mfa.repo.ts';
import { spendCode, type FactorUsed } from './mfa.verify.ts';

export const MFA_PENDING_MS = 5 * 60_000;
/** Attempts per pending login; after that the password must be entered again. */
export const MFA_MAX_ATTEMPTS = 5;
/** Consecutive wrong codes across pending logins before the account's second factor pauses. */
export const MFA_MAX_USER_FAILURES = 10;
export const MFA_LOCK_MS = 15 * 60_000;

export interface MfaChallenge {
  mfaRequired: true;
  pendingToken: string;
}

type LoginUser = Pick<UserWithOrg, 'id' | 'orgId' | 'orgPath'>;

class WrongCode extends Error {}

export function createMfaLogin({ db, crypto }: { db: Db; crypto: FieldCrypto }) {
  /** Called by login() once the password is verified: a challenge when the user has an active second factor. */
  async function challenge(user: LoginUser, origin: AuditOrigin): Promise<MfaChallenge | null> {
    const enrolment = await mfaRepo.findEnrolment(db, user.id);
    if (!enrolment?.confirmedAt) return null;
    const pendingToken = newToken();
    await db.transaction(async (tx) => {
      await mfaRepo.insertPendingLogin(tx, {
        id: hashToken(pendingToken),
        userId: user.id,
        expiresAt: new Date(Date.now() + MFA_PENDING_MS),
        ip: origin.ip,
      });
      await recordAudit(tx, origin, {
        action: 'auth.mfa_challenge',
        orgId: user.orgId,
        orgPath: user.orgPath,
        entityType: 'user',
        entityId: user.id,
      });
    });
    return { mfaRequired: true, pendingToken };
  }

  async function complete(
    pendingToken: string | undefined,
    code: string,
    ip: string | null,
    requestId: string,
    oldToken?: string,
  ): Promise<LoginResult> {
    if (!pendingToken) throw new AppError('MFA_LOGIN_EXPIRED');
    const pendingId = hashToken(pendingToken);
    // The attempt is spent before the code is looked at: parallel guesses cannot exceed the limit.
    const spent = await mfaRepo.spendAttempt(db, pendingId, MFA_MAX_ATTEMPTS);
    if (!spent) throw new AppError('MFA_LOGIN_EXPIRED');
    const username = await mfaRepo.usernameOf(db, spent.userId);
    const user = username ? await findUserByUsername(db, username) : undefined;
    const enrolment = await mfaRepo.findEnrolment(db, spent.userId);
    const now = new Date();
    // A hard-locked account (20 failures in 24 h, lifted by a security admin) gets no session either.
    if (!user || user.disabled || user.lockedAt || !enrolment?.confirmedAt) {
      await mfaRepo.deletePendingLogin(db, pendingId);
      throw new AppError('MFA_LOGIN_EXPIRED');
    }
    const origin: AuditOrigin = { actorId: user.id, actorName: user.username, ip, requestId };
    const paused = Boolean(enrolment.lockedUntil && enrolment.lockedUntil > now);

    const token = newToken();
    const csrfToken = newToken();
    let factor: FactorUsed | null = null;
    try {
      factor = await db.transaction(async (tx) => {
        const used = paused ? null : await spendCode(tx, crypto, enrolment, code, { allowRecovery: true });
        if (!used) throw new WrongCode();
        // Only the request that removes the pending login opens a session (its code spend rolls back otherwise).
        if (!(await mfaRepo.deletePendingLogin(tx, pendingId))) throw new AppError('MFA_LOGIN_EXPIRED');
        // Mirrors the end of login() in auth.service.ts: rotate the session, clear failures, audit.
        if (oldToken) await sessionRepo.deleteSession(tx, hashToken(oldToken));
        await sessionRepo.insertSession(tx, {
          id: hashToken(token),
          userId: user.id,
          csrfToken,
          expiresAt: new Date(now.getTime() + SESSION_MAX_MS),
          ip,
        });
        await recordUserLogin(tx, user.id, now);
        await recordAudit(tx, origin, {
          action: 'auth.login',
          orgId: user.orgId,
          orgPath: user.orgPath,
          entityType: 'user',
          entityId: user.id,
          after: { mfa: used },
        });
        return used;
      });
    } catch (e) {
      if (!(e instanceof WrongCode)) throw e;
    }
    if (!factor) {
      await recordFailure(user, origin, spent.attempts, paused ? 'paused' : 'wrong_code', pendingId);
      throw new AppError('MFA_FAILED', undefined, 'code');
    }
    const permissions = await permissionsOfRoles(db, user.roles);
    return { token, csrfToken, user, permissions };
  }

  async function recordFailure(user: UserWithOrg, origin: AuditOrigin, attempt: number, reason: string, pendingId: string): Promise<void> {
    await db.transaction(async (tx) => {
      const base = { orgId: user.orgId, orgPath: user.orgPath, entityType: 'user', entityId: user.id };
      const failures = reason === 'paused' ? 0 : await mfaRepo.countFailure(tx, user.id);
      const voided = attempt >= MFA_MAX_ATTEMPTS;
      if (voided) await mfaRepo.deletePendingLogin(tx, pendingId);
      await recordAudit(tx, origin, { ...base, action: 'auth.mfa_failed', after: { reason, attempt, pendingVoided: voided } });
      if (failures >= MFA_MAX_USER_FAILURES) {
        await mfaRepo.lockUntil(tx, user.id, new Date(Date.now() + MFA_LOCK_MS));
        await recordAudit(tx, origin, { ...base, action: 'auth.mfa_locked', after: { failures } });
      }
    });
  }

  return { challenge, complete };
}

export type MfaLogin = ReturnType<typeof createMfaLogin>;
