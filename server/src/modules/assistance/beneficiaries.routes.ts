// 受助名单 routes: the campaign's xlsx template, and the upload (multipart `file`, 10 MB) that checks the list
// (dryRun=true, the default) or imports its valid rows; both for cadres who may register assistance.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZBeneficiaryImportQuery, ZBeneficiaryImportResult, zId } from '@gonghui/common';
import { ctxOf } from '../../platform/authz/index.ts';
import { AppError, invalid, type HttpApp } from '../../platform/http/index.ts';
import { XLSX_MIME, attachment } from '../member-imports/index.ts';
import { discard, type BeneficiaryService } from './beneficiaries.service.ts';

export const MAX_LIST_BYTES = 10 * 1024 * 1024;
const ZIdParams = z.strictObject({ id: zId });
const tags = ['campaigns'];

/** Streams the one `file` part to a temporary file, stopping at the size cap. */
async function receive(req: FastifyRequest, dir: string): Promise<string> {
  if (!req.isMultipart()) throw invalid('file', '请以 multipart/form-data 方式上传 Excel 文件（字段名 file）');
  const part = await req.file({ limits: { fileSize: MAX_LIST_BYTES, files: 1, fields: 10, parts: 11 } });
  if (!part || part.fieldname !== 'file') throw invalid('file', '请选择要上传的 Excel 文件');
  const file = path.join(dir, `list-${randomBytes(8).toString('hex')}.xlsx`);
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
  return file;
}

export async function registerBeneficiaryRoutes(app: HttpApp, svc: BeneficiaryService): Promise<void> {
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

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-lists-'));
  app.addHook('onClose', () => fs.rmSync(dir, { recursive: true, force: true }));
  // Multipart parsing stays inside this scope; the rest of the API keeps its JSON body limit.
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_LIST_BYTES, files: 1 } });
    scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/campaigns/:id/beneficiaries/import', {
      schema: {
        operationId: 'importBeneficiaries',
        tags,
        summary: '上传受助名单（multipart 字段 file）；dryRun=true（默认）仅校验，dryRun=false 导入没有错误的行',
        params: ZIdParams,
        querystring: ZBeneficiaryImportQuery,
        response: { 200: ZBeneficiaryImportResult },
      },
      config: { permission: 'assistance:manage', scope: { id: 'campaign' }, rateLimit: { max: 30, timeWindow: '1 minute' } },
      handler: async (req) => {
        const ctx = ctxOf(req);
        // Scope first: an out-of-scope union is a 404 before any upload is read.
        await svc.target(ctx, req.params.id, req.query.orgId);
        const file = await receive(req, dir);
        try {
          return await svc.import(ctx, req.params.id, req.query.orgId, file, req.query.dryRun);
        } finally {
          await discard(file);
        }
      },
    });
  });
}
