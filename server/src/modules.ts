// The server's modules, in start order: a module comes after those whose services it uses. A new module is its
// folder under server/src/modules (with defineModule in its index.ts) plus one line here.
import type { ServerModule } from './platform/contract/index.ts';
import { appealsModule } from './modules/appeals/index.ts';
import { dataCorrectionsModule } from './modules/data-corrections/index.ts';
import { assistanceModule } from './modules/assistance/index.ts';
import { auditModule } from './modules/audit/index.ts';
import { authModule } from './modules/auth/index.ts';
import { hardshipModule } from './modules/hardship/index.ts';
import { joinApplicationsModule } from './modules/join-applications/index.ts';
import { memberCasesModule } from './modules/member-cases/index.ts';
import { memberImportsModule } from './modules/member-imports/index.ts';
import { membersModule } from './modules/members/index.ts';
import { memberPortalModule } from './modules/member-portal/index.ts';
import { mutualAidModule } from './modules/mutual-aid/index.ts';
import { notificationsModule } from './modules/notifications/index.ts';
import { orgsModule } from './modules/orgs/index.ts';
import { orgImportsModule } from './modules/org-imports/index.ts';
import { reportsModule } from './modules/reports/index.ts';
import { rightsModule } from './modules/rights/index.ts';
import { statsModule } from './modules/stats/index.ts';
import { usersModule } from './modules/users/index.ts';

export const MODULES: readonly ServerModule[] = [
  orgsModule,
  usersModule,
  authModule,
  auditModule,
  membersModule,
  memberImportsModule,
  orgImportsModule,
  memberPortalModule,
  assistanceModule,
  statsModule,
  reportsModule,
  hardshipModule,
  rightsModule,
  appealsModule,
  mutualAidModule,
  joinApplicationsModule,
  dataCorrectionsModule,
  // The member portal's applications: on the case types of hardship, rights, appeals, mutual-aid and corrections.
  memberCasesModule,
  // Subscribes to every case type's steps: after the modules that register case types.
  notificationsModule,
];
