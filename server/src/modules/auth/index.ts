import type { FieldCrypto } from '../../platform/crypto/index.ts';
import type { Db } from '../../platform/db/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import type { OrgService } from '../orgs/index.ts';
import { registerAuthRoutes } from './auth.routes.ts';
import { createAuthService } from './auth.service.ts';
import { createMfaLogin } from './mfa.login.ts';
import { registerMfaRoutes } from './mfa.routes.ts';
import { createMfaService } from './mfa.service.ts';

export function registerAuthModule(
  app: HttpApp,
  db: Db,
  orgs: OrgService,
  opts: { cookieSecure: boolean; loginRateLimit: number; crypto: FieldCrypto },
) {
  const mfaLogin = createMfaLogin({ db, crypto: opts.crypto });
  const mfa = createMfaService({ db, crypto: opts.crypto });
  const svc = createAuthService({ db, mfa: mfaLogin });
  registerAuthRoutes(app, svc, mfa, orgs, opts);
  registerMfaRoutes(app, mfa, mfaLogin, opts);
  return svc;
}
export { MAX_FAILED_LOGINS, LOCK_MS } from './auth.service.ts';
export { base32Decode, hotp, timeStep, totp } from './mfa.totp.ts';
