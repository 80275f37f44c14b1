// 组织名册 routes: the blank template; the upload (multipart `file`, 10 MB) under a union of one's scope that queues
// a 预检 (dryRun=true, the default) or an import (dryRun=false; 202 with the job's status); the job's status; and the
// refused rows as an error report.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zId } from '@gonghui/common';
import { ctxOf } from '../../platform/authz/index.ts';
import { AppError, invalid, type HttpApp } from '../../platform/http/index.ts';
import { XLSX_MIME, attachment, errorReportStream } from '../member-imports/index.ts';
import { templateXlsx } from './org-imports.columns.ts';
import type { OrgImportService } from './org-imports.service.ts';

export const MAX_ORG_FILE_BYTES = 10 * 1024 * 1024;
const tags = ['org-imports'];
const ZIdParams = z.strictObject({ id: zId });

export const ZOrgImport = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  fileName: z.string(),
  dryRun: z.boolean(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  progress: z.number().min(0).max(1),
  /** Why the job failed (a file-level problem, or refused rows that stopped an import). */
  message: z.string().nullable(),
  checked: z.boolean(),
  /** The import has written its orgs (always false for a 预检). */
  applied: z.boolean(),
  totalRows: z.number().int(),
  creates: z.number().int(),
  updates: z.number().int(),
  errorCount: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

const ZUploadQuery = z.strictObject({
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v !== 'false' && v !== '0'),
});

async function receive(req: FastifyRequest, dir: string): Promise<{ path: string; fileName: string }> {
  if (!req.isMultipart()) throw invalid('file', '请以 multipart/form-data 方式上传 Excel 文件（字段名 file）');
  const part = await req.file({ limits: { fileSize: MAX_ORG_FILE_BYTES, files: 1, fields: 10, parts: 11 } });
  if (!part || part.fieldname !== 'file') throw invalid('file', '请选择要上传的 Excel 文件');
  const file = path.join(dir, `orgs-${randomBytes(8).toString('hex')}.part`);
  const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', '文件超过 10 MB，请拆分为多个文件后分别导入');
  try {
    await pipeline(part.file, fs.createWriteStream(file, { mode: 0o600 }));
  } catch (e) {
    await fs.promises.rm(file, { force: true });
    throw (e as { statusCode?: number }).statusCode === 413 ? tooLarge() : e;
  }
  if (part.file.truncated) {
    await fs.promises.rm(file, { force: true });
    throw tooLarge();
  }
  const fileName =
    path
      .basename(part.filename || '组织名册.xlsx')
      .replace(/[\p{Cc}]/gu, '')
      .slice(0, 200) || '组织名册.xlsx';
  return { path: file, fileName };
}

export async function registerOrgImportRoutes(app: HttpApp, svc: OrgImportService, dir: string): Promise<void> {
  app.get('/api/v1/org-imports/template', {
    schema: { operationId: 'orgImportTemplate', tags, summary: '下载组织名册导入模板（xlsx）' },
    config: { permission: 'org:import' },
    handler: async (_req, reply) =>
      reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', attachment('组织名册导入模板.xlsx', 'org-import-template.xlsx'))
        .send(await templateXlsx()),
  });

  app.get('/api/v1/org-imports/:id', {
    schema: {
      operationId: 'getOrgImport',
      tags,
      params: ZIdParams,
      summary: '组织导入（预检或导入）的进度和结果',
      response: { 200: ZOrgImport },
    },
    config: { permission: 'org:import', scope: { id: 'org_import' } },
    handler: (req) => svc.get(ctxOf(req), req.params.id),
  });

  app.get('/api/v1/org-imports/:id/error-report', {
    schema: {
      operationId: 'orgImportErrorReport',
      tags,
      params: ZIdParams,
      summary: '下载组织导入错误报告（原表行号、原表各列、错误原因）',
    },
    config: { permission: 'org:import', scope: { id: 'org_import' } },
    handler: async (req, reply) => {
      const { fileName, source } = await svc.errorReport(ctxOf(req), req.params.id);
      const stream = errorReportStream(source, (e) => req.log.error({ err: e }, 'error report failed'));
      return reply.header('content-type', XLSX_MIME).header('content-disposition', attachment(fileName, 'error-report.xlsx')).send(stream);
    },
  });

  // Multipart parsing stays inside this scope; the rest of the API keeps its JSON body limit.
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_ORG_FILE_BYTES, files: 1 } });
    scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/orgs/:orgId/org-imports', {
      schema: {
        operationId: 'startOrgImport',
        tags,
        summary: '上传组织名册（multipart 字段 file）；dryRun=true（默认）仅预检，dryRun=false 在没有错误时全部导入',
        params: z.strictObject({ orgId: zId }),
        querystring: ZUploadQuery,
        response: { 202: ZOrgImport },
      },
      config: { permission: 'org:import', scope: { orgId: 'org' }, rateLimit: { max: 30, timeWindow: '1 minute' } },
      handler: async (req, reply) => {
        const ctx = ctxOf(req);
        // Scope first: an out-of-scope union is a 404 before any upload is read.
        await svc.target(ctx, req.params.orgId);
        const upload = await receive(req, dir);
        try {
          const { id } = await svc.enqueue(ctx, req.params.orgId, upload, req.query.dryRun);
          return reply.status(202).send(await svc.get(ctx, id));
        } finally {
          await fs.promises.rm(upload.path, { force: true });
        }
      },
    });
  });
}
