// The member principal: its own session cookie (gh_msid) and CSRF cookie (gh_mcsrf), resolved on routes declaring
// `config.member: true` to `req.member`. A member session never reaches a cadre route (the cadre hook reads only
// gh_sid) and a cadre session never reaches a member route (the cadre hooks skip them; this hook needs gh_msid).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hashToken } from '../../platform/authz/index.ts';
import type { AuditOrigin } from '../../platform/audit/index.ts';
import { asSystem, type Db } from '../../platform/db/index.ts';
import { AppError, type HttpApp } from '../../platform/http/index.ts';
import * as repo from './accounts.repo.ts';

export const MEMBER_SESSION_COOKIE = 'gh_msid';
export const MEMBER_CSRF_COOKIE = 'gh_mcsrf';
export const MEMBER_IDLE_MS = 30 * 60_000;
export const MEMBER_SESSION_MAX_MS = 24 * 3600_000;
const TOUCH_EVERY_MS = 60_000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface MemberPrincipal {
  memberId: number;
  orgId: number;
  orgPath: string;
  accountId: number;
  sessionId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    member: MemberPrincipal | null;
  }
}

/** What member services take: the principal and where the request came from. */
export interface MemberCtx {
  member: MemberPrincipal;
  ip: string | null;
  requestId: string;
}

export function memberCtxOf(req: FastifyRequest): MemberCtx {
  if (!req.member) throw new AppError('UNAUTHENTICATED');
  return { member: req.member, ip: req.ip ?? null, requestId: req.id };
}

/** Audit rows a member writes name no cadre: the actor is `member:<id>`. */
export function memberOrigin(memberId: number | null, ip: string | null, requestId: string | null, name?: string): AuditOrigin {
  return { actorId: null, actorName: (name ?? `member:${memberId ?? '?'}`).slice(0, 50), ip, requestId };
}

export function registerMemberAuth(app: HttpApp, db: Db): void {
  app.decorateRequest('member', null);
  app.addHook('onRequest', async (req, reply) => {
    if (!req.routeOptions.config?.member) return;
    const token = req.cookies[MEMBER_SESSION_COOKIE];
    if (!token) throw new AppError('UNAUTHENTICATED');
    // A system lookup bounded by the session token; everything after it is bounded by the member's own id.
    const s = await asSystem(() => repo.findSession(db, hashToken(token)));
    if (!s) {
      clearMemberCookies(reply);
      throw new AppError('UNAUTHENTICATED');
    }
    const now = Date.now();
    if (!s.activated || s.disabled || now - s.lastSeenAt.getTime() > MEMBER_IDLE_MS || now > s.expiresAt.getTime()) {
      await asSystem(() => repo.deleteSession(db, s.sessionId));
      clearMemberCookies(reply);
      throw new AppError('SESSION_EXPIRED');
    }
    if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== s.csrfToken) throw new AppError('CSRF');
    if (now - s.lastSeenAt.getTime() > TOUCH_EVERY_MS) await asSystem(() => repo.touchSession(db, s.sessionId));
    req.member = { memberId: s.memberId, orgId: s.orgId, orgPath: s.orgPath, accountId: s.accountId, sessionId: s.sessionId };
  });
}

export function setMemberCookies(reply: FastifyReply, token: string, csrf: string, secure: boolean): void {
  const base = { path: '/', sameSite: 'strict' as const, secure };
  reply.setCookie(MEMBER_SESSION_COOKIE, token, { ...base, httpOnly: true });
  reply.setCookie(MEMBER_CSRF_COOKIE, csrf, { ...base, httpOnly: false });
}

export function clearMemberCookies(reply: FastifyReply): void {
  reply.clearCookie(MEMBER_SESSION_COOKIE, { path: '/' });
  reply.clearCookie(MEMBER_CSRF_COOKIE, { path: '/' });
}
