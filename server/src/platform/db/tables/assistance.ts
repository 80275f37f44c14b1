// 帮扶救助 (modules/assistance): campaigns and assistance entries. Amounts are integer 分 (decision 0006).
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
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { ASSISTANCE_KINDS, ASSISTANCE_STATUSES, CAMPAIGN_KINDS, FUND_SOURCES, STUDENT_STAGES } from '@gonghui/common';
import { ts } from './columns.ts';
import { users } from './accounts.ts';
import { cases } from './cases.ts';
import { hardshipFiles } from './hardship.ts';
import { jobs } from './jobs.ts';
import { orgs } from './orgs.ts';

const oneOf = (column: string, values: readonly string[]) => sql.raw(`${column} IN (${values.map((v) => `'${v}'`).join(', ')})`);

// 帮扶活动 (送温暖 / 送清凉 / 金秋助学 / 救灾) opened by an org, with a budget per fund source. Unions below the
// opening org submit beneficiaries as assistance entries naming the campaign. org_path is the opening org's path,
// kept in step when orgs move (read by the scope policy: a campaign is seen from its org's subtree and from above it).
export const campaigns = pgTable(
  'campaigns',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: varchar('org_path', { length: 400 }).notNull(),
    kind: varchar('kind', { length: 16 }).notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    budgetUnion: bigint('budget_union', { mode: 'number' }).notNull().default(0),
    budgetGovernment: bigint('budget_government', { mode: 'number' }).notNull().default(0),
    budgetSocial: bigint('budget_social', { mode: 'number' }).notNull().default(0),
    budgetEnterprise: bigint('budget_enterprise', { mode: 'number' }).notNull().default(0),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('campaigns_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops'), t.id),
    check('campaigns_kind_ck', oneOf('kind', CAMPAIGN_KINDS)),
    check('campaigns_dates_ck', sql`${t.startsOn} <= ${t.endsOn}`),
    check(
      'campaigns_budget_ck',
      sql`${t.budgetUnion} >= 0 AND ${t.budgetGovernment} >= 0 AND ${t.budgetSocial} >= 0 AND ${t.budgetEnterprise} >= 0`,
    ),
  ],
);

