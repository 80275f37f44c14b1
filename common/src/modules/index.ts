// Every module's shared catalogue, in menu order. A new module adds its catalogue file here with one line.
import { appealsCatalogue } from './appeals.ts';
import { dataCorrectionsCatalogue } from './data-corrections.ts';
import { authCatalogue } from './auth.ts';
import { hardshipCatalogue } from './hardship.ts';
import { joinApplicationsCatalogue } from './join-applications.ts';
import { assistanceCatalogue } from './assistance.ts';
import { mutualAidCatalogue } from './mutual-aid.ts';
import { auditCatalogue } from './audit.ts';
import { memberImportsCatalogue } from './member-imports.ts';
import { membersCatalogue } from './members.ts';
import { memberCasesCatalogue } from './member-cases.ts';
import { memberPortalCatalogue } from './member-portal.ts';
import { notificationsCatalogue } from './notifications.ts';
import { orgsCatalogue } from './orgs.ts';
import { orgImportsCatalogue } from './org-imports.ts';
import { platformCatalogue } from './platform.ts';
import { reportsCatalogue } from './reports.ts';
import { rightsCatalogue } from './rights.ts';
import { statsCatalogue } from './stats.ts';
import { usersCatalogue } from './users.ts';

export const CATALOGUES = [
  orgsCatalogue,
  orgImportsCatalogue,
  usersCatalogue,
  auditCatalogue,
  membersCatalogue,
  memberImportsCatalogue,
  joinApplicationsCatalogue,
  memberPortalCatalogue,
  hardshipCatalogue,
  assistanceCatalogue,
  rightsCatalogue,
  appealsCatalogue,
  mutualAidCatalogue,
  memberCasesCatalogue,
  dataCorrectionsCatalogue,
  statsCatalogue,
  reportsCatalogue,
  authCatalogue,
  notificationsCatalogue,
  platformCatalogue,
] as const;

export type Catalogue = (typeof CATALOGUES)[number];
export type ModuleKey = Catalogue['key'];
export {
  appealsCatalogue,
  dataCorrectionsCatalogue,
  assistanceCatalogue,
  authCatalogue,
  auditCatalogue,
  hardshipCatalogue,
  joinApplicationsCatalogue,
  memberImportsCatalogue,
  membersCatalogue,
  memberCasesCatalogue,
  memberPortalCatalogue,
  mutualAidCatalogue,
  notificationsCatalogue,
  orgsCatalogue,
  orgImportsCatalogue,
  platformCatalogue,
  reportsCatalogue,
  rightsCatalogue,
  statsCatalogue,
  usersCatalogue,
};
export { defineCatalogue, type ModuleCatalogue, type ErrorSpec } from './define.ts';
