export { type Actor, type Ctx, authorize, can, inScope } from './actor.ts';
export { subtreeOf, subtreePathRewriter } from './scope.ts';
export {
  registerScopeResolver,
  scopeKinds,
  isNotScoped,
  pathParams,
  type RouteScope,
  type NotScoped,
  type ScopeResolve,
} from './route-scope.ts';
export {
  registerAuth,
  ctxOf,
  setSessionCookies,
  clearSessionCookies,
  SESSION_COOKIE,
  CSRF_COOKIE,
  IDLE_TIMEOUT_MS,
  SESSION_MAX_MS,
} from './plugin.ts';
export { newToken, hashToken } from './tokens.ts';
export * as sessionRepo from './session.repo.ts';
export { effectiveMfaPolicySql, mfaEnrolledSql } from './mfa.ts';
