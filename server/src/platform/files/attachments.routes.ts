// Generic attachment routes for owner types without routes of their own ('org'): the member permissions gate them
// (member:read to list and download, member:update to upload and delete). Case files go through the case kernel's
// routes (/cases/:id/attachments) and its per-type rules; these refuse them.
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZAttachment, ZAttachmentListQuery, ZAttachmentOwnerQuery, page, zId, type TAttachment } from '@gonghui/common';
import { ctxOf } from '../authz/index.ts';
import { AppError } from '../http/errors.ts';
import type { HttpApp } from '../http/index.ts';
import type { AttachmentView } from './attachments.repo.ts';
import { tooLarge, type AttachmentService, type IncomingFile, type OpenedAttachment } from './attachments.service.ts';

const tags = ['attachments'];
const ZIdParams = z.strictObject({ id: zId });

function present(r: AttachmentView): TAttachment {
  return {
    id: r.id,
    ownerType: r.ownerType,
    ownerId: r.ownerId,
    orgId: r.orgId,
    fileName: r.fileName,
    contentType: r.contentType,
    size: r.size,
    sha256: r.sha256,
    uploadedBy: r.uploadedBy,
    uploaderName: r.uploaderName,
    createdAt: r.createdAt.toISOString(),
  };
}

/** The one `file` part, held in memory up to the cap (10 MB by default); at the cap the upload stops with 413. */
export async function receiveFile(req: FastifyRequest, maxBytes: number): Promise<IncomingFile> {
  if (!req.isMultipart()) throw new AppError('VALIDATION', '请以 multipart/form-data 方式上传文件（字段名 file）', 'file');
  const part = await req.file({ limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6 } });
  if (!part || part.fieldname !== 'file') throw new AppError('VALIDATION', '请选择要上传的文件（字段名 file）', 'file');
  const name = part.filename || '';
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of part.file) chunks.push(chunk as Buffer);
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 413) throw tooLarge(name, maxBytes);
    throw e;
  }
  // At the limit the part just ends early: a truncated file must not be taken for a whole one.
  if (part.file.truncated) throw tooLarge(name, maxBytes);
  return { name, data: Buffer.concat(chunks) };
}

/** Sends an opened attachment with headers that keep a browser from running or sniffing it. */
export function sendAttachment(reply: FastifyReply, f: OpenedAttachment) {
  reply
    .header('content-type', f.contentType)
    .header('content-length', String(f.size))
    .header('content-disposition', f.disposition)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .header('cross-origin-resource-policy', 'same-origin');
  // Nothing served here runs script; a sandbox keeps it so should a browser ever render one as a document.
  // (PDF excluded: Chromium's viewer does not open in a sandboxed document.)
  if (f.contentType !== 'application/pdf') reply.header('content-security-policy', "default-src 'none'; img-src 'self'; sandbox");
  return reply.send(f.stream);
}

export async function registerAttachmentRoutes(app: HttpApp, svc: AttachmentService): Promise<void> {
  app.get('/api/v1/attachments', {
    schema: {
      operationId: 'listAttachments',
      tags,
      summary: '附件列表',
      querystring: ZAttachmentListQuery,
      response: { 200: page(ZAttachment) },
    },
    config: { permission: 'member:read' },
    handler: async (req) => {
      const { ownerType, ownerId, page: p, pageSize } = req.query;
      const res = await svc.list(ctxOf(req), { type: ownerType, id: ownerId }, p, pageSize);
      return { items: res.items.map(present), total: res.total, page: p, pageSize };
    },
  });

  app.get('/api/v1/attachments/:id/download', {
    schema: { operationId: 'downloadAttachment', tags, summary: '下载附件（图片和 PDF 在浏览器中打开）', params: ZIdParams },
    config: { permission: 'member:read', scope: { id: 'attachment' } },
    handler: async (req, reply) => sendAttachment(reply, await svc.open(ctxOf(req), req.params.id)),
  });

  app.delete('/api/v1/attachments/:id', {
    schema: { operationId: 'deleteAttachment', tags, summary: '删除附件', params: ZIdParams },
    config: { permission: 'member:update', scope: { id: 'attachment' } },
    handler: async (req, reply) => {
      await svc.remove(ctxOf(req), req.params.id);
      return reply.status(204).send();
    },
  });

  // Multipart parsing stays inside this scope; the rest of the API keeps its JSON body limit.
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: svc.maxBytes, files: 1 } });
    scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/attachments', {
      schema: {
        operationId: 'uploadAttachment',
        tags,
        summary: '上传附件（multipart 字段 file）；类型按文件内容判断',
        querystring: ZAttachmentOwnerQuery,
        response: { 201: ZAttachment },
      },
      config: { permission: 'member:update', rateLimit: { max: 60, timeWindow: '1 minute' } },
      handler: async (req, reply) => {
        const ctx = ctxOf(req);
        const owner = { type: req.query.ownerType, id: req.query.ownerId };
        // Out of scope or unknown owners answer 404 before the body is read.
        await svc.ownerScope(ctx, owner);
        const file = await receiveFile(req, svc.maxBytes);
        return reply.status(201).send(present(await svc.upload(ctx, owner, file)));
      },
    });
  });
}
