// 维权 (modules/rights): rights cases, the lawyer/mediator roster and 工伤探视 reports. A case row is keyed by its
// kernel case (platform/cases holds the number, status, version, owner org and due day); `status` mirrors the
// case's, written by the workflow's effects in the transaction of each action. Amounts are integer 分.
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text, varchar } from 'drizzle-orm/pg-core';
import {
  INJURY_SEVERITIES,
  RIGHTS_CHANNELS,
  RIGHTS_OUTCOMES,
  RIGHTS_STATUSES,
  RIGHTS_SUBJECTS,
  RIGHTS_TYPES,
  ROSTER_ROLES,
} from '@gonghui/common';
import { ts } from './columns.ts';
import { cases } from './cases.ts';
import { orgs } from './orgs.ts';

const oneOf = (column: string, values: readonly string[]) => sql.raw(`${column} IN (${values.map((v) => `'${v}'`).join(', ')})`);

// Lawyers and mediators an org keeps (律师 / 调解员); a case of the org or of any union below it may be assigned to
// one. `org_path` is the org's path, kept in step when orgs move. The phone is encrypted bound to (rights_roster, phone_cipher, id) with a masked form. Removing an entry sets
// `removed_at`: cases that named it keep the name.
export const rightsRoster = pgTable(
  'rights_roster',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    /** The org's path, kept in step by org moves (read by the scope policy). */
    orgPath: varchar('org_path', { length: 400 }).notNull(),
    name: varchar('name', { length: 50 }).notNull(),
    role: varchar('role', { length: 16 }).notNull(),
    firm: varchar('firm', { length: 100 }),
    phoneCipher: text('phone_cipher'),
    phoneMasked: varchar('phone_masked', { length: 11 }),
    createdAt: ts('created_at').notNull().defaultNow(),
    removedAt: ts('removed_at'),
  },
  (t) => [
    index('rights_roster_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops'), t.id),
    check('rights_roster_role_ck', oneOf('role', ROSTER_ROLES)),
  ],
);

// A rights case (维权案件). The parties' narrative is encrypted bound to (rights_cases, parties_cipher, id) and only
// shown through the audited reveal. `received_at`, `accepted_at` and `closed_at` date what the indicators count.
export const rightsCases = pgTable(
  'rights_cases',
  {
    id: integer('id')
      .primaryKey()
      .references(() => cases.id),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    type: varchar('type', { length: 16 }).notNull(),
    channel: varchar('channel', { length: 16 }).notNull(),
    subject: varchar('subject', { length: 16 }).notNull(),
    workers: integer('workers').notNull(),
    amountAtStakeFen: bigint('amount_at_stake_fen', { mode: 'number' }).notNull(),
    employerName: varchar('employer_name', { length: 100 }).notNull(),
    employerUscc: varchar('employer_uscc', { length: 18 }),
    receivedAt: date('received_at', { mode: 'string' }).notNull(),
    summary: varchar('summary', { length: 2000 }).notNull(),
    partiesCipher: text('parties_cipher'),
    status: varchar('status', { length: 16 }).notNull(),
    handlerName: varchar('handler_name', { length: 50 }),
    handlerRosterId: integer('handler_roster_id').references(() => rightsRoster.id),
    /** The roster entry's role when the handler is one (lawyer / mediator), copied at acceptance. */
    handlerRole: varchar('handler_role', { length: 16 }),
    acceptedAt: date('accepted_at', { mode: 'string' }),
    declinedAt: date('declined_at', { mode: 'string' }),
    declineReason: varchar('decline_reason', { length: 500 }),
    outcome: varchar('outcome', { length: 16 }),
    recoveredFen: bigint('recovered_fen', { mode: 'number' }),
    closedAt: date('closed_at', { mode: 'string' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('rights_cases_org_received_idx').on(t.orgId, t.receivedAt),
    index('rights_cases_closed_idx')
      .on(t.closedAt, t.orgId)
      .where(sql`${t.closedAt} IS NOT NULL`),
    check('rights_cases_type_ck', oneOf('type', RIGHTS_TYPES)),
    check('rights_cases_channel_ck', oneOf('channel', RIGHTS_CHANNELS)),
    check('rights_cases_subject_ck', oneOf('subject', RIGHTS_SUBJECTS)),
    check('rights_cases_status_ck', oneOf('status', RIGHTS_STATUSES)),
    check('rights_cases_outcome_ck', sql`outcome IS NULL OR ${oneOf('outcome', RIGHTS_OUTCOMES)}`),
    check('rights_cases_amounts_ck', sql`${t.workers} >= 1 AND ${t.amountAtStakeFen} >= 0 AND coalesce(${t.recoveredFen}, 0) >= 0`),
    check('rights_cases_closed_ck', sql`(${t.status} = 'closed') = (${t.closedAt} IS NOT NULL)`),
  ],
);

// 工伤探视: an injured worker reported by a union. Name and ID number are encrypted bound to (injury_reports, column,
// id) with masked forms; the visit records the day, the visitors and the condolence money (its ledger entry).
export const injuryReports = pgTable(
  'injury_reports',
  {
    id: integer('id')
      .primaryKey()
      .references(() => cases.id),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    nameCipher: text('name_cipher').notNull(),
    nameMasked: varchar('name_masked', { length: 50 }).notNull(),
    idCipher: text('id_cipher'),
    idMasked: varchar('id_masked', { length: 18 }),
    employerName: varchar('employer_name', { length: 100 }).notNull(),
    injuredAt: date('injured_at', { mode: 'string' }).notNull(),
    severity: varchar('severity', { length: 16 }).notNull(),
    status: varchar('status', { length: 16 }).notNull(),
    visitedAt: date('visited_at', { mode: 'string' }),
    visitors: varchar('visitors', { length: 100 }),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    ledgerEntryId: bigint('ledger_entry_id', { mode: 'number' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('injury_reports_org_injured_idx').on(t.orgId, t.injuredAt),
    check('injury_reports_severity_ck', oneOf('severity', INJURY_SEVERITIES)),
    check('injury_reports_status_ck', sql`${t.status} IN ('reported', 'visited')`),
    check('injury_reports_visit_ck', sql`(${t.status} = 'visited') = (${t.visitedAt} IS NOT NULL) AND coalesce(${t.amountFen}, 0) >= 0`),
  ],
);
