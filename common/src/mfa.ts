// Second factor (TOTP, RFC 6238): the org-level policy and who it binds, and the shared input schemas.
import { z } from 'zod';
import { SENSITIVE_PERMISSIONS } from './permissions.ts';
import { zRequiredText } from './strings.ts';

/** `sensitive`: holders of a sensitive permission must enrol; `all`: every account; `off`: optional for all. */
export const MFA_POLICIES = ['sensitive', 'all', 'off'] as const;
export type MfaPolicy = (typeof MFA_POLICIES)[number];
export const DEFAULT_MFA_POLICY: MfaPolicy = 'sensitive';

export const MFA_POLICY_LABELS: Record<MfaPolicy, string> = {
  sensitive: '持有敏感权限的账号必须启用',
  all: '所有账号必须启用',
  off: '不强制（用户自愿启用）',
};

export const isMfaPolicy = (v: unknown): v is MfaPolicy => typeof v === 'string' && (MFA_POLICIES as readonly string[]).includes(v);

/** Whether an account with these permissions must use a second factor under the effective policy. */
export function mfaRequiredFor(policy: MfaPolicy, permissions: Iterable<string>): boolean {
  if (policy === 'all') return true;
  if (policy === 'off') return false;
  const held = new Set(permissions);
  return SENSITIVE_PERMISSIONS.some((p) => held.has(p));
}

export const TOTP_ISSUER = '工会工作平台';
export const RECOVERY_CODE_COUNT = 10;

/** A 6-digit TOTP code or a recovery code (XXXXX-XXXXX); the server tells them apart. */
export const ZMfaCode = z.strictObject({ code: zRequiredText(32) });
export const ZTotpEnrolment = z.object({ secret: z.string(), otpauthUri: z.string() });
export const ZRecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export const ZMfaStatus = z.object({
  enrolled: z.boolean(),
  required: z.boolean(),
  policy: z.enum(MFA_POLICIES),
  recoveryCodesLeft: z.number().int(),
});
export type TMfaStatus = z.infer<typeof ZMfaStatus>;

export const ZSecurityPolicyUpdate = z.strictObject({ mfaPolicy: z.enum(MFA_POLICIES).nullable() });
export const ZSecurityPolicy = z.object({
  orgId: z.number().int(),
  /** The org's own setting; null inherits from the nearest ancestor that sets one. */
  mfaPolicy: z.enum(MFA_POLICIES).nullable(),
  effective: z.enum(MFA_POLICIES),
});
export type TSecurityPolicy = z.infer<typeof ZSecurityPolicy>;
