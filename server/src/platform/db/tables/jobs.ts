// Background jobs of the one job service (platform/jobs).
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, real, smallint, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { orgs } from './orgs.ts';

// A job belongs to the runner holding an unexpired lease; `cursor` is the job's own progress marker, advanced in the
// same transaction as its work. `payload` is checked against the kind's schema at enqueue. A recurring kind has one
// row (`every_ms` set, unique per kind) that goes back to `queued` with `run_after` = end + interval after each run.
export const jobs = pgTable(
  'jobs',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    kind: varchar('kind', { length: 32 }).notNull(),
    status: varchar('status', { length: 16 }).notNull().default('queued'),
    orgId: integer('org_id').references(() => orgs.id),
    origin: jsonb('origin').$type<Record<string, unknown>>().notNull().default({}),
    payload: jsonb('payload').$type<unknown>().notNull().default({}),
    cursor: integer('cursor').notNull().default(0),
    progress: real('progress').notNull().default(0),
    leaseOwner: varchar('lease_owner', { length: 64 }),
    leaseUntil: ts('lease_until'),
    /** Not claimed before this instant (the next run of a recurring kind). */
    runAfter: ts('run_after'),
    /** Set on the one row of a recurring kind: its interval. */
    everyMs: integer('every_ms'),
    attempts: smallint('attempts').notNull().default(0),
    error: varchar('error', { length: 500 }),
    createdAt: ts('created_at').notNull().defaultNow(),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
  },
  (t) => [
    index('jobs_status_idx').on(t.status, t.id),
    index('jobs_org_idx').on(t.orgId, t.id),
    uniqueIndex('jobs_schedule_uq')
      .on(t.kind)
      .where(sql`${t.everyMs} IS NOT NULL`),
  ],
);
