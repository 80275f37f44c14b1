// Member sign-in: an SMS code proves the phone (activation, code login), a password is optional. Five wrong
// credentials lock the account for 15 minutes. Every outcome is audited in the same transaction as its effect.
import { hash, verify } from '@node-rs/argon2';
import { maskPhone, MEMBER_CONSENT_VERSION, parseIdNumber, type MemberOptionalConsent } from '@gonghui/common';
import { hashToken, newToken } from '../../platform/authz/index.ts';
import { recordAudit, type AuditOrigin } from '../../platform/audit/index.ts';
import type { FieldCrypto } from '../../platform/crypto/index.ts';
import { asSystem, type Db, type DbOrTx } from '../../platform/db/index.ts';
import { AppError, conflict, invalid } from '../../platform/http/index.ts';
import type { MessageSender } from '../../platform/sms/index.ts';
import * as repo from './accounts.repo.ts';
import type { Codes } from './codes.ts';
import { MEMBER_SESSION_MAX_MS, memberOrigin, type MemberCtx } from './member-auth.ts';

export const LOCK_AFTER = 5;
export const LOCK_MS = 15 * 60_000;
const dummyHash = hash('not-a-real-password-Gh1!');

interface Origin {
  ip: string | null;
  requestId: string;
}
export interface SessionStart {
  token: string;
  csrfToken: string;
  memberId: number;
}
export interface LoginInput {
  phone: string;
  code?: string;
  password?: string;
}

