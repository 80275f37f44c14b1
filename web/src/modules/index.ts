// The console's modules in menu order. A new module is its file here (routes and menu entries) plus one line.
import { appealsWebModule } from './appeals.tsx';
import { assistanceWebModule } from './assistance.tsx';
import { auditWebModule } from './audit.tsx';
import type { WebModule } from './define.ts';
import { hardshipWebModule } from './hardship.tsx';
import { joinApplicationsWebModule } from './join-applications.tsx';
import { membersWebModule } from './members.tsx';
import { mutualAidWebModule } from './mutual-aid.tsx';
import { orgsWebModule } from './orgs.tsx';
import { reportsWebModule } from './reports.tsx';
import { rightsWebModule } from './rights.tsx';
import { statsWebModule } from './stats.tsx';
import { usersWebModule } from './users.tsx';
import { workbenchWebModule } from './workbench.tsx';

export const WEB_MODULES: readonly WebModule[] = [
  workbenchWebModule,
  orgsWebModule,
  membersWebModule,
  joinApplicationsWebModule,
  hardshipWebModule,
  assistanceWebModule,
  rightsWebModule,
  appealsWebModule,
  mutualAidWebModule,
  statsWebModule,
  reportsWebModule,
  usersWebModule,
  auditWebModule,
];
export type { MenuEntry, MenuGroup, WebModule } from './define.ts';
