// 附件 service. The caller (the generic routes, or a module's own such as the case kernel's) decides who may act;
// this service makes sure the owner is seen by the actor (through its owner type's resolver: 404 otherwise),
// accepts only recognised content (narrowed by the caller's kinds and size), writes the bytes before the row commits
// (and removes them if the row does not), and audits upload, download and delete in the transaction that makes them.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { ATTACHMENT_ALLOWED_LABEL, attachmentKindsLabel, type AttachmentKindGroup } from '@gonghui/common';
import { inScope, type Ctx } from '../authz/index.ts';
import { originOf, recordAudit } from '../audit/index.ts';
import type { Db, DbOrTx, Tx } from '../db/index.ts';
import { AppError, notFound } from '../http/errors.ts';
import { contentDisposition, nameForKind, sanitizeFileName } from './names.ts';
import { attachmentOwnerResolver, isGenericOwnerType, type AttachmentOwnerScope, type OrgRef } from './owners.ts';
import * as repo from './attachments.repo.ts';
import type { AttachmentRow } from './attachments.repo.ts';
import { KIND_GROUP, sniff } from './sniff.ts';
import { FileMissingError, newFileKey, type FileStore } from './store.ts';
import { createMemberUploads } from './member-uploads.ts';

export interface AttachmentOwner {
  type: string;
  id: number;
}

export interface IncomingFile {
  /** The name the client sent (any path, any characters): sanitised here. */
  name: string;
  data: Buffer;
}

export interface OpenedAttachment {
  stream: Readable;
  fileName: string;
  contentType: string;
  size: number;
  /** Content-Disposition: inline for raster images and PDF, attachment for everything else. */
  disposition: string;
}

/**
 * How a module with its own routes uses the service for its owner type (absent: the generic routes, which refuse
 * such owner types). `kinds` and `maxBytes` narrow what the platform accepts; `within` runs in the transaction of
 * the change after the row is written (it may lock the owner, re-check its rules and throw, which undoes it all).
 */
export interface OwnerUse {
  kinds?: readonly AttachmentKindGroup[];
  maxBytes?: number;
  within?: (tx: Tx, row: AttachmentRow) => Promise<void>;
}

