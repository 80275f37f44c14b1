// The org tree and its dated life events.
import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, smallint, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { type MfaPolicy } from '@gonghui/common';
import { ts } from './columns.ts';

// Materialised path of ids with a trailing dot ("1.5.23."): a subtree is `path LIKE '1.5.%'`, and the dot
// keeps sibling prefixes apart (1.2. never matches 1.20.). See docs/decisions/0002-org-tree-path.md.
export const orgs = pgTable(
  'orgs',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    parentId: integer('parent_id'),
    path: varchar('path', { length: 400 }).notNull(),
    depth: smallint('depth').notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    pinyin: varchar('pinyin', { length: 600 }).notNull(),
    pinyinInitials: varchar('pinyin_initials', { length: 100 }).notNull(),
    searchGrams: text('search_grams')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    level: varchar('level', { length: 16 }).notNull(),
    kind: varchar('kind', { length: 32 }).notNull(),
    status: varchar('status', { length: 16 }).notNull().default('active'),
    uscc: varchar('uscc', { length: 18 }),
    divisionCode: varchar('division_code', { length: 12 }),
    foundedAt: date('founded_at', { mode: 'string' }),
    dissolvedAt: date('dissolved_at', { mode: 'string' }),
    chairName: varchar('chair_name', { length: 50 }),
    contactName: varchar('contact_name', { length: 50 }),
    employerName: varchar('employer_name', { length: 100 }),
    headcount: integer('headcount'),
    address: varchar('address', { length: 500 }),
    /** Second-factor policy set here; null inherits the nearest ancestor's (default `sensitive`). */
    mfaPolicy: varchar('mfa_policy', { length: 16 }).$type<MfaPolicy>(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('orgs_mfa_policy_ck', sql`${t.mfaPolicy} IN ('sensitive', 'all', 'off')`),
    uniqueIndex('orgs_path_uq').using('btree', t.path.op('text_pattern_ops')),
    index('orgs_parent_sort_idx').on(t.parentId, t.pinyin, t.id),
    // Joins from records to their org's path (statistics, campaign totals) read it from this index, not the heap
    // (~150 search grams per row make the heap 50+ MB for a city).
    index('orgs_id_path_idx').on(t.id, t.path),
    uniqueIndex('orgs_uscc_uq')
      .on(t.uscc)
      .where(sql`${t.uscc} IS NOT NULL`),
    index('orgs_search_grams_idx').using('gin', t.searchGrams),
  ],
);

export const orgEvents = pgTable(
  'org_events',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    type: varchar('type', { length: 16 }).notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    note: varchar('note', { length: 500 }),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('org_events_org_idx').on(t.orgId, t.date), index('org_events_type_date_idx').on(t.type, t.date)],
);
