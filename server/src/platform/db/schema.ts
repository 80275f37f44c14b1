// Schema as code. `npm run db:generate -w server` writes the SQL migration into server/drizzle/.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  type AnyPgColumn,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { LEDGER_FUND_SOURCES, type MfaPolicy } from '@gonghui/common';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

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

// Append-only, keyed hash chain, sealed outside the database (platform/audit); org_path lets auditors read exactly their subtree.
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    at: ts('at').notNull(),
    actorId: integer('actor_id'),
    actorName: varchar('actor_name', { length: 50 }),
    orgId: integer('org_id'),
    orgPath: varchar('org_path', { length: 400 }),
    action: varchar('action', { length: 50 }).notNull(),
    entityType: varchar('entity_type', { length: 50 }),
    entityId: varchar('entity_id', { length: 50 }),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: varchar('ip', { length: 64 }),
    requestId: varchar('request_id', { length: 64 }),
    prevHash: varchar('prev_hash', { length: 64 }).notNull(),
    hash: varchar('hash', { length: 64 }).notNull(),
    // 1: legacy plain SHA-256 (rows written before the keyed chain); 2: HMAC-SHA256 with a key outside the database.
    chainVersion: smallint('chain_version').notNull().default(1),
  },
  (t) => [
    check('audit_chain_version_check', sql`${t.chainVersion} IN (1, 2)`),
    index('audit_at_idx').on(t.at),
    index('audit_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops')),
    index('audit_action_idx').on(t.action, t.at),
  ],
);

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
    index('members_phone_hash_idx').on(t.phoneHash),
    index('members_name_grams_idx').using('gin', t.nameGrams),
    // Prefix search by pinyin initials ("zw") or full pinyin ("zhangwei").
    index('members_name_initials_idx').using('btree', t.nameInitials.op('text_pattern_ops')),
    index('members_name_pinyin_idx').using('btree', t.namePinyin.op('text_pattern_ops')),
    // Nothing stored in clear may give digits 4–14 of an ID number.
    check('members_id_masked_form', sql`${t.idMasked} ~ '^.{3}[*]{11}.{4}$'`),
  ],
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
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cases_type_number_uq').on(t.type, t.number),
    uniqueIndex('cases_open_subject_uq')
      .on(t.type, t.subject)
      .where(sql`${t.open} AND ${t.subject} IS NOT NULL`),
    index('cases_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops'), t.id),
    index('cases_target_org_path_idx').using('btree', t.targetOrgPath.op('text_pattern_ops'), t.id),
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

// Background jobs run by the in-process runner (platform/jobs). A job belongs to the runner holding an
// unexpired lease; `cursor` is the job's own progress marker, advanced in the same transaction as its work.
export const jobs = pgTable(
  'jobs',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    kind: varchar('kind', { length: 32 }).notNull(),
    status: varchar('status', { length: 16 }).notNull().default('queued'),
    orgId: integer('org_id').references(() => orgs.id),
    origin: jsonb('origin').$type<Record<string, unknown>>().notNull().default({}),
    cursor: integer('cursor').notNull().default(0),
    progress: real('progress').notNull().default(0),
    leaseOwner: varchar('lease_owner', { length: 64 }),
    leaseUntil: ts('lease_until'),
    attempts: smallint('attempts').notNull().default(0),
    error: varchar('error', { length: 500 }),
    createdAt: ts('created_at').notNull().defaultNow(),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
  },
  (t) => [index('jobs_status_idx').on(t.status, t.id), index('jobs_org_idx').on(t.orgId, t.id)],
);

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

// Validated rows of a running import, one row per batch (JSON arrays, as the batch was built), staged with the
// job's cursor and published into the registry in one transaction at the end: a crash leaves no member half
// imported, and the job resumes from its last staged batch.
export const memberImportStaged = pgTable(
  'member_import_staged',
  {
    jobId: integer('job_id')
      .notNull()
      .references(() => jobs.id),
    /** The last Excel row the batch covers. */
    lastRow: integer('last_row').notNull(),
    inserts: text('inserts').notNull(),
    patches: text('patches').notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.lastRow] })],
);

// 目标任务: an org's annual target per indicator, set by the org itself (root) or by its parent (层层分解).
export const targets = pgTable(
  'targets',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    year: smallint('year').notNull(),
    key: varchar('key', { length: 64 }).notNull(),
    // Integers (decision 0006): counts as they are, money indicators (unit 元) in 分.
    value: bigint('value', { mode: 'number' }).notNull(),
    setBy: integer('set_by'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.year, t.key] })],
);

