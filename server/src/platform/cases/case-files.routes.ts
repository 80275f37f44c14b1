// Files on cases, for every case type: add (multipart field `file`), download, remove. The case files service checks
// the case's visibility, its type's read permission and its attachment rules; any signed-in cadre reaches these.
import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZCaseAttachment, zId } from '@gonghui/common';
import { ctxOf, registerScopeResolver } from '../authz/index.ts';
import { receiveFile, sendAttachment } from '../files/index.ts';
import type { HttpApp } from '../http/index.ts';
import type { CaseFiles } from './case-files.ts';
import { anyCaseScopePaths } from './cases.repo.ts';

const tags = ['cases'];
const ZCaseParams = z.strictObject({ id: zId });
const ZFileParams = z.strictObject({ id: zId, attachmentId: zId });
// Strict like every input: an unknown query parameter is refused, not ignored.
const ZNoQuery = z.strictObject({});
// A case is seen from each of its sides (a transfer's sending and receiving unions); its files are reached through it.
const caseScope = { id: 'case' } as const;
const fileScope = {
  id: 'case',
  attachmentId: { none: 'a file of the case named by :id; the case files service answers 404 for a file of another case' },
} as const;

export async function registerCaseFileRoutes(app: HttpApp, caseFiles: CaseFiles, maxBytes: number): Promise<void> {
  registerScopeResolver('case', anyCaseScopePaths, { label: '办件' });
  app.get('/api/v1/cases/:id/attachments/:attachmentId/download', {
    schema: { operationId: 'downloadCaseAttachment', tags, summary: '下载办件附件', params: ZFileParams, querystring: ZNoQuery },
    config: { authenticated: true, scope: fileScope },
    handler: async (req, reply) => sendAttachment(reply, await caseFiles.open(ctxOf(req), req.params.id, req.params.attachmentId)),
  });

  app.delete('/api/v1/cases/:id/attachments/:attachmentId', {
    schema: { operationId: 'deleteCaseAttachment', tags, summary: '删除本人上传的办件附件', params: ZFileParams, querystring: ZNoQuery },
    config: { authenticated: true, scope: fileScope },
    handler: async (req, reply) => {
      await caseFiles.remove(ctxOf(req), req.params.id, req.params.attachmentId);
      return reply.status(204).send();
    },
  });

  // Multipart parsing stays inside this scope; the rest of the API keeps its JSON body limit.
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: maxBytes, files: 1 } });
    scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/cases/:id/attachments', {
      schema: {
        operationId: 'uploadCaseAttachment',
        tags,
        summary: '上传办件附件（multipart 字段 file）；类型按文件内容判断',
        params: ZCaseParams,
        response: { 201: ZCaseAttachment },
      },
      config: { authenticated: true, scope: caseScope, rateLimit: { max: 60, timeWindow: '1 minute' } },
      handler: async (req, reply) => {
        const ctx = ctxOf(req);
        // 404/403/409 before the body is read; the stream stops at the type's size cap.
        const cap = await caseFiles.prepareUpload(ctx, req.params.id);
        const file = await receiveFile(req, cap);
        return reply.status(201).send(await caseFiles.upload(ctx, req.params.id, file));
      },
    });
  });
}
