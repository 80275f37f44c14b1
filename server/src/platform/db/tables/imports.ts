// The member import (会员导入) and what its job stages.
import { boolean, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import { jobs } from './jobs.ts';
import { orgs } from './orgs.ts';

// 会员导入: one row per uploaded roster, its counters advanced batch by batch with the job's cursor.
export const memberImports = pgTable('member_imports', {
  jobId: integer('job_id')
    .primaryKey()
    .references(() => jobs.id),
  orgId: integer('org_id')
    .notNull()
    .references(() => orgs.id),
  fileName: varchar('file_name', { length: 255 }).notNull(),
  dryRun: boolean('dry_run').notNull(),
  sheetName: varchar('sheet_name', { length: 100 }),
  headerRow: integer('header_row'),
  /** The file's header cells, for the error report. */
  header: jsonb('header').$type<string[]>(),
  totalRows: integer('total_rows').notNull().default(0),
  validRows: integer('valid_rows').notNull().default(0),
  imported: integer('imported').notNull().default(0),
  updated: integer('updated').notNull().default(0),
  skipped: integer('skipped').notNull().default(0),
  errorCount: integer('error_count').notNull().default(0),
  noticeCount: integer('notice_count').notNull().default(0),
  /** Set when every batch is staged and the publish begins: a restart publishes what is staged without the file. */
  publishingSince: timestamp('publishing_since', { withTimezone: true }),
});

// Rows of an import that were refused (kind 'error', with the original cells encrypted for the error report)
// or imported with a remark (kind 'notice', e.g. a converted 15-digit ID number).
export const memberImportRows = pgTable(
  'member_import_rows',
  {
    jobId: integer('job_id')
      .notNull()
      .references(() => jobs.id),
    row: integer('row').notNull(),
    kind: varchar('kind', { length: 8 }).notNull(),
    column: varchar('column', { length: 20 }),
    message: varchar('message', { length: 1000 }).notNull(),
    rawCipher: text('raw_cipher'),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.row] }), index('member_import_rows_kind_idx').on(t.jobId, t.kind, t.row)],
);

// Validated rows of a running import, a batch in one or more parts (JSON arrays, as the batch was built), staged
// with the job's cursor. On PostgreSQL one transaction publishes them all at the end; on the embedded database a
// part at a time (`published`), so the API is not held for the whole publish (docs/decisions/0011). A crash leaves
// no member half imported: the job resumes from its last staged batch, or its next unpublished part.
export const memberImportStaged = pgTable(
  'member_import_staged',
  {
    jobId: integer('job_id')
      .notNull()
      .references(() => jobs.id),
    /** The last Excel row the batch covers. */
    lastRow: integer('last_row').notNull(),
    /** A batch's new members are staged in parts of at most STAGED_PART_ROWS; its patches go with part 0. */
    part: smallint('part').notNull().default(0),
    inserts: text('inserts').notNull(),
    patches: text('patches').notNull(),
    published: boolean('published').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.lastRow, t.part] })],
);

// 组织导入 (modules/org-imports): one row per uploaded 组织名册, beside its job. The refused rows (at most the
// file's row cap) are kept here with their cells for the error report: org rosters hold no personal data beyond
// a chair's name, which the org table itself keeps in clear.
export const orgImports = pgTable('org_imports', {
  jobId: integer('job_id')
    .primaryKey()
    .references(() => jobs.id),
  /** The union whose subtree the import may create in and update (the uploader's choice within their scope). */
  orgId: integer('org_id')
    .notNull()
    .references(() => orgs.id),
  fileName: varchar('file_name', { length: 255 }).notNull(),
  dryRun: boolean('dry_run').notNull(),
  /** The file has been read and checked: the counts and errors below are final. */
  checked: boolean('checked').notNull().default(false),
  header: jsonb('header').$type<string[]>(),
  totalRows: integer('total_rows').notNull().default(0),
  /** Rows that create a new org / update an existing one (planned by a dry run, done by an import). */
  creates: integer('creates').notNull().default(0),
  updates: integer('updates').notNull().default(0),
  errorCount: integer('error_count').notNull().default(0),
  errors: jsonb('errors').$type<{ row: number; column: string; message: string; raw: string[] }[]>().notNull().default([]),
  /** Set when an import has written its orgs (all of them, in one transaction). */
  applied: boolean('applied').notNull().default(false),
});
