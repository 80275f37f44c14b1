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
import type { ImportService, Upload } from './member-imports.service.ts';
import { XLSX_MIME, attachment, errorReportStream, templateXlsx } from './member-imports.xlsx.ts';

export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;
const tags = ['member-imports'];

const ZStatus = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  fileName: z.string(),
  dryRun: z.boolean(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  progress: z.number().min(0).max(1),
  /** Every row is checked and staged, and the members are being written into the roster. */
  publishing: z.boolean(),
  /** Why a failed job failed (file-level problems such as a missing header). */
  message: z.string().nullable(),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  imported: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  /** Refused rows; `errors` lists the first 1000 of them. */
  errorCount: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string().optional(), message: z.string() })),
  noticeCount: z.number().int(),
  notices: z.array(z.object({ row: z.number().int(), message: z.string() })),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

const ZUploadQuery = z.strictObject({
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
});

/** Streams the one `file` part to disk; nothing is held in memory and oversize uploads stop at the limit. */
async function receiveUpload(req: FastifyRequest, dir: string): Promise<Upload> {
  if (!req.isMultipart()) throw invalid('file', '请以 multipart/form-data 方式上传 Excel 文件（字段名 file）');
  const part = await req.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, parts: 11 } });
  if (!part || part.fieldname !== 'file') throw invalid('file', '请选择要上传的 Excel 文件');
  const tmpPath = path.join(dir, `upload-${randomBytes(8).toString('hex')}.part`);
  const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', '文件超过 100 MB，请拆分为多个文件后分别导入');
  try {
    await pipeline(part.file, fs.createWriteStream(tmpPath, { mode: 0o600 }));
  } catch (e) {
    await fs.promises.rm(tmpPath, { force: true });
    throw (e as { statusCode?: number }).statusCode === 413 ? tooLarge() : e;
  }
  // At the limit the part just ends early: a truncated file must not be taken for a whole one.
  if (part.file.truncated) {
    await fs.promises.rm(tmpPath, { force: true });
    throw tooLarge();
  }
  // Only the base name, without control characters, is kept for display.
  const fileName =
    path
      .basename(part.filename || 'roster.xlsx')
      .replace(/[\p{Cc}]/gu, '')
      .slice(0, 200) || 'roster.xlsx';
  return { tmpPath, fileName };
}

export async function registerImportRoutes(app: HttpApp, svc: ImportService, uploadDir: string): Promise<void> {
  app.get('/api/v1/member-imports/template', {
    schema: { operationId: 'memberImportTemplate', tags, summary: '下载会员导入模板（xlsx）' },
    config: { permission: 'member:import' },
    handler: async (_req, reply) =>
      reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', attachment('会员导入模板.xlsx', 'member-import-template.xlsx'))
        .send(await templateXlsx()),
  });

  app.get('/api/v1/member-imports/:id', {
    schema: { operationId: 'getMemberImport', tags, params: z.strictObject({ id: zId }), response: { 200: ZStatus } },
    config: { permission: 'member:import', scope: { id: 'member_import' } },
    handler: async (req) => svc.get(ctxOf(req), req.params.id),
  });

  app.get('/api/v1/member-imports/:id/error-report', {
    schema: {
      operationId: 'memberImportErrorReport',
      tags,
      params: z.strictObject({ id: zId }),
      summary: '下载错误报告（原始行及错误原因，xlsx）',
    },
    config: { permission: 'member:import', scope: { id: 'member_import' } },
    handler: async (req, reply) => {
      const { fileName, source } = await svc.errorReport(ctxOf(req), req.params.id);
      const stream = errorReportStream(source, (e) => req.log.error({ err: e }, 'error report failed'));
      return reply.header('content-type', XLSX_MIME).header('content-disposition', attachment(fileName, 'error-report.xlsx')).send(stream);
    },
  });

  // Multipart parsing stays inside this scope; the rest of the API keeps its 1 MB JSON body limit.
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
    scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/orgs/:orgId/member-imports', {
      schema: {
        operationId: 'startMemberImport',
        tags,
        summary: '上传会员名册（multipart 字段 file）；dryRun=true 时仅校验不写入',
        params: z.strictObject({ orgId: zId }),
        querystring: ZUploadQuery,
        response: { 202: z.object({ id: z.number().int() }) },
      },
      config: { permission: 'member:import', scope: { orgId: 'org' }, rateLimit: { max: 30, timeWindow: '1 minute' } },
      handler: async (req, reply) => {
        const ctx = ctxOf(req);
        await svc.targetOrg(ctx, req.params.orgId);
        const upload = await receiveUpload(req, uploadDir);
        return reply.status(202).send(await svc.enqueue(ctx, req.params.orgId, upload, req.query.dryRun));
      },
    });
  });
}
