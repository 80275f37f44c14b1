// Requests and answers of the member H5 portal (/api/v1/h5/*) and its console view (/api/v1/member-accounts).
import { z } from 'zod';
import { labelled } from './field-labels.ts';
import { zIdNumber, zPhone } from './member.ts';
import { zStr, zText } from './strings.ts';
import { passwordPolicyError } from './password.ts';

/** The privacy policy version the H5 shows; activation records the version the member agreed to. */
export const MEMBER_CONSENT_VERSION = '2026-12';
/** Optional consents a member may give and withdraw (the privacy policy itself is required). */
export const MEMBER_OPTIONAL_CONSENTS = {
  notifications: '接收工会活动与服务通知短信',
} as const;
export type MemberOptionalConsent = keyof typeof MEMBER_OPTIONAL_CONSENTS;

export const zMemberCode = labelled(
  zStr()
    .trim()
    .regex(/^\d{6}$/, '应为6位数字'),
  '验证码',
);
export const zMemberPassword = labelled(
  zStr().superRefine((v, ctx) => {
    const err = passwordPolicyError(v);
    if (err) ctx.addIssue({ code: 'custom', message: err });
  }),
  '密码',
);
const zIdField = labelled(zIdNumber, '身份证号');
const zPhoneField = labelled(zPhone, '手机号');

export const ZMemberCodeRequest = z.strictObject({ idNumber: zIdField, phone: zPhoneField });
export const ZMemberActivate = z.strictObject({
  idNumber: zIdField,
  phone: zPhoneField,
  code: zMemberCode,
  password: zMemberPassword.optional(),
  // Checked by the service so that a missing or false consent gets the message naming the privacy policy.
  consent: labelled(z.boolean().optional(), '隐私政策'),
  consentVersion: labelled(zText(32).min(1, '不能为空'), '隐私政策版本').optional(),
  optionalConsents: z
    .array(z.enum(Object.keys(MEMBER_OPTIONAL_CONSENTS) as [MemberOptionalConsent]))
    .max(10)
    .optional(),
});
/** Either an SMS code or the password (exactly one of them). */
export const ZMemberLogin = z
  .strictObject({
    phone: zPhoneField,
    code: zMemberCode.optional(),
    password: labelled(zStr().min(1, '不能为空').max(128), '密码').optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.code === undefined) === (v.password === undefined))
      ctx.addIssue({ code: 'custom', path: ['code'], message: '请填写验证码或密码（二选一）' });
  });
export const ZMemberPasswordSet = z.strictObject({
  oldPassword: labelled(zStr().max(128), '原密码').optional(),
  newPassword: zMemberPassword,
});
export const ZMemberConsentWithdraw = z.strictObject({
  key: labelled(z.enum(Object.keys(MEMBER_OPTIONAL_CONSENTS) as [MemberOptionalConsent]), '授权项'),
});

export const ZMemberCard = z.object({ cardNo: z.string(), token: z.string(), verifyUrl: z.string(), expiresAt: z.string() });
export const ZMemberMe = z.object({
  name: z.string(),
  idMasked: z.string(),
  phoneMasked: z.string().nullable(),
  orgName: z.string(),
  joinedAt: z.string(),
  status: z.string(),
  card: z.object({ cardNo: z.string(), status: z.string() }),
  account: z.object({ activatedAt: z.string().nullable(), hasPassword: z.boolean() }),
});
export const ZMemberAccountRow = z.object({
  memberId: z.number().int(),
  nameMasked: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  activatedAt: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  locked: z.boolean(),
});

/** Everything the union holds about the calling member (GET /api/v1/h5/my-data): the ID number stays masked. */
export const ZMemberMyData = z.object({
  profile: z.object({
    name: z.string(),
    idMasked: z.string(),
    phoneMasked: z.string().nullable(),
    gender: z.string(),
    birthYear: z.number().int(),
    orgName: z.string(),
    joinedAt: z.string(),
    status: z.string(),
    statusSince: z.string().nullable(),
    categories: z.array(z.string()),
    cardNo: z.string(),
  }),
  account: z.object({
    activatedAt: z.string().nullable(),
    lastLoginAt: z.string().nullable(),
    hasPassword: z.boolean(),
    consentVersion: z.string().nullable(),
    consentAt: z.string().nullable(),
    consents: z.record(z.string(), z.object({ granted: z.boolean(), at: z.string() })),
  }),
  sessions: z.array(z.object({ createdAt: z.string(), lastSeenAt: z.string(), expiresAt: z.string(), current: z.boolean() })),
  /** The member's 会员接转 requests (status: pending | accepted | rejected | withdrawn | expired). */
  transfers: z.array(
    z.object({
      number: z.string(),
      status: z.string(),
      fromOrg: z.string().nullable(),
      toOrg: z.string().nullable(),
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
  ),
  /** Cadres who revealed the member's full ID number and phone: who, from which union, when and why. */
  viewedBy: z.array(z.object({ at: z.string(), cadreName: z.string(), orgName: z.string().nullable(), reason: z.string().nullable() })),
});
export type TMemberMyData = z.infer<typeof ZMemberMyData>;
