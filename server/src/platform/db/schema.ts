// Schema as code. `npm run db:generate -w server` writes the SQL migration into server/drizzle/.
// The tables live in ./tables/, one file per area; this file is the one entry drizzle-kit and the app read.
export * from './tables/orgs.ts';
export * from './tables/accounts.ts';
export * from './tables/audit.ts';
export * from './tables/members.ts';
export * from './tables/cases.ts';
export * from './tables/jobs.ts';
export * from './tables/imports.ts';
export * from './tables/reports.ts';
export * from './tables/ledger.ts';
export * from './tables/attachments.ts';
export * from './tables/notifications.ts';
export * from './tables/assistance.ts';
import { orgs, orgEvents } from './tables/orgs.ts';
import { roles, users, sessions, userMfa, mfaRecoveryCodes, mfaPendingLogins } from './tables/accounts.ts';
import { auditEvents } from './tables/audit.ts';
import { members, memberEvents, memberFlowMonths, memberPathCounts } from './tables/members.ts';
import { cases, caseSteps, caseCounters, calendarDays, calendarYears } from './tables/cases.ts';
import { jobs } from './tables/jobs.ts';
import { memberImports, memberImportRows, memberImportStaged } from './tables/imports.ts';
import { targets, workSummaries } from './tables/reports.ts';

export const schema = {
  orgs,
  orgEvents,
  roles,
  users,
  sessions,
  auditEvents,
  members,
  memberEvents,
  cases,
  caseSteps,
  caseCounters,
  calendarDays,
  calendarYears,
  jobs,
  memberImports,
  memberImportRows,
  memberImportStaged,
  targets,
  workSummaries,
  memberFlowMonths,
  memberPathCounts,
  userMfa,
  mfaRecoveryCodes,
  mfaPendingLogins,
};
export * from './tables/hardship.ts';
export * from './tables/rights.ts';
export * from './tables/appeals.ts';
export * from './tables/mutual-aid.ts';
export * from './tables/join-applications.ts';
export * from './tables/member-portal.ts';