/** The owner as the actor sees it: its org, and the org (of its own or shared) through which the actor sees it. */
export interface SeenOwner extends AttachmentOwnerScope {
  seenFrom: OrgRef;
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export const tooLarge = (name: string, maxBytes: number) =>
  new AppError('PAYLOAD_TOO_LARGE', `文件「${sanitizeFileName(name)}」超过 ${mb(maxBytes)} 的上限，请压缩或拆分后再上传`, 'file');

const refused = (name: string, why: string) => new AppError('VALIDATION', `文件「${name}」${why}`, 'file');
const unsupported = (type: string) => new AppError('VALIDATION', `附件所属类型「${type.slice(0, 32)}」不受支持`, 'ownerType');

export function createAttachmentService(deps: { db: Db; store: FileStore; maxBytes: number }) {
  const { db, store, maxBytes } = deps;

  /** The owner when it exists within the actor's scope (its org's subtree or a shared one's); 404 otherwise. */
  async function ownerScope(ctx: Ctx, owner: AttachmentOwner, use?: OwnerUse, tx: DbOrTx = db): Promise<SeenOwner> {
    const resolve = attachmentOwnerResolver(owner.type);
    if (!resolve || (!use && !isGenericOwnerType(owner.type))) throw unsupported(owner.type);
    const scope = await resolve(tx, owner.id);
    const seenFrom = scope && [scope, ...(scope.sharedWith ?? [])].find((o) => inScope(ctx.actor, o.orgPath));
    if (!scope || !seenFrom) throw notFound('附件所属对象');
    return { ...scope, seenFrom: { orgId: seenFrom.orgId, orgPath: seenFrom.orgPath } };
  }

  /** A live attachment whose owner the actor sees; for the generic routes only of generic owner types. */
  async function visible(ctx: Ctx, id: number, owner: AttachmentOwner | undefined, tx: DbOrTx = db) {
    const row = await repo.findLive(tx, id);
    const matches = row && (owner ? row.ownerType === owner.type && row.ownerId === owner.id : isGenericOwnerType(row.ownerType));
    if (!row || !matches) throw notFound('附件');
    const seen = await ownerScope(ctx, { type: row.ownerType, id: row.ownerId }, owner ? {} : undefined, tx).catch((e: unknown) => {
      throw e instanceof AppError && e.code === 'NOT_FOUND' ? notFound('附件') : e;
    });
    return { row, seen };
  }

  function check(file: IncomingFile, use?: OwnerUse) {
    const name = sanitizeFileName(file.name);
    const cap = Math.min(maxBytes, use?.maxBytes ?? maxBytes);
    if (file.data.length > cap) throw tooLarge(name, cap);
    if (file.data.length === 0) throw refused(name, '是空文件');
    const kind = sniff(file.data);
    const allowed = use?.kinds ? `仅可上传${attachmentKindsLabel(use.kinds)}` : `仅可上传${ATTACHMENT_ALLOWED_LABEL}`;
    if (!kind) throw refused(name, `的内容不是允许的类型（按文件内容判断，与扩展名无关）；${allowed}`);
    if (use?.kinds && !use.kinds.includes(KIND_GROUP[kind.key])) throw refused(name, `是${kind.label}，此处${allowed}`);
    const fileName = nameForKind(name, kind);
    if (!fileName) throw refused(name, `的内容是${kind.label}，与扩展名不符，请改正扩展名后再上传`);
    return { kind, fileName };
  }

  async function upload(ctx: Ctx, owner: AttachmentOwner, file: IncomingFile, use?: OwnerUse) {
    const { kind, fileName } = check(file, use);
    await ownerScope(ctx, owner, use);

    const storageKey = newFileKey();
    const sha256 = createHash('sha256').update(file.data).digest('hex');
    await store.put(storageKey, file.data);
    try {
      return await db.transaction(async (tx) => {
        // Read again inside the transaction: the org's current path is the one the row must carry.
        const scope = await ownerScope(ctx, owner, use, tx);
        const row = await repo.insert(tx, {
          ownerType: owner.type,
          ownerId: owner.id,
          orgId: scope.orgId,
          orgPath: scope.orgPath,
          fileName,
          storageKey,
          contentType: kind.contentType,
          size: file.data.length,
          sha256,
          uploadedBy: ctx.actor.userId,
        });
        await use?.within?.(tx, row);
        // Filed under the org through which the actor acted, as the owner's other audit rows are.
        await recordAudit(tx, originOf(ctx), {
          action: 'attachment.upload',
          orgId: scope.seenFrom.orgId,
          orgPath: scope.seenFrom.orgPath,
          entityType: 'attachment',
          entityId: row.id,
          after: { ownerType: owner.type, ownerId: owner.id, fileName, contentType: kind.contentType, size: row.size, sha256 },
        });
        return { ...row, uploaderName: ctx.actor.displayName ?? ctx.actor.username };
      });
    } catch (e) {
      // No row, no file: an orphan would be unreachable and never cleaned up.
      await store.delete(storageKey).catch(() => undefined);
      throw e;
    }
  }

  async function list(ctx: Ctx, owner: AttachmentOwner, page: number, pageSize: number) {
    await ownerScope(ctx, owner);
    return repo.listForOwner(db, owner, page, pageSize);
  }

  /** Opens the file for download and audits it; `owner`: the record the caller's route serves it for. */
  async function open(ctx: Ctx, id: number, owner?: AttachmentOwner): Promise<OpenedAttachment> {
    const { row, seen } = await visible(ctx, id, owner);
    let stream: Readable;
    try {
      stream = await store.get(row.storageKey);
    } catch (e) {
      if (e instanceof FileMissingError) throw new AppError('NOT_FOUND', '附件文件已丢失，请联系系统管理员');
      throw e;
    }
    try {
      await db.transaction((tx) =>
        recordAudit(tx, originOf(ctx), {
          action: 'attachment.download',
          orgId: seen.seenFrom.orgId,
          orgPath: seen.seenFrom.orgPath,
          entityType: 'attachment',
          entityId: row.id,
          after: { ownerType: row.ownerType, ownerId: row.ownerId, fileName: row.fileName, size: row.size },
        }),
      );
    } catch (e) {
      stream.destroy();
      throw e;
    }
    const inline = sniffedInline(row.contentType);
    return {
      stream,
      fileName: row.fileName,
      contentType: row.contentType,
      size: row.size,
      disposition: contentDisposition(inline ? 'inline' : 'attachment', row.fileName),
    };
  }

  /** Hides the attachment (soft delete); the bytes stay until a purge (not yet built). */
  async function remove(ctx: Ctx, id: number, owner?: AttachmentOwner, use?: Pick<OwnerUse, 'within'>): Promise<void> {
    await db.transaction(async (tx) => {
      const { seen } = await visible(ctx, id, owner, tx);
      const row = await repo.markDeleted(tx, id);
      if (!row) throw notFound('附件');
      await use?.within?.(tx, row);
      await recordAudit(tx, originOf(ctx), {
        action: 'attachment.delete',
        orgId: seen.seenFrom.orgId,
        orgPath: seen.seenFrom.orgPath,
        entityType: 'attachment',
        entityId: row.id,
        before: { ownerType: row.ownerType, ownerId: row.ownerId, fileName: row.fileName, size: row.size, sha256: row.sha256 },
      });
    });
  }

  /** Every live file of an owner the caller has already checked (a record's detail). */
  const allOf = (conn: DbOrTx, owner: AttachmentOwner) => repo.allForOwner(conn, owner);
  const countOf = (conn: DbOrTx, owner: AttachmentOwner) => repo.countForOwner(conn, owner);

  /** Members' own uploads in the member portal, adopted by their applications. */
  const memberUploads = createMemberUploads({ db, store, check });

  return { upload, list, open, remove, ownerScope, allOf, countOf, maxBytes, memberUploads };
}

export type AttachmentService = ReturnType<typeof createAttachmentService>;

/** Raster images and PDF open in the browser; the stored type was detected from content, never claimed. */
const INLINE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf']);
const sniffedInline = (contentType: string) => INLINE_TYPES.has(contentType);
