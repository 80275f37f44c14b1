// 网上入会 (modules/join-applications): one row per online application, keyed by its case (platform/cases holds the
// number, status, version, the union applied to as owner, and the due day).
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, varchar } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { cases } from './cases.ts';
import { members } from './members.ts';

// The applicant's name, ID number and phone are encrypted bound to (join_applications, column, case_id) and shown
// masked; `id_hash` is the members' blind index of the ID number (the same key), so a duplicate member is found
// without decrypting. The status token is a secret handed to the applicant once; only its SHA-256 is kept.
export const joinApplications = pgTable(
  'join_applications',
  {
    caseId: integer('case_id')
      .primaryKey()
      .references(() => cases.id),
    nameCipher: text('name_cipher').notNull(),
    nameMasked: varchar('name_masked', { length: 50 }).notNull(),
    idHash: varchar('id_hash', { length: 43 }).notNull(),
    idCipher: text('id_cipher').notNull(),
    idMasked: varchar('id_masked', { length: 18 }).notNull(),
    phoneCipher: text('phone_cipher').notNull(),
    phoneMasked: varchar('phone_masked', { length: 11 }).notNull(),
    employerName: varchar('employer_name', { length: 100 }).notNull(),
    employerUscc: varchar('employer_uscc', { length: 18 }),
    /** The employer has no union: the application went to a street or community union. */
    noUnion: boolean('no_union').notNull().default(false),
    tokenHash: varchar('token_hash', { length: 64 }).notNull(),
    memberId: integer('member_id').references(() => members.id),
    decidedAt: ts('decided_at'),
    reason: varchar('reason', { length: 500 }),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('join_applications_id_hash_idx').on(t.idHash),
    check('join_applications_id_masked_form', sql`${t.idMasked} ~ '^.{3}[*]{11}.{4}$'`),
  ],
);
