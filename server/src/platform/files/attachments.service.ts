// 附件 service. The caller (a route here; a case module later) decides who may act; this service makes sure the
// owner and the attachment lie in the actor's scope (404 otherwise), accepts only recognised content, writes the
// bytes before the row commits (and removes them if the row does not), and audits upload, download and delete in
// the transaction that makes them.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { ATTACHMENT_ALLOWED_LABEL } from '@gonghui/common';
import { inScope, type Ctx } from '../authz/index.ts';
import { originOf, recordAudit } from '../audit/index.ts';
import type { Db, DbOrTx } from '../db/index.ts';
import { AppError, notFound } from '../http/errors.ts';
import { contentDisposition, nameForKind, sanitizeFileName } from './names.ts';
import { attachmentOwnerResolver, type AttachmentOwnerScope } from './owners.ts';
import * as repo from './attachments.repo.ts';
import { sniff } from './sniff.ts';
import { FileMissingError, newFileKey, type FileStore } from './store.ts';

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

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export const tooLarge = (name: string, maxBytes: number) =>
  new AppError('PAYLOAD_TOO_LARGE', `文件「${sanitizeFileName(name)}」超过 ${mb(maxBytes)} 的上限，请压缩或拆分后再上传`, 'file');

const refused = (name: string, why: string) => new AppError('VALIDATION', `文件「${name}」${why}`, 'file');

export function createAttachmentService(deps: { db: Db; store: FileStore; maxBytes: number }) {
  const { db, store, maxBytes } = deps;

  /** The owner's org when the owner exists within the actor's scope; 404 otherwise (also for an unknown id). */
  async function ownerScope(ctx: Ctx, owner: AttachmentOwner, tx: DbOrTx = db): Promise<AttachmentOwnerScope> {
    const resolve = attachmentOwnerResolver(owner.type);
    if (!resolve) throw new AppError('VALIDATION', `附件所属类型「${owner.type.slice(0, 32)}」不受支持`, 'ownerType');
    const scope = await resolve(tx, owner.id);
    if (!scope || !inScope(ctx.actor, scope.orgPath)) throw notFound('附件所属对象');
    return scope;
  }

  async function upload(ctx: Ctx, owner: AttachmentOwner, file: IncomingFile) {
    const name = sanitizeFileName(file.name);
    if (file.data.length > maxBytes) throw tooLarge(name, maxBytes);
    if (file.data.length === 0) throw refused(name, '是空文件');
    const kind = sniff(file.data);
    if (!kind) throw refused(name, `的内容不是允许的类型（按文件内容判断，与扩展名无关）；仅可上传${ATTACHMENT_ALLOWED_LABEL}`);
    const fileName = nameForKind(name, kind);
    if (!fileName) throw refused(name, `的内容是${kind.label}，与扩展名不符，请改正扩展名后再上传`);
    await ownerScope(ctx, owner);

    const storageKey = newFileKey();
    const sha256 = createHash('sha256').update(file.data).digest('hex');
    await store.put(storageKey, file.data);
    try {
      return await db.transaction(async (tx) => {
        // Read again inside the transaction: the org's current path is the one the row must carry.
        const scope = await ownerScope(ctx, owner, tx);
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
        await recordAudit(tx, originOf(ctx), {
          action: 'attachment.upload',
          orgId: scope.orgId,
          orgPath: scope.orgPath,
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
    return repo.listForOwner(db, ctx.actor.orgPath, owner, page, pageSize);
  }

  async function open(ctx: Ctx, id: number): Promise<OpenedAttachment> {
    const row = await repo.findInScope(db, ctx.actor.orgPath, id);
    if (!row) throw notFound('附件');
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
          orgId: row.orgId,
          orgPath: row.orgPath,
          entityType: 'attachment',
          entityId: row.id,
          after: { fileName: row.fileName, size: row.size },
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
  async function remove(ctx: Ctx, id: number): Promise<void> {
    await db.transaction(async (tx) => {
      const row = await repo.markDeleted(tx, ctx.actor.orgPath, id);
      if (!row) throw notFound('附件');
      await recordAudit(tx, originOf(ctx), {
        action: 'attachment.delete',
        orgId: row.orgId,
        orgPath: row.orgPath,
        entityType: 'attachment',
        entityId: row.id,
        before: { ownerType: row.ownerType, ownerId: row.ownerId, fileName: row.fileName, size: row.size, sha256: row.sha256 },
      });
    });
  }

  return { upload, list, open, remove, ownerScope, maxBytes };
}

export type AttachmentService = ReturnType<typeof createAttachmentService>;

/** Raster images and PDF open in the browser; the stored type was detected from content, never claimed. */
const INLINE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf']);
const sniffedInline = (contentType: string) => INLINE_TYPES.has(contentType);
