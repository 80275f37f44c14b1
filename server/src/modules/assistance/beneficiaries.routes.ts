// 受助名单 routes: the campaign's xlsx template; the upload (multipart `file`, 10 MB) that queues a job checking the
// list (dryRun=true, the default) or importing its valid rows (202 with the job's id); the job's status; and the
// refused rows as an error report. All for cadres who may register assistance.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZBeneficiaryImport, ZBeneficiaryImportQuery, zId } from '@gonghui/common';
import { ctxOf } from '../../platform/authz/index.ts';
import { AppError, invalid, type HttpApp } from '../../platform/http/index.ts';
import { XLSX_MIME, attachment, errorReportStream } from '../member-imports/index.ts';
import { discard, type BeneficiaryService } from './beneficiaries.service.ts';

export const MAX_LIST_BYTES = 10 * 1024 * 1024;
const ZIdParams = z.strictObject({ id: zId });
const tags = ['campaigns'];

/** Streams the one `file` part to a temporary file, stopping at the size cap. */
async function receive(req: FastifyRequest, dir: string): Promise<{ path: string; fileName: string }> {
  if (!req.isMultipart()) throw invalid('file', '请以 multipart/form-data 方式上传 Excel 文件（字段名 file）');
  const part = await req.file({ limits: { fileSize: MAX_LIST_BYTES, files: 1, fields: 10, parts: 11 } });
  if (!part || part.fieldname !== 'file') throw invalid('file', '请选择要上传的 Excel 文件');
  const file = path.join(dir, `list-${randomBytes(8).toString('hex')}.part`);
  const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', '文件超过 10 MB，请拆分为多个文件后分别导入');
  try {
    await pipeline(part.file, fs.createWriteStream(file, { mode: 0o600 }));
  } catch (e) {
    await discard(file);
    throw (e as { statusCode?: number }).statusCode === 413 ? tooLarge() : e;
  }
  if (part.file.truncated) {
    await discard(file);
    throw tooLarge();
  }
  return { path: file, fileName: part.filename || 'beneficiaries.xlsx' };
}

export async function registerBeneficiaryRoutes(app: HttpApp, svc: BeneficiaryService, dir: string): Promise<void> {
  app.get('/api/v1/campaigns/:id/beneficiaries/template', {
    schema: { operationId: 'beneficiaryTemplate', tags, params: ZIdParams, summary: '下载活动受助名单导入模板（xlsx）' },
    config: { permission: 'assistance:manage', scope: { id: 'campaign' } },
    handler: async (req, reply) => {
      const t = await svc.template(ctxOf(req), req.params.id);
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', attachment(t.name, 'beneficiaries-template.xlsx'))
        .send(t.file);
    },
  });

  app.get('/api/v1/beneficiary-imports/:id', {
    schema: {
      operationId: 'beneficiaryImport',
      tags,
      params: ZIdParams,
      summary: '受助名单检查或导入任务的进度和结果',
      response: { 200: ZBeneficiaryImport },
    },
    config: { permission: 'assistance:manage', scope: { id: 'beneficiary_import' } },
    handler: (req) => svc.get(ctxOf(req), req.params.id),
  });

  app.get('/api/v1/beneficiary-imports/:id/errors', {
    schema: {
      operationId: 'beneficiaryImportErrors',
      tags,
      params: ZIdParams,
      summary: '下载受助名单错误报告（xlsx，含原表各列和错误原因）',
    },
    config: { permission: 'assistance:manage', scope: { id: 'beneficiary_import' } },
    handler: async (req, reply) => {
      const { fileName, source } = await svc.errorReport(ctxOf(req), req.params.id);
      const stream = errorReportStream(source, (e) => req.log.error({ err: e }, 'error report failed'));
      return reply.header('content-type', XLSX_MIME).header('content-disposition', attachment(fileName, 'error-report.xlsx')).send(stream);
    },
  });

  // Multipart parsing stays inside this scope; the rest of the API keeps its JSON body limit.
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_LIST_BYTES, files: 1 } });
    scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/campaigns/:id/beneficiaries/import', {
      schema: {
        operationId: 'importBeneficiaries',
        tags,
        summary: '上传受助名单（multipart 字段 file）排队处理；dryRun=true（默认）仅校验，dryRun=false 导入没有错误的行',
        params: ZIdParams,
        querystring: ZBeneficiaryImportQuery,
        response: { 202: ZBeneficiaryImport },
      },
      config: { permission: 'assistance:manage', scope: { id: 'campaign' }, rateLimit: { max: 30, timeWindow: '1 minute' } },
      handler: async (req, reply) => {
        const ctx = ctxOf(req);
        // Scope first: an out-of-scope union is a 404 before any upload is read.
        await svc.target(ctx, req.params.id, req.query.orgId);
        const upload = await receive(req, dir);
        try {
          const { id } = await svc.enqueue(ctx, req.params.id, req.query.orgId, upload, req.query.dryRun);
          return reply.status(202).send(await svc.get(ctx, id));
        } finally {
          await discard(upload.path);
        }
      },
    });
  });
}
