// The pending-login cookie and the login response shared by both login steps.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ZMe } from '@gonghui/common';
import type { LoginResult } from './auth.service.ts';

/** Sent only to the login endpoints; it is not a session and no other route reads it. */
export const MFA_PENDING_COOKIE = 'gh_mfa';
const MFA_COOKIE_PATH = '/api/v1/auth/login';

export const ZLoginResponse = z.union([z.object({ user: ZMe.shape.user }), z.object({ mfaRequired: z.literal(true) })]);

export function setMfaPendingCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(MFA_PENDING_COOKIE, token, { path: MFA_COOKIE_PATH, httpOnly: true, sameSite: 'strict', secure, maxAge: 5 * 60 });
}

export function clearMfaPendingCookie(reply: FastifyReply): void {
  reply.clearCookie(MFA_PENDING_COOKIE, { path: MFA_COOKIE_PATH });
}

export function presentLoginUser(r: LoginResult, mfa: { required: boolean; enrolled: boolean }) {
  const u = r.user;
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    orgId: u.orgId,
    roles: u.roles,
    permissions: r.permissions,
    mustChangePassword: u.mustChangePassword,
    mfaEnrollmentRequired: mfa.required && !mfa.enrolled,
  };
}
