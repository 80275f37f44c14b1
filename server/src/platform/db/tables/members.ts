// The real-name member registry, its history, monthly flows, data keys and unmasked export requests.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { users } from './accounts.ts';
import { orgs } from './orgs.ts';

// Real-name member registry. ID number and phone are stored encrypted (bound to table, column and row), with an
// HMAC blind index for exact lookup and the masked form (3 leading + 4 trailing chars) for display. The birth date
// is digits 7–14 of the ID number: only its year is kept in clear (age statistics); the full date is revealed from
// the decrypted ID. org_path is the member's org path, kept in step when orgs move.
export const members = pgTable(
  'members',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: varchar('org_path', { length: 400 }).notNull(),
    name: varchar('name', { length: 50 }).notNull(),
    namePinyin: varchar('name_pinyin', { length: 300 }).notNull(),
    nameInitials: varchar('name_initials', { length: 50 }).notNull(),
    nameGrams: text('name_grams').array().notNull(),
    idCipher: text('id_cipher').notNull(),
    idHash: varchar('id_hash', { length: 43 }).notNull(),
    idMasked: varchar('id_masked', { length: 18 }).notNull(),
    phoneCipher: text('phone_cipher'),
    phoneHash: varchar('phone_hash', { length: 43 }),
    phoneMasked: varchar('phone_masked', { length: 11 }),
    gender: varchar('gender', { length: 8 }).notNull(),
    birthYear: smallint('birth_year').notNull(),
    joinedAt: date('joined_at', { mode: 'string' }).notNull(),
    status: varchar('status', { length: 16 }).notNull().default('active'),
    statusSince: date('status_since', { mode: 'string' }),
    categories: text('categories')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    cardNo: varchar('card_no', { length: 20 }).notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('members_id_hash_uq').on(t.idHash),
    uniqueIndex('members_card_no_uq').on(t.cardNo),
    index('members_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops'), t.id),
    index('members_org_idx').on(t.orgId, t.id),
    // The roster's count (members on the books in a subtree) reads this index only, never the table (benchmarks.md).
    index('members_org_path_status_idx').using('btree', t.orgPath.op('text_pattern_ops'), t.status),
    index('members_phone_hash_idx').on(t.phoneHash),
    index('members_name_grams_idx').using('gin', t.nameGrams),
    // Prefix search by pinyin initials ("zw") or full pinyin ("zhangwei").
    index('members_name_initials_idx').using('btree', t.nameInitials.op('text_pattern_ops')),
    index('members_name_pinyin_idx').using('btree', t.namePinyin.op('text_pattern_ops')),
    // The roster sorted by join date, newest first, read in keyset pages (members.repo.ts).
    index('members_joined_idx').on(t.joinedAt, t.id),
    // Nothing stored in clear may give digits 4–14 of an ID number.
    check('members_id_masked_form', sql`${t.idMasked} ~ '^.{3}[*]{11}.{4}$'`),
  ],
);

// Members on the books (any status but 'left') per org path, kept by statement-level triggers on members in the
// transaction of every write (migration member_path_counts). The roster's first page sums these over the scope
// instead of visiting every member row of it: a district's count read ~4,500 heap pages right after an import.
export const memberPathCounts = pgTable(
  'member_path_counts',
  {
    orgPath: varchar('org_path', { length: 400 }).primaryKey(),
    n: integer('n').notNull(),
  },
  (t) => [index('member_path_counts_path_idx').using('btree', t.orgPath.op('text_pattern_ops'), t.n)],
);

// Data keys of the envelope: random AES-256 keys wrapped by the master key (or an external KMS, see
// platform/crypto/key-provider.ts). Ciphertexts name their key version; exactly one key is active for new values.
export const dataKeys = pgTable(
  'data_keys',
  {
    version: integer('version').primaryKey(),
    wrapped: text('wrapped').notNull(),
    provider: varchar('provider', { length: 32 }).notNull(),
    active: boolean('active').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('data_keys_one_active_uq')
      .on(t.active)
      .where(sql`${t.active}`),
  ],
);

// Dated membership history (join, retire_keep, quit, transfer_out, transfer_in …): what reports count per period.
export const memberEvents = pgTable(
  'member_events',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    orgId: integer('org_id').notNull(),
    type: varchar('type', { length: 16 }).notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    // The member's gender and categories when the event happened, so that statistics need no join to members;
    // filled by a trigger when the writer leaves them out (see migration 0008 and decision 0003).
    gender: varchar('gender', { length: 8 }),
    categories: text('categories').array(),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('member_events_member_idx').on(t.memberId, t.id),
    index('member_events_org_type_idx').on(t.orgId, t.type, t.date),
    index('member_events_date_idx').on(t.date),
  ],
);

// Membership flows per month, counted for every ancestor of the org where they happened (and the org itself), by
// type, gender and set of categories. Kept by triggers on member_events in the same transaction; a move of a
// subtree shifts its rows from the old ancestors to the new ones (decision 0003). Statistics read whole months here
// and only the days of partial months from member_events.
export const memberFlowMonths = pgTable(
  'member_flow_months',
  {
    ancestorId: integer('ancestor_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    type: varchar('type', { length: 16 }).notNull(),
    gender: varchar('gender', { length: 8 }).notNull(),
    categories: text('categories').array().notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ancestorId, t.month, t.type, t.gender, t.categories] })],
);

// Unmasked member exports (敏感数据导出申请): asked by one cadre, approved by another, downloaded once. The filter is
// stored resolved (an ID number only as its blind index); the org's current path bounds who sees the request.
export const exportRequests = pgTable(
  'export_requests',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    number: varchar('number', { length: 20 }).notNull(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    requesterId: integer('requester_id')
      .notNull()
      .references(() => users.id),
    reason: varchar('reason', { length: 500 }).notNull(),
    filter: jsonb('filter').$type<Record<string, unknown>>().notNull(),
    rowCount: integer('row_count').notNull(),
    status: varchar('status', { length: 16 }).$type<'pending' | 'approved' | 'rejected' | 'downloaded'>().notNull().default('pending'),
    approverId: integer('approver_id').references(() => users.id),
    opinion: varchar('opinion', { length: 500 }),
    createdAt: ts('created_at').notNull().defaultNow(),
    decidedAt: ts('decided_at'),
    downloadedAt: ts('downloaded_at'),
  },
  (t) => [
    uniqueIndex('export_requests_number_uq').on(t.number),
    index('export_requests_org_idx').on(t.orgId, t.status),
    check('export_requests_status_ck', sql`${t.status} IN ('pending', 'approved', 'rejected', 'downloaded')`),
    check('export_requests_not_self_ck', sql`${t.approverId} IS NULL OR ${t.approverId} <> ${t.requesterId}`),
  ],
);
