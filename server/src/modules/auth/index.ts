import type { FieldCrypto } from '../../platform/crypto/index.ts';
import type { Db } from '../../platform/db/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import type { OrgService } from '../orgs/index.ts';
import { registerAuthRoutes } from './auth.routes.ts';
import { createAuthService, type AuthOptions } from './auth.service.ts';
import { createMfaLogin } from './mfa.login.ts';
import { registerMfaRoutes } from './mfa.routes.ts';
import { createMfaService } from './mfa.service.ts';

export interface AuthModuleOptions extends AuthOptions {
  cookieSecure: boolean;
  loginRateLimit: number;
  crypto: FieldCrypto;
}

export function registerAuthModule(app: HttpApp, db: Db, orgs: OrgService, opts: AuthModuleOptions) {
  const mfaLogin = createMfaLogin({ db, crypto: opts.crypto });
  const mfa = createMfaService({ db, crypto: opts.crypto });
  const svc = createAuthService({ db, opts, mfa: mfaLogin });
  registerAuthRoutes(app, svc, mfa, orgs, opts);
  registerMfaRoutes(app, mfa, mfaLogin, opts);
  return svc;
}
export type { AuthService, LoginInput, LoginResult } from './auth.service.ts';
export { ACCOUNT_RULE, IP_RULE, pruneLoginThrottle } from './throttle.ts';
export { disableDormantUsers } from './dormant.ts';
export { base32Decode, hotp, timeStep, totp } from './mfa.totp.ts';
export { MFA_CIPHER_COLUMNS } from './mfa.verify.ts';
