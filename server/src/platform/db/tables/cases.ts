// Casework (platform/cases): cases, their steps and numbers, and the working-day calendar.
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, smallint, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { users } from './accounts.ts';
import { orgs } from './orgs.ts';
import { members } from './members.ts';

// Casework (platform/cases, decision 0005): one row per case of any type. `org_*` is the owner side (whose cadres
// opened it), `target_org_*` the other side where there is one (the receiving union of a transfer); both paths are
// kept in step when orgs move. `version` is the compare-and-set token every action carries; `open` is true while the
// status awaits someone, so that `subject` (e.g. 'member:42') has at most one open case per type.
export const cases = pgTable(
  'cases',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    type: varchar('type', { length: 32 }).notNull(),
    number: varchar('number', { length: 24 }).notNull(),
    year: smallint('year').notNull(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: varchar('org_path', { length: 400 }).notNull(),
    targetOrgId: integer('target_org_id').references(() => orgs.id),
    targetOrgPath: varchar('target_org_path', { length: 400 }),
    status: varchar('status', { length: 16 }).notNull(),
    open: boolean('open').notNull(),
    version: integer('version').notNull().default(1),
    subject: varchar('subject', { length: 64 }),
    assigneeId: integer('assignee_id').references(() => users.id),
    /** The last working day to act ('YYYY-MM-DD', China time), counted in the working-day calendar. */
    dueAt: date('due_at', { mode: 'string' }),
    /** Set by the overdue sweep once due_at has passed while the case was open. */
    overdueAt: ts('overdue_at'),
    title: varchar('title', { length: 200 }).notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    createdBy: integer('created_by'),
    /** The member who applied in the member portal (我的申请); null when a cadre registered the case. */
    createdByMemberId: integer('created_by_member_id').references(() => members.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cases_type_number_uq').on(t.type, t.number),
    uniqueIndex('cases_open_subject_uq')
      .on(t.type, t.subject)
      .where(sql`${t.open} AND ${t.subject} IS NOT NULL`),
    index('cases_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops'), t.id),
    // The cases of one type in a subtree (a module's indicators over its own cases, e.g. hardship files).
    index('cases_type_org_path_idx').using('btree', t.type, t.orgPath.op('text_pattern_ops'), t.id),
    index('cases_target_org_path_idx').using('btree', t.targetOrgPath.op('text_pattern_ops'), t.id),
    // A member's own cases (我的申请), newest first.
    index('cases_created_by_member_idx')
      .on(t.createdByMemberId, t.id)
      .where(sql`${t.createdByMemberId} IS NOT NULL`),
    index('cases_open_due_idx')
      .on(t.dueAt)
      .where(sql`${t.open}`),
    check('cases_version_ck', sql`${t.version} >= 1`),
  ],
);

// A case's timeline: one row per transition, written in the transaction of the change. Names are copied so the
// timeline reads the same after a user is renamed or an org dissolved.
export const caseSteps = pgTable(
  'case_steps',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    action: varchar('action', { length: 32 }).notNull(),
    fromStatus: varchar('from_status', { length: 16 }),
    toStatus: varchar('to_status', { length: 16 }).notNull(),
    actorId: integer('actor_id'),
    /** The member who took the step in the member portal (applied, withdrew); then actor_id is null. */
    actorMemberId: integer('actor_member_id').references(() => members.id),
    actorName: varchar('actor_name', { length: 50 }).notNull(),
    actorOrgName: varchar('actor_org_name', { length: 100 }),
    opinion: varchar('opinion', { length: 500 }),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('case_steps_case_idx').on(t.caseId, t.id)],
);

// Case numbers per type and year (JZ-2026-000123): one row, bumped by a single upsert per new case.
export const caseCounters = pgTable(
  'case_counters',
  {
    type: varchar('type', { length: 32 }).notNull(),
    year: smallint('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.type, t.year] })],
);

// Working-day calendar: only the days that differ from the Monday–Friday week — public holidays (holiday) and
// 调休 make-up working days on a weekend (workday). A year stays `provisional` until the State Council's notice is in.
export const calendarDays = pgTable(
  'calendar_days',
  {
    date: date('date', { mode: 'string' }).primaryKey(),
    kind: varchar('kind', { length: 8 }).$type<'holiday' | 'workday'>().notNull(),
    name: varchar('name', { length: 20 }).notNull(),
  },
  (t) => [check('calendar_days_kind_ck', sql`${t.kind} IN ('holiday', 'workday')`)],
);

export const calendarYears = pgTable('calendar_years', {
  year: smallint('year').primaryKey(),
  provisional: boolean('provisional').notNull().default(true),
  updatedBy: integer('updated_by'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
