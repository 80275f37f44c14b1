// Cadre accounts, roles, sessions, the login throttle and the second factor.
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, smallint, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { orgs } from './orgs.ts';

export const roles = pgTable('roles', {
  key: varchar('key', { length: 32 }).primaryKey(),
  name: varchar('name', { length: 50 }).notNull(),
  permissions: text('permissions').array().notNull(),
  builtin: boolean('builtin').notNull().default(false),
  orgId: integer('org_id').references(() => orgs.id),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    username: varchar('username', { length: 32 }).notNull(),
    displayName: varchar('display_name', { length: 50 }),
    passwordHash: varchar('password_hash', { length: 200 }).notNull(),
    roles: text('roles').array().notNull(),
    disabled: boolean('disabled').notNull().default(false),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** For PASSWORD_MAX_AGE_DAYS; an admin reset sets must_change_password instead. */
    passwordChangedAt: ts('password_changed_at').notNull().defaultNow(),
    lastLoginAt: ts('last_login_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_uq').on(sql`lower(${t.username})`), index('users_org_idx').on(t.orgId)],
);

/** Key of an account name's row in login_throttle (lower-cased, so unknown names are throttled alike). */
export const ACCOUNT_THROTTLE_PREFIX = 'u:';

// Failed logins per account name (`u:<name>`) and per client IP (`ip:<addr>`), counted in one atomic
// statement per attempt (modules/auth/throttle.repo.ts). `next_at` is the progressive delay; `locked_at`
// the hard lock that only a security admin lifts.
export const loginThrottle = pgTable('login_throttle', {
  key: varchar('key', { length: 100 }).primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStart: ts('window_start').notNull().defaultNow(),
  nextAt: ts('next_at'),
  lockedAt: ts('locked_at'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

// Server-side sessions; the cookie carries a random token and only its SHA-256 is stored.
export const sessions = pgTable(
  'sessions',
  {
    id: varchar('id', { length: 64 }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: varchar('csrf_token', { length: 64 }).notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    ip: varchar('ip', { length: 64 }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

// TOTP second factor: one row per user; pending until confirmed_at is set. The secret is FieldCrypto ciphertext;
// last_step is the last accepted 30 s time step, so a code is never accepted twice.
export const userMfa = pgTable('user_mfa', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id),
  secretCipher: text('secret_cipher').notNull(),
  confirmedAt: ts('confirmed_at'),
  lastStep: bigint('last_step', { mode: 'number' }),
  failedAttempts: smallint('failed_attempts').notNull().default(0),
  lockedUntil: ts('locked_until'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

// One-time recovery codes; only a keyed hash (HMAC blind index) is stored.
export const mfaRecoveryCodes = pgTable(
  'mfa_recovery_codes',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    codeHash: varchar('code_hash', { length: 64 }).notNull(),
    usedAt: ts('used_at'),
  },
  (t) => [uniqueIndex('mfa_recovery_codes_user_code_uq').on(t.userId, t.codeHash)],
);

// A login whose password was right and that waits for the second factor. The cookie carries a random token; only
// its SHA-256 is stored. It opens nothing but POST /auth/login/mfa, expires quickly and allows few attempts.
export const mfaPendingLogins = pgTable(
  'mfa_pending_logins',
  {
    id: varchar('id', { length: 64 }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    attempts: smallint('attempts').notNull().default(0),
    expiresAt: ts('expires_at').notNull(),
    ip: varchar('ip', { length: 64 }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('mfa_pending_logins_user_idx').on(t.userId)],
);
