// The in-app inbox (modules/notifications): one row per recipient, written by the `notify` job.
import { desc, sql } from 'drizzle-orm';
import { index, integer, pgTable, varchar } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { users } from './accounts.ts';

export const notifications = pgTable(
  'notifications',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    recipientId: integer('recipient_id')
      .notNull()
      .references(() => users.id),
    /** Shown as is (zh-CN). */
    title: varchar('title', { length: 200 }).notNull(),
    caseType: varchar('case_type', { length: 32 }),
    caseId: integer('case_id'),
    /** The console path the notification opens, e.g. /transfers/12. */
    link: varchar('link', { length: 200 }),
    createdAt: ts('created_at').notNull().defaultNow(),
    readAt: ts('read_at'),
  },
  (t) => [
    index('notifications_recipient_idx').on(t.recipientId, desc(t.id)),
    index('notifications_unread_idx')
      .on(t.recipientId)
      .where(sql`${t.readAt} IS NULL`),
  ],
);