export function createMemberAuthService({
  db,
  crypto,
  codes,
  messages,
}: {
  db: Db;
  crypto: FieldCrypto;
  codes: Codes;
  messages: MessageSender;
}) {
  const phoneHashOf = (phone: string) => crypto.blindIndex('phone', phone);
  const idHashOf = (idNumber: string) => {
    const p = parseIdNumber(idNumber);
    return crypto.blindIndex('id', p.ok ? p.idNumber : idNumber);
  };
  const entity = (m: { id: number; orgId: number; orgPath: string }) => ({
    orgId: m.orgId,
    orgPath: m.orgPath,
    entityType: 'member',
    entityId: m.id,
  });

  /** Always the same answer; a code goes out only when the pair names a member on the books. */
  function requestCode(input: { idNumber: string; phone: string }, o: Origin): Promise<void> {
    return asSystem(async () => {
      const now = new Date();
      const phoneHash = phoneHashOf(input.phone);
      await codes.checkLimits(phoneHash, o.ip, now);
      const m = await repo.memberByIdAndPhone(db, idHashOf(input.idNumber), phoneHash);
      const account = m ? await repo.accountOfMember(db, m.id) : undefined;
      const purpose = !m ? 'none' : account?.activatedAt ? 'login' : 'activation';
      const code = await db.transaction(async (tx) => {
        const c = await codes.record(tx, { phoneHash, purpose, memberId: m?.id ?? null, ip: o.ip, now });
        if (m)
          await recordAudit(tx, memberOrigin(m.id, o.ip, o.requestId), {
            action: 'member_account.code_sent',
            ...entity(m),
            after: { purpose },
          });
        return c;
      });
      // Not awaited: a slow gateway must not tell a member's pair from a stranger's by the time the answer takes.
      if (code)
        void messages
          .send(input.phone, `【工会会员服务】您的验证码为${code}，5分钟内有效。如非本人操作，请忽略本短信。`)
          .catch(() => undefined);
    });
  }

  async function startSession(
    tx: DbOrTx,
    accountId: number,
    memberId: number,
    ip: string | null,
    oldToken?: string,
  ): Promise<SessionStart> {
    const token = newToken();
    const csrfToken = newToken();
    if (oldToken) await repo.deleteSession(tx, hashToken(oldToken));
    await repo.insertSession(tx, {
      id: hashToken(token),
      accountId,
      csrfToken,
      expiresAt: new Date(Date.now() + MEMBER_SESSION_MAX_MS),
      ip,
    });
    return { token, csrfToken, memberId };
  }

  async function activate(
    input: {
      idNumber: string;
      phone: string;
      code: string;
      password?: string;
      consent?: boolean;
      consentVersion?: string;
      optionalConsents?: MemberOptionalConsent[];
    },
    o: Origin & { oldToken?: string },
  ): Promise<SessionStart> {
    if (input.consent !== true) throw new AppError('MEMBER_CONSENT_REQUIRED', undefined, 'consent');
    return asSystem(async () => {
      const phoneHash = phoneHashOf(input.phone);
      const m = await repo.memberByIdAndPhone(db, idHashOf(input.idNumber), phoneHash);
      if (!m) {
        await db.transaction((tx) => codes.countWrong(tx, phoneHash));
        throw new AppError('MEMBER_CODE_INVALID', undefined, 'code');
      }
      const ok = await db.transaction((tx) => codes.consume(tx, phoneHash, m.id, ['activation', 'login'], input.code));
      if (!ok) throw new AppError('MEMBER_CODE_INVALID', undefined, 'code');
      const existing = await repo.accountOfMember(db, m.id);
      if (existing?.activatedAt) throw conflict('账号已激活，请直接登录');
      const other = await repo.activeAccountByPhone(db, phoneHash);
      if (other) throw conflict('该手机号已用于其他会员的账号，请联系所在工会', 'phone');
      const passwordHash = input.password ? await hash(input.password) : null;
      const now = new Date();
      const consentVersion = input.consentVersion ?? MEMBER_CONSENT_VERSION;
      const consents = Object.fromEntries((input.optionalConsents ?? []).map((k) => [k, { granted: true, at: now.toISOString() }]));
      return db.transaction(async (tx) => {
        const account = await repo.saveActivation(tx, m.id, {
          phoneHash,
          passwordHash,
          activatedAt: now,
          consentVersion,
          consentAt: now,
          consentIp: o.ip,
          consents,
          failedCount: 0,
          lockedUntil: null,
          lastLoginAt: now,
          disabled: false,
        });
        await recordAudit(tx, memberOrigin(m.id, o.ip, o.requestId), {
          action: 'member_account.activate',
          ...entity(m),
          after: { consentVersion, consentAt: now.toISOString(), optionalConsents: Object.keys(consents), password: Boolean(passwordHash) },
        });
        return startSession(tx, account.id, m.id, o.ip, o.oldToken);
      });
    });
  }

  function login(input: LoginInput, o: Origin & { oldToken?: string }): Promise<SessionStart> {
    const { code } = input;
    return asSystem(async () => {
      const phoneHash = phoneHashOf(input.phone);
      const account = await repo.activeAccountByPhone(db, phoneHash);
      const m = account ? await repo.memberFacts(db, account.memberId) : undefined;
      const origin: AuditOrigin = memberOrigin(m?.id ?? null, o.ip, o.requestId, m ? undefined : `会员手机 ${maskPhone(input.phone)}`);
      const fail = async (reason: string) =>
        db.transaction((tx) =>
          recordAudit(tx, origin, { action: 'member_account.login_failed', ...(m ? entity(m) : {}), after: { reason } }),
        );
      if (!account || !m || account.disabled) {
        if (input.password !== undefined) await verify(await dummyHash, input.password).catch(() => false);
        await fail(!account ? 'unknown_phone' : 'disabled');
        throw new AppError('MEMBER_LOGIN_FAILED');
      }
      if (account.lockedUntil && account.lockedUntil.getTime() > Date.now()) {
        await fail('locked');
        throw lockedError(account.lockedUntil);
      }
      const ok =
        code !== undefined
          ? await db.transaction((tx) => codes.consume(tx, phoneHash, m.id, ['login'], code))
          : account.passwordHash !== null && (await verify(account.passwordHash, input.password ?? '').catch(() => false));
      if (!ok) {
        const lockUntil = new Date(Date.now() + LOCK_MS);
        const { locked } = await db.transaction(async (tx) => {
          const r = await repo.countFailure(tx, account.id, LOCK_AFTER, lockUntil);
          await recordAudit(tx, origin, {
            action: 'member_account.login_failed',
            ...entity(m),
            after: { reason: code !== undefined ? 'bad_code' : 'bad_password' },
          });
          if (r.locked)
            await recordAudit(tx, origin, { action: 'member_account.locked', ...entity(m), after: { until: lockUntil.toISOString() } });
          return r;
        });
        if (locked) throw lockedError(lockUntil);
        throw new AppError('MEMBER_LOGIN_FAILED');
      }
      return db.transaction(async (tx) => {
        await repo.updateAccount(tx, account.id, { failedCount: 0, lockedUntil: null, lastLoginAt: new Date() });
        await recordAudit(tx, origin, {
          action: 'member_account.login',
          ...entity(m),
          after: { method: code !== undefined ? 'code' : 'password' },
        });
        return startSession(tx, account.id, m.id, o.ip, o.oldToken);
      });
    });
  }

  function logout(ctx: MemberCtx): Promise<void> {
    return asSystem(() =>
      db.transaction(async (tx) => {
        await repo.deleteSession(tx, ctx.member.sessionId);
        await recordAudit(tx, memberOrigin(ctx.member.memberId, ctx.ip, ctx.requestId), {
          action: 'member_account.logout',
          orgId: ctx.member.orgId,
          orgPath: ctx.member.orgPath,
          entityType: 'member',
          entityId: ctx.member.memberId,
        });
      }),
    );
  }

  /** Sets a first password (code-only accounts) or changes it (the old one is required); other sessions end. */
  function setPassword(ctx: MemberCtx, oldPassword: string | undefined, newPassword: string): Promise<void> {
    return asSystem(async () => {
      const account = await repo.accountOfMember(db, ctx.member.memberId);
      if (!account) throw new AppError('UNAUTHENTICATED');
      const origin = memberOrigin(ctx.member.memberId, ctx.ip, ctx.requestId);
      const ent = { orgId: ctx.member.orgId, orgPath: ctx.member.orgPath, entityType: 'member', entityId: ctx.member.memberId };
      if (account.passwordHash) {
        if (!oldPassword) throw invalid('oldPassword', '请输入原密码');
        if (!(await verify(account.passwordHash, oldPassword).catch(() => false))) {
          const lockUntil = new Date(Date.now() + LOCK_MS);
          await db.transaction(async (tx) => {
            const { locked } = await repo.countFailure(tx, account.id, LOCK_AFTER, lockUntil);
            await recordAudit(tx, origin, { action: 'member_account.login_failed', ...ent, after: { reason: 'bad_old_password' } });
            if (locked) {
              await recordAudit(tx, origin, { action: 'member_account.locked', ...ent, after: { until: lockUntil.toISOString() } });
              await repo.deleteAccountSessions(tx, account.id);
            }
          });
          throw invalid('oldPassword', '原密码不正确');
        }
      }
      const passwordHash = await hash(newPassword);
      await db.transaction(async (tx) => {
        await repo.updateAccount(tx, account.id, { passwordHash, failedCount: 0 });
        await repo.deleteAccountSessions(tx, account.id, ctx.member.sessionId);
        await recordAudit(tx, origin, { action: 'member_account.password_set', ...ent, after: { first: !account.passwordHash } });
      });
    });
  }

  return { requestCode, activate, login, logout, setPassword };
}

function lockedError(until: Date): AppError {
  const min = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return new AppError('MEMBER_LOCKED', `登录失败次数过多，账号已锁定，请${min}分钟后再试`, undefined, {
    retryAfterSec: Math.ceil((until.getTime() - Date.now()) / 1000),
  });
}

export type MemberAuthService = ReturnType<typeof createMemberAuthService>;
