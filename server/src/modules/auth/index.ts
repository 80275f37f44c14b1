import type { Db } from '../../platform/db/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import type { OrgService } from '../orgs/index.ts';
import { registerAuthRoutes } from './auth.routes.ts';
import { createAuthService, type AuthOptions } from './auth.service.ts';

export interface AuthModuleOptions extends AuthOptions {
  cookieSecure: boolean;
  loginRateLimit: number;
}

export function registerAuthModule(app: HttpApp, db: Db, orgs: OrgService, opts: AuthModuleOptions) {
  const svc = createAuthService({ db, opts });
  registerAuthRoutes(app, svc, orgs, opts);
  return svc;
}
export type { AuthService, LoginInput, LoginResult } from './auth.service.ts';
export { ACCOUNT_RULE, IP_RULE, pruneLoginThrottle } from './throttle.ts';
export { disableDormantUsers } from './dormant.ts';
