// Members' own accounts for the H5 portal (modules/member-portal): a principal separate from cadres, with its own
// sessions and one-time SMS codes. Only hashes are stored: the phone as the members' blind index, the session token
// as SHA-256, the SMS code as a keyed hash.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, smallint, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { members } from './members.ts';

export const memberAccounts = pgTable(
  'member_accounts',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    /** The members' phone blind index at activation: login by phone finds the account through it. */
    phoneHash: varchar('phone_hash', { length: 43 }).notNull(),
    /** argon2id; null until the member sets one (code login only). */
    passwordHash: text('password_hash'),
    /** Null: not (or no longer) activated; a cadre's reset clears it. */
    activatedAt: ts('activated_at'),
    consentVersion: varchar('consent_version', { length: 32 }),
    consentAt: ts('consent_at'),
    consentIp: varchar('consent_ip', { length: 64 }),
    /** Optional consents: key → {granted, at}. */
    consents: jsonb('consents').notNull().default({}),
    failedCount: smallint('failed_count').notNull().default(0),
    lockedUntil: ts('locked_until'),
    lastLoginAt: ts('last_login_at'),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('member_accounts_member_uq').on(t.memberId),
    // One activated account per phone: login by phone must find exactly one member.
    uniqueIndex('member_accounts_phone_uq')
      .on(t.phoneHash)
      .where(sql`${t.activatedAt} IS NOT NULL`),
  ],
);

// The cookie carries a random token; only its SHA-256 is stored (as for cadre sessions).
export const memberSessions = pgTable(
  'member_sessions',
  {
    id: varchar('id', { length: 64 }).primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => memberAccounts.id),
    csrfToken: varchar('csrf_token', { length: 64 }).notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    ip: varchar('ip', { length: 64 }),
  },
  (t) => [index('member_sessions_account_idx').on(t.accountId)],
);

// One row per code request, whether or not a code was sent (code_hash null: the pair matched no member), so the
// resend limits answer alike for members and strangers.
export const memberCodes = pgTable(
  'member_codes',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    phoneHash: varchar('phone_hash', { length: 43 }).notNull(),
    purpose: varchar('purpose', { length: 16 }).notNull(),
    memberId: integer('member_id').references(() => members.id),
    codeHash: varchar('code_hash', { length: 64 }),
    attempts: smallint('attempts').notNull().default(0),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    ip: varchar('ip', { length: 64 }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('member_codes_phone_idx').on(t.phoneHash, t.createdAt), index('member_codes_ip_idx').on(t.ip, t.createdAt)],
);
