// 职工诉求 (modules/appeals): one row per appeal, keyed by its case (platform/cases holds the number, status,
// version, the receiving union as owner, the responsible union as target, and the due day).
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, smallint, text, varchar } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { cases } from './cases.ts';

// The content and the contact's name and phone are encrypted bound to (appeals, column, case_id); the contact is
// shown masked. `first_due_at` is the deadline counted from receipt; `on_time` is decided when the appeal is closed
// (closed on or before the due day in force and never auto-escalated for being overdue).
export const appeals = pgTable(
  'appeals',
  {
    caseId: integer('case_id')
      .primaryKey()
      .references(() => cases.id),
    channel: varchar('channel', { length: 16 }).notNull(),
    category: varchar('category', { length: 16 }).notNull(),
    contentCipher: text('content_cipher').notNull(),
    contactNameCipher: text('contact_name_cipher'),
    contactNameMasked: varchar('contact_name_masked', { length: 50 }),
    phoneCipher: text('phone_cipher'),
    phoneMasked: varchar('phone_masked', { length: 11 }),
    receivedAt: date('received_at', { mode: 'string' }).notNull(),
    firstDueAt: date('first_due_at', { mode: 'string' }).notNull(),
    reply: varchar('reply', { length: 500 }),
    repliedAt: ts('replied_at'),
    satisfaction: varchar('satisfaction', { length: 16 }),
    closedAt: date('closed_at', { mode: 'string' }),
    onTime: boolean('on_time'),
    escalations: smallint('escalations').notNull().default(0),
    /** Set when the overdue sweep escalated it: it was late whoever closes it afterwards. */
    lapsed: boolean('lapsed').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('appeals_received_idx').on(t.receivedAt),
    index('appeals_closed_idx').on(t.closedAt),
    check('appeals_channel_ck', sql`${t.channel} IN ('visit', 'letter', 'phone', 'hotline', 'online', 'referral')`),
    check('appeals_category_ck', sql`${t.category} IN ('wages', 'contract', 'insurance', 'safety', 'welfare', 'other')`),
    check('appeals_satisfaction_ck', sql`${t.satisfaction} IS NULL OR ${t.satisfaction} IN ('satisfied', 'basic', 'unsatisfied')`),
  ],
);
