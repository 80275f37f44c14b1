// /api/v1/h5/auth/*: the member's code request, activation, login, logout and password. The first three are public
// (rate-limited per IP on top of the per-phone limits); the others need the member session.
import { z } from 'zod';
import { ZMemberActivate, ZMemberCodeRequest, ZMemberLogin, ZMemberMe, ZMemberPasswordSet } from '@gonghui/common';
import type { HttpApp } from '../../platform/http/index.ts';
import type { MemberAuthService, SessionStart } from './auth.service.ts';
import { clearMemberCookies, MEMBER_SESSION_COOKIE, memberCtxOf, setMemberCookies } from './member-auth.ts';
import type { PortalService } from './portal.service.ts';

const tags = ['h5'];
const ZAccepted = z.object({ ok: z.literal(true) });

export function registerMemberAuthRoutes(
  app: HttpApp,
  auth: MemberAuthService,
  portal: PortalService,
  opts: { cookieSecure: boolean },
): void {
  const signedIn = async (s: SessionStart, reply: Parameters<typeof setMemberCookies>[0]) => {
    setMemberCookies(reply, s.token, s.csrfToken, opts.cookieSecure);
    return portal.me(s.memberId);
  };

  app.post('/api/v1/h5/auth/code', {
    schema: { operationId: 'h5RequestCode', tags, body: ZMemberCodeRequest, response: { 202: ZAccepted } },
    config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
    handler: async (req, reply) => {
      await auth.requestCode(req.body, { ip: req.ip ?? null, requestId: req.id });
      return reply.status(202).send({ ok: true as const });
    },
  });

  app.post('/api/v1/h5/auth/activate', {
    schema: { operationId: 'h5Activate', tags, body: ZMemberActivate, response: { 200: ZMemberMe } },
    config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
    handler: async (req, reply) => {
      const s = await auth.activate(req.body, { ip: req.ip ?? null, requestId: req.id, oldToken: req.cookies[MEMBER_SESSION_COOKIE] });
      return signedIn(s, reply);
    },
  });

  app.post('/api/v1/h5/auth/login', {
    schema: { operationId: 'h5Login', tags, body: ZMemberLogin, response: { 200: ZMemberMe } },
    config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
    handler: async (req, reply) => {
      const s = await auth.login(req.body, { ip: req.ip ?? null, requestId: req.id, oldToken: req.cookies[MEMBER_SESSION_COOKIE] });
      return signedIn(s, reply);
    },
  });

  app.post('/api/v1/h5/auth/logout', {
    schema: { operationId: 'h5Logout', tags },
    config: { member: true },
    handler: async (req, reply) => {
      await auth.logout(memberCtxOf(req));
      clearMemberCookies(reply);
      return reply.status(204).send();
    },
  });

  app.post('/api/v1/h5/auth/password', {
    schema: { operationId: 'h5SetPassword', tags, body: ZMemberPasswordSet },
    config: { member: true },
    handler: async (req, reply) => {
      await auth.setPassword(memberCtxOf(req), req.body.oldPassword, req.body.newPassword);
      return reply.status(204).send();
    },
  });
}
