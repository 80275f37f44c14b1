// Files a member uploads in the member portal (invoice photos for a 医疗互助 claim): JPEG, PNG or PDF by content,
// stored like any attachment but owned by the member alone ('member_upload', owner id = the member) under their
// union's path, with uploaded_by_member_id instead of a cadre. Only the member's own application adopts them (the
// case type's rules apply then) and moves them onto the case, where cadres see them as any case file. Uploads never
// adopted are hidden after a day by the orphan sweep.
import { createHash } from 'node:crypto';
import type { AttachmentKindGroup } from '@gonghui/common';
import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { recordAudit, type AuditOrigin } from '../audit/index.ts';
import { attachments, asSystem, type Db, type DbOrTx, type Tx } from '../db/index.ts';
import { AppError, conflict, notFound } from '../http/errors.ts';
import * as repo from './attachments.repo.ts';
import type { AttachmentRow } from './attachments.repo.ts';
import { FILE_KINDS, KIND_GROUP, type FileKind } from './sniff.ts';
import { newFileKey, type FileStore } from './store.ts';

export const MEMBER_UPLOAD_OWNER = 'member_upload';
/** What a member may upload: photos and scans of invoices. */
export const MEMBER_UPLOAD_KINDS: readonly AttachmentKindGroup[] = ['image', 'pdf'];
/** Uploads not adopted by an application within this long are hidden by the sweep. */
export const MEMBER_UPLOAD_ORPHAN_MS = 24 * 3600_000;

/** The member behind the upload: who, and their union (the file is filed under it). */
export interface UploadingMember {
  memberId: number;
  orgId: number;
  orgPath: string;
}

/** The case that adopts the uploads, and its type's rules. */
export interface AdoptingOwner {
  type: string;
  id: number;
  orgId: number;
  orgPath: string;
  kinds: readonly AttachmentKindGroup[];
  maxBytes: number;
  maxCount: number;
}

type Check = (
  file: { name: string; data: Buffer },
  use: { kinds?: readonly AttachmentKindGroup[]; maxBytes?: number },
) => { kind: FileKind; fileName: string };

const groupOf = (contentType: string): AttachmentKindGroup | undefined => {
  const k = Object.values(FILE_KINDS).find((f) => f.contentType === contentType);
  return k ? KIND_GROUP[k.key] : undefined;
};

export function createMemberUploads(deps: { db: Db; store: FileStore; check: Check }) {
  const { db, store, check } = deps;

  /** Stores the member's file (kinds and size checked by content) and audits it; returns the row. */
  async function upload(m: UploadingMember, file: { name: string; data: Buffer }, origin: AuditOrigin): Promise<AttachmentRow> {
    const { kind, fileName } = check(file, { kinds: MEMBER_UPLOAD_KINDS });
    const storageKey = newFileKey();
    const sha256 = createHash('sha256').update(file.data).digest('hex');
    await store.put(storageKey, file.data);
    try {
      return await asSystem(() =>
        db.transaction(async (tx) => {
          const row = await repo.insert(tx, {
            ownerType: MEMBER_UPLOAD_OWNER,
            ownerId: m.memberId,
            orgId: m.orgId,
            orgPath: m.orgPath,
            fileName,
            storageKey,
            contentType: kind.contentType,
            size: file.data.length,
            sha256,
            uploadedBy: null,
            uploadedByMemberId: m.memberId,
          });
          await recordAudit(tx, origin, {
            action: 'attachment.upload',
            orgId: m.orgId,
            orgPath: m.orgPath,
            entityType: 'attachment',
            entityId: row.id,
            after: { ownerType: MEMBER_UPLOAD_OWNER, ownerId: m.memberId, fileName, contentType: kind.contentType, size: row.size, sha256 },
          });
          return row;
        }),
      );
    } catch (e) {
      await store.delete(storageKey).catch(() => undefined);
      throw e;
    }
  }

  /** Moves the member's own unadopted uploads onto the owner (in the caller's transaction, which opened it): 404 for
   *  an id that is not such an upload of theirs, 400 for a kind or size the owner's rules refuse, 409 over the count. */
  async function adopt(tx: Tx, memberId: number, ids: readonly number[], owner: AdoptingOwner): Promise<AttachmentRow[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) return [];
    const rows = await tx
      .select()
      .from(attachments)
      .where(
        and(
          inArray(attachments.id, unique),
          eq(attachments.ownerType, MEMBER_UPLOAD_OWNER),
          eq(attachments.uploadedByMemberId, memberId),
          isNull(attachments.deletedAt),
        ),
      )
      .for('update');
    if (rows.length !== unique.length) throw notFound('发票照片');
    const existing = await repo.countForOwner(tx, owner);
    if (existing + rows.length > owner.maxCount) throw conflict(`每件最多 ${owner.maxCount} 个附件`, 'attachments');
    for (const r of rows) {
      const group = groupOf(r.contentType);
      if (!group || !owner.kinds.includes(group)) throw new AppError('VALIDATION', `文件「${r.fileName}」的类型此处不接收`, 'attachments');
      if (r.size > owner.maxBytes) throw new AppError('VALIDATION', `文件「${r.fileName}」超过大小上限`, 'attachments');
    }
    return tx
      .update(attachments)
      .set({ ownerType: owner.type, ownerId: owner.id, orgId: owner.orgId, orgPath: owner.orgPath })
      .where(inArray(attachments.id, unique))
      .returning();
  }

  return { upload, adopt };
}

export type MemberUploads = ReturnType<typeof createMemberUploads>;

/** The orphan sweep: hides members' uploads never adopted by an application (the bytes wait for a purge, as other
 *  deleted files' do). Returns how many. */
export async function pruneMemberUploads(db: DbOrTx, olderThanMs = MEMBER_UPLOAD_ORPHAN_MS): Promise<number> {
  const cutoff = new Date(Date.now() - olderThanMs);
  const rows = await asSystem(() =>
    db
      .update(attachments)
      .set({ deletedAt: sql`now()` })
      .where(and(eq(attachments.ownerType, MEMBER_UPLOAD_OWNER), isNull(attachments.deletedAt), lt(attachments.createdAt, cutoff)))
      .returning({ id: attachments.id }),
  );
  return rows.length;
}
