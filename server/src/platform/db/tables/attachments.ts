// 附件 (platform/files).
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { users } from './accounts.ts';
import { orgs } from './orgs.ts';
import { members } from './members.ts';

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
    /** The cadre who uploaded it, or null when a member did (uploaded_by_member_id): exactly one is set. */
    uploadedBy: integer('uploaded_by').references(() => users.id),
    /** A member's upload from the member portal (invoice photos): theirs alone (owner 'member_upload') until their
     *  application adopts it (owner 'case'). */
    uploadedByMemberId: integer('uploaded_by_member_id').references(() => members.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    deletedAt: ts('deleted_at'),
  },
  (t) => [
    uniqueIndex('attachments_storage_key_uq').on(t.storageKey),
    index('attachments_owner_idx').on(t.ownerType, t.ownerId, t.id),
    index('attachments_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops'), t.id),
    check('attachments_size_ck', sql`${t.size} >= 0`),
    check('attachments_uploader_ck', sql`num_nonnulls(${t.uploadedBy}, ${t.uploadedByMemberId}) = 1`),
    index('attachments_member_upload_idx')
      .on(t.uploadedByMemberId, t.createdAt)
      .where(sql`${t.ownerType} = 'member_upload' AND ${t.deletedAt} IS NULL`),
  ],
);
