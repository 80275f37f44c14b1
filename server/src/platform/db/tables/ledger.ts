// 资金台账 (platform/ledger).
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, uniqueIndex, varchar, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { LEDGER_FUND_SOURCES } from '@gonghui/common';
import { ts } from './columns.ts';
import { users } from './accounts.ts';
import { members } from './members.ts';
import { orgs } from './orgs.ts';

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