// 帮扶救助: one payment to a person, run as a case of the kernel (the row's id is its case's id). ID number and phone
// are encrypted bound to this table, column and row, with a blind index of the ID (id_hash) and masked forms.
// `status` mirrors the case's, written by the workflow's effects in the transaction of each action; `paid_at` is the
// day paid (the indicators' date), `ledger_entry_id` the 资金台账 entry. A person is paid at most once per campaign:
// one entry per (campaign, ID) that is neither cancelled nor reversed.
export const assistanceEntries = pgTable(
  'assistance_entries',
  {
    id: integer('id')
      .primaryKey()
      .references(() => cases.id),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    /** The org's path, kept in step when orgs move (like cases.org_path): scope and statistics read it without orgs. */
    orgPath: varchar('org_path', { length: 400 }).notNull(),
    name: varchar('name', { length: 50 }).notNull(),
    idCipher: text('id_cipher').notNull(),
    idHash: varchar('id_hash', { length: 43 }).notNull(),
    idMasked: varchar('id_masked', { length: 18 }).notNull(),
    phoneCipher: text('phone_cipher'),
    phoneMasked: varchar('phone_masked', { length: 11 }),
    /** The household's hardship file (在档, same person) the payment was made under; checked by the service. */
    hardshipFileId: integer('hardship_file_id').references(() => hardshipFiles.caseId),
    campaignId: integer('campaign_id').references(() => campaigns.id),
    kind: varchar('kind', { length: 16 }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    goodsFen: bigint('goods_fen', { mode: 'number' }).notNull().default(0),
    fundSource: varchar('fund_source', { length: 16 }).notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    studentName: varchar('student_name', { length: 50 }),
    school: varchar('school', { length: 100 }),
    stage: varchar('stage', { length: 16 }),
    admissionYear: smallint('admission_year'),
    visitingLeader: varchar('visiting_leader', { length: 50 }),
    note: varchar('note', { length: 500 }),
    status: varchar('status', { length: 16 }).notNull().default('requested'),
    paidAt: date('paid_at', { mode: 'string' }),
    ledgerEntryId: bigint('ledger_entry_id', { mode: 'number' }),
    reversedAt: date('reversed_at', { mode: 'string' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('assistance_entries_campaign_person_uq')
      .on(t.campaignId, t.idHash)
      .where(sql`${t.campaignId} IS NOT NULL AND ${t.status} NOT IN ('cancelled', 'reversed')`),
    index('assistance_entries_org_idx').on(t.orgId, t.id),
    index('assistance_entries_hardship_file_idx').on(t.hardshipFileId),
    // A subtree's entries newest first (the ledger list, its count and the scope policy's path range).
    index('assistance_entries_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops'), t.date, t.id),
    // Paid entries by day, then subtree (the 帮扶 indicators name each day of the period: one short range of paths
    // per day), read from the index alone.
    index('assistance_entries_paid_path_idx')
      .using('btree', t.paidAt, t.orgPath.op('text_pattern_ops'), t.kind, t.fundSource, t.campaignId, t.amountFen, t.goodsFen, t.idHash)
      .where(sql`${t.status} = 'paid'`),
    // A campaign's totals by fund source and by child org and status (its detail), from the index alone, limited to
    // the reader's subtree by the path range.
    index('assistance_entries_campaign_path_idx').using(
      'btree',
      t.campaignId,
      t.orgPath.op('text_pattern_ops'),
      t.status,
      t.fundSource,
      t.amountFen,
      t.goodsFen,
    ),
    check('assistance_entries_kind_ck', oneOf('kind', ASSISTANCE_KINDS)),
    check('assistance_entries_fund_source_ck', oneOf('fund_source', FUND_SOURCES)),
    check('assistance_entries_status_ck', oneOf('status', ASSISTANCE_STATUSES)),
    check('assistance_entries_stage_ck', sql`stage IS NULL OR ${oneOf('stage', STUDENT_STAGES)}`),
    check('assistance_entries_amounts_ck', sql`${t.amountFen} >= 0 AND ${t.goodsFen} >= 0 AND ${t.amountFen} + ${t.goodsFen} > 0`),
    check('assistance_entries_paid_ck', sql`(${t.status} IN ('paid', 'reversed')) = (${t.paidAt} IS NOT NULL)`),
  ],
);

// Paid assistance per month, added up for every ancestor of the paying union (and the union itself) by the child
// of that ancestor the union lies under (grp; 0 for the ancestor's own entries), kind, fund source and campaign
// (0 for none). Kept by a trigger on assistance_entries in the same transaction (paid +1, reversed or moved -1 at the
// old place), so statistics over whole months read a few hundred rows instead of every payment; the distinct-people
// count and periods that do not start and end on month boundaries still read the entries.
export const assistanceMonthSums = pgTable(
  'assistance_month_sums',
  {
    ancestorId: integer('ancestor_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    grp: integer('grp').notNull(),
    kind: varchar('kind', { length: 16 }).notNull(),
    fundSource: varchar('fund_source', { length: 16 }).notNull(),
    campaignId: integer('campaign_id').notNull(),
    n: integer('n').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    goodsFen: bigint('goods_fen', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.ancestorId, t.month, t.grp, t.kind, t.fundSource, t.campaignId] })],
);

// 受助名单导入: one row per uploaded list, checked (dry run) or imported by a job of the one job service. The
// check's counts are written once the whole list is read; an import then creates the entries in short
// transactions, its cursor (the last Excel row done) on the job, so a restart resumes after the last batch.
export const beneficiaryImports = pgTable('beneficiary_imports', {
  jobId: integer('job_id')
    .primaryKey()
    .references(() => jobs.id),
  campaignId: integer('campaign_id')
    .notNull()
    .references(() => campaigns.id),
  orgId: integer('org_id')
    .notNull()
    .references(() => orgs.id),
  fileName: varchar('file_name', { length: 255 }).notNull(),
  dryRun: boolean('dry_run').notNull(),
  /** The list has been read and checked: the counts and the refused rows below are final. */
  checked: boolean('checked').notNull().default(false),
  /** The file's header cells, for the error report. */
  header: jsonb('header').$type<string[]>(),
  totalRows: integer('total_rows').notNull().default(0),
  validRows: integer('valid_rows').notNull().default(0),
  imported: integer('imported').notNull().default(0),
  errorCount: integer('error_count').notNull().default(0),
});

// Refused rows of a beneficiary list: the reasons (no personal data) and the original cells, encrypted, for the
// error report a cadre corrects and uploads again.
export const beneficiaryImportRows = pgTable(
  'beneficiary_import_rows',
  {
    jobId: integer('job_id')
      .notNull()
      .references(() => jobs.id),
    row: integer('row').notNull(),
    issues: jsonb('issues').$type<{ column: string; message: string }[]>().notNull(),
    rawCipher: text('raw_cipher').notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.row] })],
);
