// 医疗互助 (modules/mutual-aid): yearly plans, quotas handed down to child orgs, enrolment by unit and claims.
// Amounts are integer 分 (decision 0006).
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
import { MUTUAL_AID_CLAIM_KINDS, MUTUAL_AID_CLAIM_STATUSES, MUTUAL_AID_CLASSES } from '@gonghui/common';
import { ts } from './columns.ts';
import { users } from './accounts.ts';
import { cases } from './cases.ts';
import { members } from './members.ts';
import { orgs } from './orgs.ts';

const oneOf = (column: string, values: readonly string[]) => sql.raw(`${column} IN (${values.map((v) => `'${v}'`).join(', ')})`);

/** One class of a plan and its payout rules, in 分; `ratio` in basis points of the invoice total. */
export interface MutualAidClassRuleRow {
  code: string;
  premium: number;
  perClaimCap: number;
  yearlyCap: number;
  ratio: number;
}

// A yearly plan run by an org (one per org and year), its classes with premium per head and payout rules. org_path
// is the org's path, kept in step when orgs move; a plan is seen from its org's subtree and from below (the units
// that enrol and claim under it).
export const mutualAidPlans = pgTable(
  'mutual_aid_plans',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: varchar('org_path', { length: 400 }).notNull(),
    year: smallint('year').notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    classes: jsonb('classes').$type<MutualAidClassRuleRow[]>().notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mutual_aid_plans_org_year_uq').on(t.orgId, t.year),
    index('mutual_aid_plans_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops'), t.id),
  ],
);

// Headcount per class a plan's org hands down to one of its direct children (like targets).
export const mutualAidQuotas = pgTable(
  'mutual_aid_quotas',
  {
    planId: integer('plan_id')
      .notNull()
      .references(() => mutualAidPlans.id),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    classCode: varchar('class_code', { length: 16 }).notNull(),
    headcount: integer('headcount').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.orgId, t.classCode] }),
    check('mutual_aid_quotas_class_ck', oneOf('class_code', MUTUAL_AID_CLASSES)),
    check('mutual_aid_quotas_headcount_ck', sql`${t.headcount} >= 0`),
  ],
);

// A unit's enrolment in one class of a plan: headcount (or a member list: member_ids), the whole-unit flag, the
// premium due (headcount × premium) and what was paid (recorded amount and day). One per (plan, unit, class).
export const mutualAidEnrolments = pgTable(
  'mutual_aid_enrolments',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    planId: integer('plan_id')
      .notNull()
      .references(() => mutualAidPlans.id),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    classCode: varchar('class_code', { length: 16 }).notNull(),
    headcount: integer('headcount').notNull(),
    memberIds: integer('member_ids').array(),
    wholeUnit: boolean('whole_unit').notNull().default(false),
    enrolledAt: date('enrolled_at', { mode: 'string' }).notNull(),
    premiumDueFen: bigint('premium_due_fen', { mode: 'number' }).notNull(),
    premiumPaidFen: bigint('premium_paid_fen', { mode: 'number' }).notNull().default(0),
    paidAt: date('paid_at', { mode: 'string' }),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mutual_aid_enrolments_unit_class_uq').on(t.planId, t.orgId, t.classCode),
    index('mutual_aid_enrolments_org_idx').on(t.orgId, t.planId),
    check('mutual_aid_enrolments_class_ck', oneOf('class_code', MUTUAL_AID_CLASSES)),
    check('mutual_aid_enrolments_amounts_ck', sql`${t.headcount} >= 0 AND ${t.premiumDueFen} >= 0 AND ${t.premiumPaidFen} >= 0`),
  ],
);

// 医疗互助报销: one claim, run as a case of the kernel (the row's id is its case's id; owner: the member's union,
// target: the plan's org). The diagnosis is health data, encrypted bound to this table, column and row. `status`
// mirrors the case's; `payout_fen` is fixed at review (`payout_reason` when it differs from the computed one),
// `paid_at` is the day paid (the indicators' date).
export const mutualAidClaims = pgTable(
  'mutual_aid_claims',
  {
    id: integer('id')
      .primaryKey()
      .references(() => cases.id),
    planId: integer('plan_id')
      .notNull()
      .references(() => mutualAidPlans.id),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    classCode: varchar('class_code', { length: 16 }).notNull(),
    kind: varchar('kind', { length: 24 }).notNull(),
    invoiceTotalFen: bigint('invoice_total_fen', { mode: 'number' }).notNull(),
    diagnosisCipher: text('diagnosis_cipher').notNull(),
    payoutFen: bigint('payout_fen', { mode: 'number' }),
    payoutReason: varchar('payout_reason', { length: 500 }),
    note: varchar('note', { length: 500 }),
    status: varchar('status', { length: 16 }).notNull().default('submitted'),
    paidAt: date('paid_at', { mode: 'string' }),
    ledgerEntryId: bigint('ledger_entry_id', { mode: 'number' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('mutual_aid_claims_member_idx').on(t.planId, t.memberId, t.classCode),
    index('mutual_aid_claims_org_idx').on(t.orgId, t.id),
    index('mutual_aid_claims_paid_idx')
      .on(t.paidAt, t.orgId)
      .where(sql`${t.status} = 'paid'`),
    check('mutual_aid_claims_class_ck', oneOf('class_code', MUTUAL_AID_CLASSES)),
    check('mutual_aid_claims_kind_ck', oneOf('kind', MUTUAL_AID_CLAIM_KINDS)),
    check('mutual_aid_claims_status_ck', oneOf('status', MUTUAL_AID_CLAIM_STATUSES)),
    check('mutual_aid_claims_amounts_ck', sql`${t.invoiceTotalFen} > 0 AND (${t.payoutFen} IS NULL OR ${t.payoutFen} >= 0)`),
    check('mutual_aid_claims_paid_ck', sql`(${t.status} = 'paid') = (${t.paidAt} IS NOT NULL)`),
  ],
);
