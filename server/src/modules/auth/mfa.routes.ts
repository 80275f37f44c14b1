import { asSystem } from '../../platform/db/index.ts';
import { z } from 'zod';
import { ZMfaCode, ZMfaStatus, ZRecoveryCodes, ZSecurityPolicy, ZSecurityPolicyUpdate, ZTotpEnrolment, zId } from '@gonghui/common';
import { ctxOf, SESSION_COOKIE, setSessionCookies } from '../../platform/authz/index.ts';
import { AppError, type HttpApp } from '../../platform/http/index.ts';
import { clearMfaPendingCookie, MFA_PENDING_COOKIE, presentLoginUser, ZLoginResponse } from './mfa.cookies.ts';
import type { MfaLogin } from './mfa.login.ts';
import type { MfaService } from './mfa.service.ts';

const ZIdParams = z.object({ id: zId });
export function registerMfaRoutes(
  app: HttpApp,
  svc: MfaService,
  login: MfaLogin,
  opts: { cookieSecure: boolean; loginRateLimit: number },
): void {
  // Code-guessing endpoints share the login limit per IP; per-login and per-account counters bound them further.
  const codeLimit = { rateLimit: { max: opts.loginRateLimit, timeWindow: '1 minute' } };
  app.post('/api/v1/auth/login/mfa', {
    schema: { operationId: 'loginMfa', tags: ['auth'], body: ZMfaCode, response: { 200: ZLoginResponse } },
    config: { public: true, rateLimit: { max: opts.loginRateLimit, timeWindow: '1 minute' } },
    handler: async (req, reply) => {
      try {
        // The pending login names its user across the federation: a system context.
        const res = await asSystem(() =>
          login.complete(req.cookies[MFA_PENDING_COOKIE], req.body.code, req.ip, req.id, req.cookies[SESSION_COOKIE]),
        );
        clearMfaPendingCookie(reply);
        setSessionCookies(reply, res.token, res.csrfToken, opts.cookieSecure);
        return { user: presentLoginUser(res, { required: true, enrolled: true }) };
      } catch (e) {
        if (e instanceof AppError && e.code === 'MFA_LOGIN_EXPIRED') clearMfaPendingCookie(reply);
        throw e;
      }
    },
  });

  app.get('/api/v1/auth/mfa', {
    schema: { operationId: 'mfaStatus', tags: ['auth'], response: { 200: ZMfaStatus } },
    config: { authenticated: true, allowPendingMfaEnrollment: true },
    handler: async (req) => svc.status(ctxOf(req)),
  });
  app.post('/api/v1/auth/mfa/totp', {
    schema: { operationId: 'mfaTotpBegin', tags: ['auth'], response: { 200: ZTotpEnrolment } },
    config: { authenticated: true, allowPendingMfaEnrollment: true, ...codeLimit },
    handler: async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return svc.begin(ctxOf(req));
    },
  });
  app.post('/api/v1/auth/mfa/totp/confirm', {
    schema: { operationId: 'mfaTotpConfirm', tags: ['auth'], body: ZMfaCode, response: { 200: ZRecoveryCodes } },
    config: { authenticated: true, allowPendingMfaEnrollment: true, ...codeLimit },
    handler: async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return svc.confirm(ctxOf(req), req.body.code);
    },
  });
  app.post('/api/v1/auth/mfa/totp/disable', {
    schema: { operationId: 'mfaTotpDisable', tags: ['auth'], body: ZMfaCode },
    config: { authenticated: true, ...codeLimit },
    handler: async (req, reply) => {
      await svc.disable(ctxOf(req), req.body.code);
      return reply.status(204).send();
    },
  });

  app.delete('/api/v1/users/:id/mfa', {
    schema: { operationId: 'resetUserMfa', tags: ['users'], params: ZIdParams },
    config: { permission: 'security:manage', scope: { id: 'user' } },
    handler: async (req, reply) => {
      await svc.reset(ctxOf(req), req.params.id);
      return reply.status(204).send();
    },
  });

  app.get('/api/v1/orgs/:id/security-policy', {
    schema: { operationId: 'getSecurityPolicy', tags: ['orgs'], params: ZIdParams, response: { 200: ZSecurityPolicy } },
    config: { permission: 'org:read', scope: { id: 'org' } },
    handler: async (req) => svc.getPolicy(ctxOf(req), req.params.id),
  });
  app.put('/api/v1/orgs/:id/security-policy', {
    schema: {
      operationId: 'setSecurityPolicy',
      tags: ['orgs'],
      params: ZIdParams,
      body: ZSecurityPolicyUpdate,
      response: { 200: ZSecurityPolicy },
    },
    config: { permission: 'security:manage', scope: { id: 'org' } },
    handler: async (req) => svc.setPolicy(ctxOf(req), req.params.id, req.body.mfaPolicy),
  });
}
