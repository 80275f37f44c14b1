// Tables the platform itself owns (sessions, audit chain, jobs, cases, calendar, ledger, attachments); every other
// table belongs to exactly one module's defineModule({ tables }).
import {
  attachments,
  auditEvents,
  calendarDays,
  calendarYears,
  caseCounters,
  cases,
  caseSteps,
  jobs,
  ledgerEntries,
  sessions,
} from '../db/index.ts';

export const PLATFORM_TABLES = [
  sessions,
  auditEvents,
  jobs,
  cases,
  caseSteps,
  caseCounters,
  calendarDays,
  calendarYears,
  ledgerEntries,
  attachments,
];
