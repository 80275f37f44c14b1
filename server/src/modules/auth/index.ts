// Public surface of the auth module: sign-in, sessions, passwords, the second factor and security policy.
import { authCatalogue } from '@gonghui/common';
import { loginThrottle, mfaPendingLogins, mfaRecoveryCodes, userMfa } from '../../platform/db/index.ts';
import { defineModule } from '../../platform/contract/index.ts';
import { registerAuthRoutes } from './auth.routes.ts';
import { createAuthService, type AuthService } from './auth.service.ts';
import { createMfaLogin } from './mfa.login.ts';
import { registerMfaRoutes } from './mfa.routes.ts';
import { createMfaService } from './mfa.service.ts';

declare module '../../platform/contract/contract.ts' {
  interface ModuleServices {
    auth: AuthService;
  }
}

export const authModule = defineModule({
  name: 'auth',
  catalogue: authCatalogue,
  tables: [loginThrottle, userMfa, mfaRecoveryCodes, mfaPendingLogins],
  register({ app, db, settings, service }) {
    const opts = {
      cookieSecure: settings.cookieSecure,
      loginRateLimit: settings.loginRateLimit,
      passwordMaxAgeDays: settings.passwordMaxAgeDays ?? 0,
      dormantDays: settings.dormantDays ?? 0,
      crypto: settings.crypto,
    };
    const mfaLogin = createMfaLogin({ db, crypto: settings.crypto });
    const mfa = createMfaService({ db, crypto: settings.crypto });
    const svc = createAuthService({ db, opts, mfa: mfaLogin });
    registerAuthRoutes(app, svc, mfa, service('orgs'), opts);
    registerMfaRoutes(app, mfa, mfaLogin, opts);
    return svc;
  },
});
export type { AuthService, LoginInput, LoginResult } from './auth.service.ts';
export { ACCOUNT_RULE, IP_RULE, pruneLoginThrottle } from './throttle.ts';
export { disableDormantUsers } from './dormant.ts';
export { base32Decode, hotp, timeStep, totp } from './mfa.totp.ts';
export { MFA_CIPHER_COLUMNS } from './mfa.verify.ts';
