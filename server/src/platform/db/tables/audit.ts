// The hash-chained audit trail.
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, smallint, varchar } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

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
