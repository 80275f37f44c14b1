// Checking a second-factor code against an enrolment: a TOTP code (6 digits, never the same time step twice) or a
// one-time recovery code. Both are spent by a conditional update inside the caller's transaction.
import { randomBytes } from 'node:crypto';
import { RECOVERY_CODE_COUNT } from '@gonghui/common';
import type { CipherBinding, CipherColumn, FieldCrypto } from '../../platform/crypto/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import * as mfaRepo from './mfa.repo.ts';
import { base32Encode, matchTotp } from './mfa.totp.ts';

export type FactorUsed = 'totp' | 'recovery';

export const MFA_CIPHER_COLUMNS: CipherColumn[] = [{ table: 'user_mfa', column: 'secret_cipher', key: ['user_id'] }];

/** The TOTP secret's ciphertext is bound to its row (AES-GCM associated data): it opens only as this user's. */
export const mfaSecretBinding = (userId: number): CipherBinding => ({ table: 'user_mfa', column: 'secret_cipher', id: userId });

const normalizeRecovery = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** Keyed hash (HMAC with a key outside the database) bound to the user, so a copied row is worthless. */
export const recoveryCodeHash = (crypto: FieldCrypto, userId: number, code: string) =>
  crypto.blindIndex('mfa-recovery', `${userId}:${normalizeRecovery(code)}`);

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const s = base32Encode(randomBytes(7)).slice(0, 10);
    return `${s.slice(0, 5)}-${s.slice(5)}`;
  });
}

/**
 * Verifies and spends `code`. With `confirm`, the enrolment becomes active on success (TOTP only).
 * Returns which factor matched, or null.
 */
export async function spendCode(
  tx: DbOrTx,
  crypto: FieldCrypto,
  enrolment: mfaRepo.UserMfaRow,
  code: string,
  opts: { confirm?: boolean; allowRecovery: boolean; now?: number },
): Promise<FactorUsed | null> {
  const trimmed = code.replace(/\s/g, '');
  if (/^\d{6}$/.test(trimmed)) {
    const secret = crypto.decrypt(enrolment.secretCipher, mfaSecretBinding(enrolment.userId));
    const step = matchTotp(secret, trimmed, opts.now ?? Date.now(), enrolment.lastStep);
    if (step === null) return null;
    return (await mfaRepo.acceptStep(tx, enrolment.userId, step, Boolean(opts.confirm))) ? 'totp' : null;
  }
  if (!opts.allowRecovery || normalizeRecovery(trimmed).length !== 10) return null;
  if (!(await mfaRepo.useRecoveryCode(tx, enrolment.userId, recoveryCodeHash(crypto, enrolment.userId, trimmed)))) return null;
  await mfaRepo.resetFailures(tx, enrolment.userId);
  return 'recovery';
}
