// SQL of the attachments table.
import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import { subtreePathRewriter } from '../authz/scope.ts';
import { attachments, users, type DbOrTx } from '../db/index.ts';

export type AttachmentRow = typeof attachments.$inferSelect;
export type AttachmentView = AttachmentRow & { uploaderName: string | null };

const view = {
  id: attachments.id,
  ownerType: attachments.ownerType,
  ownerId: attachments.ownerId,
  orgId: attachments.orgId,
  orgPath: attachments.orgPath,
  fileName: attachments.fileName,
  storageKey: attachments.storageKey,
  contentType: attachments.contentType,
  size: attachments.size,
  sha256: attachments.sha256,
  uploadedBy: attachments.uploadedBy,
  uploadedByMemberId: attachments.uploadedByMemberId,
  createdAt: attachments.createdAt,
  deletedAt: attachments.deletedAt,
  // A member's upload (invoice photos from the member portal) names no one: 「职工本人」.
  uploaderName: sql<
    string | null
  >`coalesce(${users.displayName}, ${users.username}, CASE WHEN ${attachments.uploadedByMemberId} IS NOT NULL THEN '职工本人' END)`,
};

export async function insert(tx: DbOrTx, row: typeof attachments.$inferInsert): Promise<AttachmentRow> {
  const [created] = await tx.insert(attachments).values(row).returning();
  if (!created) throw new Error('attachment insert returned nothing');
  return created;
}

// Reads and writes by id or owner: the service has checked, through the owner's resolver, that the actor sees the
// owner (its org's subtree or one it is shared with); row-level security applies underneath.

const ofOwner = (owner: { type: string; id: number }) =>
  and(eq(attachments.ownerType, owner.type), eq(attachments.ownerId, owner.id), isNull(attachments.deletedAt));

export async function listForOwner(
  db: DbOrTx,
  owner: { type: string; id: number },
  page: number,
  pageSize: number,
): Promise<{ items: AttachmentView[]; total: number }> {
  const items = await db
    .select(view)
    .from(attachments)
    .leftJoin(users, eq(users.id, attachments.uploadedBy))
    .where(ofOwner(owner))
    .orderBy(asc(attachments.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await db.select({ n: count() }).from(attachments).where(ofOwner(owner));
  return { items, total: total?.n ?? 0 };
}

/** Live files of an owner, oldest first (a record's few files, shown on its detail). */
export async function allForOwner(db: DbOrTx, owner: { type: string; id: number }, limit = 200): Promise<AttachmentView[]> {
  return db
    .select(view)
    .from(attachments)
    .leftJoin(users, eq(users.id, attachments.uploadedBy))
    .where(ofOwner(owner))
    .orderBy(asc(attachments.id))
    .limit(limit);
}

export async function countForOwner(db: DbOrTx, owner: { type: string; id: number }): Promise<number> {
  const [row] = await db.select({ n: count() }).from(attachments).where(ofOwner(owner));
  return row?.n ?? 0;
}

/** A live attachment, or undefined. */
export async function findLive(db: DbOrTx, id: number): Promise<AttachmentRow | undefined> {
  const [row] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, id), isNull(attachments.deletedAt)));
  return row;
}

/** Soft-deletes a live attachment; undefined when there is none. */
export async function markDeleted(tx: DbOrTx, id: number): Promise<AttachmentRow | undefined> {
  const [row] = await tx
    .update(attachments)
    .set({ deletedAt: new Date() })
    .where(and(eq(attachments.id, id), isNull(attachments.deletedAt)))
    .returning();
  return row;
}

/** An org moved: attachments of its subtree follow it (called in the move's transaction). */
export const rewriteOrgPaths = subtreePathRewriter(attachments.orgPath);

/** The attachment's org path, or null when there is no such attachment: the `attachment` scope resolver. */
export async function scopePaths(db: DbOrTx, id: number): Promise<string[] | null> {
  const [row] = await db.select({ path: attachments.orgPath }).from(attachments).where(eq(attachments.id, id));
  return row ? [row.path] : null;
}
