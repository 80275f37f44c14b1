// Thin routes for work summaries (上半年工作总结 / 年度工作总结).
import { z } from 'zod';
import {
  ZSummary,
  ZSummaryCreate,
  ZSummaryDownload,
  ZSummaryListItem,
  ZSummaryListQuery,
  ZSummaryUpdate,
  page,
  zId,
} from '@gonghui/common';
import { ctxOf } from '../../platform/authz/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import type { ReportService } from './reports.service.ts';

const tags = ['reports'];
const ZIdParams = z.strictObject({ id: zId });
const base = '/api/v1/reports/work-summaries';
const MIME = { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf' } as const;

export function registerReportRoutes(app: HttpApp, svc: ReportService): void {
  app.post(base, {
    schema: { operationId: 'createWorkSummary', tags, body: ZSummaryCreate, response: { 201: z.object({ id: z.number().int() }) } },
    config: { permission: 'report:manage', rateLimit: { max: 30, timeWindow: '1 minute' } },
    handler: async (req, reply) => reply.status(201).send(await svc.create(ctxOf(req), req.body)),
  });

  app.get(base, {
    schema: { operationId: 'listWorkSummaries', tags, querystring: ZSummaryListQuery, response: { 200: page(ZSummaryListItem) } },
    config: { permission: 'report:read' },
    handler: async (req) => svc.list(ctxOf(req), req.query),
  });

  app.get(`${base}/:id`, {
    schema: { operationId: 'getWorkSummary', tags, params: ZIdParams, response: { 200: ZSummary } },
    config: { permission: 'report:read', scope: { id: 'summary' } },
    handler: async (req) => svc.get(ctxOf(req), req.params.id),
  });

  app.patch(`${base}/:id`, {
    schema: { operationId: 'updateWorkSummary', tags, params: ZIdParams, body: ZSummaryUpdate, response: { 200: ZSummary } },
    config: { permission: 'report:manage', scope: { id: 'summary' } },
    handler: async (req) => svc.update(ctxOf(req), req.params.id, req.body),
  });

  app.post(`${base}/:id/refresh`, {
    schema: { operationId: 'refreshWorkSummary', tags, params: ZIdParams, response: { 200: ZSummary } },
    config: { permission: 'report:manage', scope: { id: 'summary' } },
    handler: async (req) => svc.refresh(ctxOf(req), req.params.id),
  });

  app.get(`${base}/:id/download`, {
    schema: { operationId: 'downloadWorkSummary', tags, params: ZIdParams, querystring: ZSummaryDownload },
    config: { permission: 'report:read', scope: { id: 'summary' }, rateLimit: { max: 20, timeWindow: '1 minute' } },
    handler: async (req, reply) => {
      const format = req.query.format;
      const { file, title } = await svc.document(ctxOf(req), req.params.id, format);
      return reply
        .header('content-type', MIME[format])
        .header(
          'content-disposition',
          `attachment; filename="work-summary-${req.params.id}.${format}"; filename*=UTF-8''${encodeURIComponent(`${title}.${format}`)}`,
        )
        .send(file);
    },
  });
}
