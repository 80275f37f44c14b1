// Public surface of the member portal module: members' own accounts (SMS code activation, login, consents), their
// H5 routes (/api/v1/h5/*) and the cadres' view of the accounts.
import { memberPortalCatalogue } from '@gonghui/common';
import { memberAccounts, memberCodes, memberSessions, type Db } from '../../platform/db/index.ts';
import { defineModule } from '../../platform/contract/index.ts';
import { createCardService } from '../members/index.ts';
import { registerMemberAuthRoutes } from './auth.routes.ts';
import { createMemberAuthService, type MemberAuthService } from './auth.service.ts';
import { createCodes } from './codes.ts';
import { deleteExpiredSessions } from './accounts.repo.ts';
import { prune as pruneCodes } from './codes.repo.ts';
import { createConsoleService, registerConsoleRoutes } from './console.ts';
import { MEMBER_IDLE_MS, registerMemberAuth } from './member-auth.ts';
import { registerPortalRoutes } from './portal.routes.ts';
import { createPortalService } from './portal.service.ts';

declare module '../../platform/contract/contract.ts' {
  interface ModuleServices {
    'member-portal': MemberAuthService;
  }
}

export const memberPortalModule = defineModule({
  name: 'member-portal',
  catalogue: memberPortalCatalogue,
  tables: [memberAccounts, memberSessions, memberCodes],
  register({ app, db, settings, messages }) {
    const { crypto } = settings;
    registerMemberAuth(app, db);
    const auth = createMemberAuthService({ db, crypto, codes: createCodes({ db, crypto }), messages });
    const portal = createPortalService({ db, cards: createCardService({ db, crypto }) });
    registerMemberAuthRoutes(app, auth, portal, { cookieSecure: settings.cookieSecure });
    registerPortalRoutes(app, portal, { publicBaseUrl: settings.publicBaseUrl });
    registerConsoleRoutes(app, createConsoleService({ db }));
    return auth;
  },
});
export { MEMBER_SESSION_COOKIE, MEMBER_CSRF_COOKIE, type MemberPrincipal } from './member-auth.ts';

/** Housekeeping for the periodic sweep (sweeps.ts): ended member sessions and code requests past the hourly window. */
export async function pruneMemberPortal(db: Db): Promise<void> {
  await deleteExpiredSessions(db, new Date(Date.now() - MEMBER_IDLE_MS));
  await pruneCodes(db, new Date(Date.now() - 2 * 3600_000));
}
