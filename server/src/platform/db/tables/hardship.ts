// 困难职工档案 (modules/hardship): one row per hardship file, keyed by its case (platform/cases holds the number,
// status, version, owner org and due day), and the dated history the indicators count.
import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, smallint, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { cases } from './cases.ts';
import { members } from './members.ts';

// The household of a file. ID number and phone are encrypted bound to (hardship_files, column, case_id), with an
// HMAC blind index of the ID (the same index as members', so a file finds its person) and masked forms for display.
// `status` mirrors the case's status (kept by the workflow's effects in the same transaction) for the partial unique
// index: one file per person in the whole federation unless it was rejected or the household left hardship.
export const hardshipFiles = pgTable(
  'hardship_files',
  {
    caseId: integer('case_id')
      .primaryKey()
      .references(() => cases.id),
    memberId: integer('member_id').references(() => members.id),
    /** The owning union's path (its case's org_path), kept in step when orgs move: the indicators read it alone. */
    orgPath: varchar('org_path', { length: 400 }).notNull(),
    name: varchar('name', { length: 50 }).notNull(),
    idCipher: text('id_cipher').notNull(),
    idHash: varchar('id_hash', { length: 43 }).notNull(),
    idMasked: varchar('id_masked', { length: 18 }).notNull(),
    phoneCipher: text('phone_cipher'),
    phoneMasked: varchar('phone_masked', { length: 11 }),
    householdSize: smallint('household_size').notNull(),
    /** Monthly income per head of the household, in 分. */
    incomePerHead: integer('income_per_head').notNull(),
    /** Causes of hardship; the first is the primary cause the indicators count. */
    causes: text('causes').array().notNull(),
    tier: varchar('tier', { length: 16 }).notNull(),
    family: jsonb('family').$type<{ name: string; relation: string }[]>().notNull().default([]),
    pairing: varchar('pairing', { length: 100 }),
    /** The member's own account of their hardship when they applied in the member portal (encrypted like the ID). */
    narrativeCipher: text('narrative_cipher'),
    status: varchar('status', { length: 16 }).notNull(),
    registeredAt: date('registered_at', { mode: 'string' }),
    reviewedAt: date('reviewed_at', { mode: 'string' }),
    nextReviewAt: date('next_review_at', { mode: 'string' }),
    exitedAt: date('exited_at', { mode: 'string' }),
    exitReason: varchar('exit_reason', { length: 500 }),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('hardship_files_id_hash_active_uq')
      .on(t.idHash)
      .where(sql`${t.status} NOT IN ('rejected', 'exited', 'withdrawn')`),
    index('hardship_files_registered_idx').on(t.registeredAt),
    // A subtree's files on file on a day or registered / exited in a period (the indicators), from the index alone.
    index('hardship_files_org_path_idx').using(
      'btree',
      t.orgPath.op('text_pattern_ops'),
      t.registeredAt,
      t.exitedAt,
      t.reviewedAt,
      t.tier,
      t.causes,
      t.caseId,
    ),
    check('hardship_files_id_masked_form', sql`${t.idMasked} ~ '^.{3}[*]{11}.{4}$'`),
    check('hardship_files_causes_ck', sql`cardinality(${t.causes}) >= 1`),
    check('hardship_files_tier_ck', sql`${t.tier} IN ('national', 'provincial', 'city', 'district')`),
  ],
);

// Dated history of a file: `registered` (approval, with the tier), `reviewed` (the tier after the review) and
// `exited`. The tier of a file on a day is that of its last registered/reviewed event on or before it, so a past
// period's figures stay what they were after a later review.
export const hardshipEvents = pgTable(
  'hardship_events',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => hardshipFiles.caseId),
    type: varchar('type', { length: 16 }).notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    tier: varchar('tier', { length: 16 }).notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('hardship_events_case_idx').on(t.caseId, t.date, t.id),
    check('hardship_events_type_ck', sql`${t.type} IN ('registered', 'reviewed', 'exited')`),
  ],
);
