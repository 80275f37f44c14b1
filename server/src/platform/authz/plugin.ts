// Resolves the session cookie to an Actor on every request and enforces each route's declared needs:
// authentication, permission, CSRF on writes, the forced first-login password change and second-factor enrolment.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Permission } from '@gonghui/common';
import { asSystem, enterScope, type Db } from '../db/index.ts';
import { AppError } from '../http/errors.ts';
import type { HttpApp } from '../http/app.ts';
import type { Actor, Ctx } from './actor.ts';
import { deleteSession, findSession, touchSession } from './session.repo.ts';
import { hashToken } from './tokens.ts';
import { cacheSession, cachedSession, clearSessionCache } from './session-cache.ts';
import { checkRouteScope, unresolvedKinds } from './route-scope.ts';
import { routeInventory } from '../http/routes.ts';

export const SESSION_COOKIE = 'gh_sid';
export const CSRF_COOKIE = 'csrf_token';
export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const SESSION_MAX_MS = 12 * 3600_000;
const TOUCH_EVERY_MS = 60_000;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** No session needed (login, health, card verification). */
    public?: boolean;
    /** The permission the route needs within the actor's scope. */
    permission?: Permission;
    /** Reachable while the user must still change their initial password. */
    allowPendingPasswordChange?: boolean;
    /** Reachable while the user must still enrol a second factor (the enrolment routes, /me, logout). */
    allowPendingMfaEnrollment?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerAuth(app: HttpApp, db: Db): void {
  app.decorateRequest('actor', null);

  app.addHook('onRequest', async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const tokenHash = hashToken(token);
    // Session resolution is a system lookup: the actor, and so the scope, is not known yet.
    const s = cachedSession(tokenHash) ?? (await asSystem(() => findSession(db, tokenHash)));
    if (!s) return;
    const now = Date.now();
    if (s.disabled || now - s.lastSeenAt.getTime() > IDLE_TIMEOUT_MS || now > s.expiresAt.getTime()) {
      await asSystem(() => deleteSession(db, s.sessionId));
      clearSessionCookies(reply);
      if (!req.routeOptions.config?.public) throw new AppError('SESSION_EXPIRED');
      return;
    }
    if (now - s.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await asSystem(() => touchSession(db, s.sessionId));
      s.lastSeenAt = new Date(now);
    }
    cacheSession(tokenHash, s);
    req.actor = {
      userId: s.userId,
      username: s.username,
      displayName: s.displayName,
      orgId: s.orgId,
      orgPath: s.orgPath,
      roles: s.roles,
      permissions: new Set(s.permissions),
      sessionId: s.sessionId,
      mustChangePassword: s.mustChangePassword,
      mfaEnrollmentRequired: s.mfaEnrollmentRequired,
    };
    // CSRF: cookie-authenticated writes must echo the session's token in a header.
    if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== s.csrfToken) {
      if (!req.routeOptions.config?.public) throw new AppError('CSRF');
    }
  });

  // Any write may change what a session resolves to (roles, org, MFA, password, logout): forget every cached one
  // before the answer leaves and again once it has, so no request that started meanwhile keeps a stale copy.
  const forgetOnWrite = async (req: FastifyRequest) => {
    if (!SAFE_METHODS.has(req.method)) clearSessionCache();
  };
  app.addHook('onSend', forgetOnWrite);
  app.addHook('onResponse', forgetOnWrite);

  // onRequest, not preHandler: 401/403/404 come before the body is read or validated, so an anonymous caller
  // learns nothing from validation messages and never makes us parse a large body; nor does a cadre learn from
  // them whether an object outside their subtree exists (the declared route scope, route-scope.ts).
  app.addHook('onRequest', async (req) => {
    const cfg = req.routeOptions.config ?? {};
    const url = req.routeOptions.url ?? '';
    if (cfg.public || !url.startsWith('/api/') || url.startsWith('/api/docs')) return;
    const actor = req.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    if (actor.mustChangePassword && !cfg.allowPendingPasswordChange) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (actor.mfaEnrollmentRequired && !cfg.allowPendingMfaEnrollment) throw new AppError('MFA_ENROLLMENT_REQUIRED');
    if (cfg.permission && !actor.permissions.has(cfg.permission)) throw new AppError('FORBIDDEN');
    if (cfg.scope) await checkRouteScope(db, req, actor, cfg.scope);
  });
  // A route naming a kind of object that no module resolves would answer 500 on every call: refuse to start.
  app.addHook('onReady', async () => {
    const missing = unresolvedKinds(routeInventory(app).map((r) => r.config?.scope));
    if (missing.length) throw new Error(`routes declare scope kinds without a resolver: ${missing.join(', ')}`);
  });
  // The rest of the request (later hooks, the handler, its streams) runs in the actor's scope, which PostgreSQL
  // enforces with row-level security; without an actor it runs in none and must enter asSystem() on purpose.
  app.addHook('preHandler', (req, _reply, done) => {
    if (req.actor) enterScope(req.actor.orgPath, done, req.actor.userId);
    else done();
  });
}

export function ctxOf(req: FastifyRequest): Ctx {
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  return { actor: req.actor, ip: req.ip ?? null, requestId: req.id };
}

export function setSessionCookies(reply: FastifyReply, token: string, csrf: string, secure: boolean): void {
  const base = { path: '/', sameSite: 'strict' as const, secure };
  reply.setCookie(SESSION_COOKIE, token, { ...base, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, csrf, { ...base, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}