// 工作总结: a drafted document; sections are cadres' editable text, figures the computed values it quotes.
export const workSummaries = pgTable(
  'work_summaries',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    year: smallint('year').notNull(),
    period: varchar('period', { length: 8 }).notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    status: varchar('status', { length: 8 }).notNull().default('draft'),
    title: varchar('title', { length: 200 }).notNull(),
    sections: jsonb('sections').$type<{ heading: string; level: number; paragraphs: string[] }[]>().notNull(),
    figures: jsonb('figures').$type<Record<string, unknown>[]>().notNull(),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('work_summaries_org_idx').on(t.orgId, t.year)],
);

export const schema = {
  orgs,
  orgEvents,
  roles,
  users,
  sessions,
  auditEvents,
  members,
  memberEvents,
  cases,
  caseSteps,
  caseCounters,
  calendarDays,
  calendarYears,
  jobs,
  memberImports,
  memberImportRows,
  memberImportStaged,
  targets,
  workSummaries,
  memberFlowMonths,
  userMfa,
  mfaRecoveryCodes,
  mfaPendingLogins,
};

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

// 资金台账: disbursements to payees, append-only (no UPDATE/DELETE: a wrong entry is corrected by a reversal that
// names it). Amounts are integer 分 (decision 0006): positive for a disbursement, negative for its reversal.
// org_path is the org's path when the entry was written (for the record); scope follows the org's current path.
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: varchar('org_path', { length: 400 }).notNull(),
    payeeName: varchar('payee_name', { length: 100 }).notNull(),
    payeeMemberId: integer('payee_member_id').references(() => members.id),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    fundSource: varchar('fund_source', { length: 32 }).notNull(),
    caseType: varchar('case_type', { length: 32 }),
    caseId: bigint('case_id', { mode: 'number' }),
    idempotencyKey: varchar('idempotency_key', { length: 100 }).notNull(),
    reversesEntryId: bigint('reverses_entry_id', { mode: 'number' }).references((): AnyPgColumn => ledgerEntries.id),
    note: varchar('note', { length: 500 }),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ledger_entries_idempotency_key_uq').on(t.idempotencyKey),
    uniqueIndex('ledger_entries_reverses_entry_id_uq').on(t.reversesEntryId),
    index('ledger_entries_org_created_idx').on(t.orgId, t.createdAt),
    check('ledger_entries_fund_source_ck', sql.raw(`fund_source IN (${LEDGER_FUND_SOURCES.map((f) => `'${f}'`).join(', ')})`)),
    // A disbursement is positive; only a reversal (which names its entry) is negative.
    check(
      'ledger_entries_sign_ck',
      sql`(${t.reversesEntryId} IS NULL AND ${t.amountFen} > 0) OR (${t.reversesEntryId} IS NOT NULL AND ${t.amountFen} < 0)`,
    ),
    check('ledger_entries_case_ck', sql`(${t.caseType} IS NULL) = (${t.caseId} IS NULL)`),
  ],
);
// 附件: files attached to an owner (an org now; cases later), stored by platform/files under a generated key. The
// owner's org and its path (kept in step by org moves) bound who sees the file, in code and by row-level security.
// Rows are never deleted by the app: deleted_at hides them.
export const attachments = pgTable(
  'attachments',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    ownerType: varchar('owner_type', { length: 32 }).notNull(),
    ownerId: integer('owner_id').notNull(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: varchar('org_path', { length: 400 }).notNull(),
    /** Sanitised for display: no path, no control, invisible or bidi characters, at most 120 characters. */
    fileName: varchar('file_name', { length: 255 }).notNull(),
    storageKey: varchar('storage_key', { length: 64 }).notNull(),
    /** Detected from the content's magic bytes, never the client's claim. */
    contentType: varchar('content_type', { length: 100 }).notNull(),
    size: integer('size').notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    uploadedBy: integer('uploaded_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    deletedAt: ts('deleted_at'),
  },
  (t) => [
    uniqueIndex('attachments_storage_key_uq').on(t.storageKey),
    index('attachments_owner_idx').on(t.ownerType, t.ownerId, t.id),
    index('attachments_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops'), t.id),
    check('attachments_size_ck', sql`${t.size} >= 0`),
  ],
);
