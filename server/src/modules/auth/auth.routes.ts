import { z } from 'zod';
import { ZLogin, ZMe, ZPasswordChange, ZUser, zId } from '@gonghui/common';
import { clearSessionCookies, ctxOf, SESSION_COOKIE, setSessionCookies } from '../../platform/authz/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { presentOrg, type OrgService } from '../orgs/index.ts';
import { presentUser } from '../users/index.ts';
import type { AuthService } from './auth.service.ts';
import { presentLoginUser, setMfaPendingCookie, ZLoginResponse } from './mfa.cookies.ts';
import type { MfaService } from './mfa.service.ts';

export function registerAuthRoutes(
  app: HttpApp,
  svc: AuthService,
  mfa: MfaService,
  orgs: OrgService,
  opts: { cookieSecure: boolean; loginRateLimit: number },
): void {
  app.post('/api/v1/auth/login', {
    schema: { operationId: 'login', tags: ['auth'], body: ZLogin, response: { 200: ZLoginResponse } },
    config: { public: true, rateLimit: { max: opts.loginRateLimit, timeWindow: '1 minute' } },
    handler: async (req, reply) => {
      const res = await svc.login({
        username: req.body.username,
        password: req.body.password,
        ip: req.ip,
        requestId: req.id,
        oldToken: req.cookies[SESSION_COOKIE],
      });
      if ('mfaRequired' in res) {
        setMfaPendingCookie(reply, res.pendingToken, opts.cookieSecure);
        return { mfaRequired: true as const };
      }
      setSessionCookies(reply, res.token, res.csrfToken, opts.cookieSecure);
      return { user: presentLoginUser(res, await mfa.requirement(res.user.id)) };
    },
  });

  app.post('/api/v1/auth/logout', {
    schema: { operationId: 'logout', tags: ['auth'] },
    config: { authenticated: true, allowPendingPasswordChange: true, allowPendingMfaEnrollment: true },
    handler: async (req, reply) => {
      await svc.logout(ctxOf(req));
      clearSessionCookies(reply);
      return reply.status(204).send();
    },
  });

  app.post('/api/v1/auth/password', {
    schema: { operationId: 'changePassword', tags: ['auth'], body: ZPasswordChange },
    config: { authenticated: true, allowPendingPasswordChange: true, allowPendingMfaEnrollment: true },
    handler: async (req, reply) => {
      await svc.changePassword(ctxOf(req), req.body.oldPassword, req.body.newPassword);
      return reply.status(204).send();
    },
  });

  // Lifts the hard lock that 20 failed logins in 24 h put on an account (security admins, own subtree).
  app.post('/api/v1/users/:id/unlock', {
    schema: { operationId: 'unlockUser', tags: ['users'], params: z.object({ id: zId }), response: { 200: ZUser } },
    config: { permission: 'security:manage', scope: { id: 'user' } },
    handler: async (req) => presentUser(await svc.unlock(ctxOf(req), req.params.id)),
  });

  app.get('/api/v1/me', {
    schema: { operationId: 'me', tags: ['auth'], response: { 200: ZMe } },
    config: { authenticated: true, allowPendingPasswordChange: true, allowPendingMfaEnrollment: true },
    handler: async (req) => {
      const ctx = ctxOf(req);
      const a = ctx.actor;
      const org = await orgs.get(ctx, a.orgId);
      return {
        user: {
          id: a.userId,
          username: a.username,
          displayName: a.displayName,
          orgId: a.orgId,
          roles: a.roles,
          permissions: [...a.permissions].sort(),
          mustChangePassword: a.mustChangePassword,
          mfaEnrollmentRequired: Boolean(a.mfaEnrollmentRequired),
        },
        org: presentOrg(org),
      };
    },
  });
}
