// Enrolling, disabling and resetting the TOTP second factor, and the org-level policy that decides who must have
// one. The secret is stored as FieldCrypto ciphertext and leaves the server once, at enrolment.
import { isMfaPolicy, mfaRequiredFor, TOTP_ISSUER, type MfaPolicy, type TMfaStatus, type TSecurityPolicy } from '@gonghui/common';
import { originOf, recordAudit } from '../../platform/audit/index.ts';
import { sessionRepo, type Ctx } from '../../platform/authz/index.ts';
import type { FieldCrypto } from '../../platform/crypto/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/http/index.ts';
import { findOrgInScope, setOrgMfaPolicy } from '../orgs/index.ts';
import { findUserInScope } from '../users/index.ts';
import { MFA_LOCK_MS, MFA_MAX_USER_FAILURES } from './mfa.login.ts';
import * as mfaRepo from './mfa.repo.ts';
import { newTotpSecret, otpauthUri } from './mfa.totp.ts';
import { newRecoveryCodes, recoveryCodeHash, spendCode, mfaSecretBinding } from './mfa.verify.ts';

const asPolicy = (p: string | undefined): MfaPolicy => (isMfaPolicy(p) ? p : 'sensitive');

export function createMfaService({ db, crypto }: { db: Db; crypto: FieldCrypto }) {
  const own = (ctx: Ctx) => ({ orgId: ctx.actor.orgId, orgPath: ctx.actor.orgPath, entityType: 'user', entityId: ctx.actor.userId });

  async function requirement(userId: number): Promise<{ policy: MfaPolicy; required: boolean; enrolled: boolean }> {
    const r = await mfaRepo.requirementOf(db, userId);
    const policy = asPolicy(r?.policy);
    return { policy, required: mfaRequiredFor(policy, r?.permissions ?? []), enrolled: Boolean(r?.enrolled) };
  }

  async function status(ctx: Ctx): Promise<TMfaStatus> {
    const r = await requirement(ctx.actor.userId);
    const recoveryCodesLeft = r.enrolled ? await mfaRepo.countUnusedRecoveryCodes(db, ctx.actor.userId) : 0;
    return { ...r, recoveryCodesLeft };
  }

  async function begin(ctx: Ctx): Promise<{ secret: string; otpauthUri: string }> {
    const secret = newTotpSecret();
    await db.transaction(async (tx) => {
      if (!(await mfaRepo.upsertPending(tx, ctx.actor.userId, crypto.encrypt(secret, mfaSecretBinding(ctx.actor.userId))))) {
        throw conflict('已启用二次验证；如需更换，请先停用或请安全管理员重置');
      }
      await recordAudit(tx, originOf(ctx), { ...own(ctx), action: 'auth.mfa_enrollment_started' });
    });
    return { secret, otpauthUri: otpauthUri(secret, ctx.actor.username, TOTP_ISSUER) };
  }

  async function confirm(ctx: Ctx, code: string): Promise<{ recoveryCodes: string[] }> {
    const enrolment = await mfaRepo.findEnrolment(db, ctx.actor.userId);
    if (!enrolment) throw invalid('code', '请先获取二维码或密钥');
    if (enrolment.confirmedAt) throw conflict('二次验证已启用');
    const recoveryCodes = newRecoveryCodes();
    const ok = await db.transaction(async (tx) => {
      if (!(await spendCode(tx, crypto, enrolment, code, { confirm: true, allowRecovery: false }))) return false;
      await mfaRepo.replaceRecoveryCodes(
        tx,
        ctx.actor.userId,
        recoveryCodes.map((c) => recoveryCodeHash(crypto, ctx.actor.userId, c)),
      );
      await recordAudit(tx, originOf(ctx), {
        ...own(ctx),
        action: 'auth.mfa_enrolled',
        after: { factor: 'totp', recoveryCodes: recoveryCodes.length },
      });
      return true;
    });
    if (!ok) {
      await db.transaction((tx) =>
        recordAudit(tx, originOf(ctx), { ...own(ctx), action: 'auth.mfa_failed', after: { reason: 'wrong_code', stage: 'enrol' } }),
      );
      throw invalid('code', '不正确，请核对手机验证器上当前显示的6位数字');
    }
    return { recoveryCodes };
  }

  /** A user turns their own second factor off: only where the policy allows it, and with a current code. */
  async function disable(ctx: Ctx, code: string): Promise<void> {
    const r = await requirement(ctx.actor.userId);
    if (r.required) throw new AppError('FORBIDDEN', '按安全策略，您的账号必须启用二次验证，不能停用');
    const enrolment = await mfaRepo.findEnrolment(db, ctx.actor.userId);
    if (!enrolment?.confirmedAt) throw conflict('尚未启用二次验证');
    // A stolen session must not be able to guess its way to turning the factor off.
    if (enrolment.lockedUntil && enrolment.lockedUntil > new Date()) throw invalid('code', '错误次数过多，请15分钟后再试');
    const ok = await db.transaction(async (tx) => {
      if (!(await spendCode(tx, crypto, enrolment, code, { allowRecovery: true }))) return false;
      await mfaRepo.removeAll(tx, ctx.actor.userId);
      await recordAudit(tx, originOf(ctx), { ...own(ctx), action: 'auth.mfa_disabled' });
      return true;
    });
    if (!ok) {
      await db.transaction(async (tx) => {
        const failures = await mfaRepo.countFailure(tx, ctx.actor.userId);
        await recordAudit(tx, originOf(ctx), { ...own(ctx), action: 'auth.mfa_failed', after: { reason: 'wrong_code', stage: 'disable' } });
        if (failures >= MFA_MAX_USER_FAILURES) {
          await mfaRepo.lockUntil(tx, ctx.actor.userId, new Date(Date.now() + MFA_LOCK_MS));
          await recordAudit(tx, originOf(ctx), { ...own(ctx), action: 'auth.mfa_locked', after: { failures } });
        }
      });
      throw invalid('code', '不正确');
    }
  }

  /** A security admin clears another user's second factor (lost phone); that user's sessions end too. */
  async function reset(ctx: Ctx, userId: number): Promise<void> {
    await db.transaction(async (tx) => {
      const target = await findUserInScope(tx, ctx.actor.orgPath, userId);
      if (!target) throw notFound('用户');
      if (target.id === ctx.actor.userId) throw new AppError('FORBIDDEN', '不能重置自己的二次验证');
      // No "holds fewer permissions than you" rule: under 三员分立 the security admin holds almost none by design,
      // and a reset grants nothing (the password is still needed and the account must enrol again).
      const had = await mfaRepo.removeAll(tx, userId);
      await sessionRepo.deleteUserSessions(tx, userId);
      await recordAudit(tx, originOf(ctx), {
        action: 'auth.mfa_reset',
        orgId: target.orgId,
        orgPath: target.orgPath,
        entityType: 'user',
        entityId: target.id,
        after: { username: target.username, hadSecondFactor: had },
      });
    });
  }

  async function getPolicy(ctx: Ctx, orgId: number): Promise<TSecurityPolicy> {
    const org = await findOrgInScope(db, ctx.actor.orgPath, orgId);
    if (!org) throw notFound('组织');
    return { orgId: org.id, mfaPolicy: org.mfaPolicy ?? null, effective: asPolicy(await mfaRepo.effectivePolicyAt(db, org.path)) };
  }

  async function setPolicy(ctx: Ctx, orgId: number, mfaPolicy: MfaPolicy | null): Promise<TSecurityPolicy> {
    await db.transaction(async (tx) => {
      const org = await findOrgInScope(tx, ctx.actor.orgPath, orgId);
      if (!org) throw notFound('组织');
      await setOrgMfaPolicy(tx, org.id, mfaPolicy);
      await recordAudit(tx, originOf(ctx), {
        action: 'org.security_policy',
        orgId: org.id,
        orgPath: org.path,
        entityType: 'org',
        entityId: org.id,
        before: { mfaPolicy: org.mfaPolicy ?? null },
        after: { mfaPolicy },
      });
    });
    return getPolicy(ctx, orgId);
  }

  return { requirement, status, begin, confirm, disable, reset, getPolicy, setPolicy };
}

export type MfaService = ReturnType<typeof createMfaService>;
