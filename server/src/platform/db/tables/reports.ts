// Targets and work summaries.
import { bigint, date, index, integer, jsonb, pgTable, primaryKey, smallint, varchar } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { orgs } from './orgs.ts';

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
