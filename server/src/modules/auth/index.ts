import type { Db } from '../../platform/db/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import type { OrgService } from '../orgs/index.ts';
import { registerAuthRoutes } from './auth.routes.ts';
import { createAuthService } from './auth.service.ts';

export function registerAuthModule(app: HttpApp, db: Db, orgs: OrgService, opts: { cookieSecure: boolean; loginRateLimit: number }) {
  const svc = createAuthService({ db });
  registerAuthRoutes(app, svc, orgs, opts);
  return svc;
}
export { MAX_FAILED_LOGINS, LOCK_MS } from './auth.service.ts';
