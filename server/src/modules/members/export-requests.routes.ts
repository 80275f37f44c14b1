// 敏感数据导出申请 routes: ask (member:export; the service also requires member:view_sensitive), list in scope,
// approve or reject (export:approve), download once (the requester).
import { z } from 'zod';
import {
  ZExportDecision,
  ZExportRequest,
  ZExportRequestCreate,
  ZExportRequestListQuery,
  page,
  zId,
  type TExportRequest,
} from '@gonghui/common';
import { ctxOf, type Actor } from '../../platform/authz/index.ts';
import { streamXlsx, type HttpApp } from '../../platform/http/index.ts';
import type { ExportRequestView } from './export-requests.repo.ts';
import { shownFilter, type ExportRequestService } from './export-requests.service.ts';

const ZIdParams = z.object({ id: zId });
const tags = ['export-requests'];

function present(r: ExportRequestView, actor: Actor): TExportRequest {
  return ZExportRequest.parse({
    id: r.id,
    number: r.number,
    orgId: r.orgId,
    orgName: r.orgName,
    requesterId: r.requesterId,
    requesterName: r.requesterName,
    reason: r.reason,
    filter: shownFilter(r.filter as Parameters<typeof shownFilter>[0]),
    rowCount: r.rowCount,
    status: r.status,
    approverName: r.approverName,
    opinion: r.opinion,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    downloadedAt: r.downloadedAt?.toISOString() ?? null,
    canDecide: r.status === 'pending' && r.requesterId !== actor.userId && actor.permissions.has('export:approve'),
    canDownload: r.status === 'approved' && r.requesterId === actor.userId,
  });
}

export function registerExportRequestRoutes(app: HttpApp, svc: ExportRequestService): void {
  app.post('/api/v1/export-requests', {
    schema: { operationId: 'createExportRequest', tags, body: ZExportRequestCreate, response: { 201: ZExportRequest } },
    config: { permission: 'member:export', rateLimit: { max: 30, timeWindow: '1 minute' } },
    handler: async (req, reply) => {
      const ctx = ctxOf(req);
      return reply.status(201).send(present(await svc.create(ctx, req.body), ctx.actor));
    },
  });
  app.get('/api/v1/export-requests', {
    schema: { operationId: 'listExportRequests', tags, querystring: ZExportRequestListQuery, response: { 200: page(ZExportRequest) } },
    config: { permission: 'member:export' },
    handler: async (req) => {
      const ctx = ctxOf(req);
      const { status, page: p, pageSize } = req.query;
      const res = await svc.list(ctx, { status, page: p, pageSize });
      return { items: res.items.map((r) => present(r, ctx.actor)), total: res.total, page: p, pageSize };
    },
  });
  for (const [verb, verdict] of [
    ['approve', 'approved'],
    ['reject', 'rejected'],
  ] as const) {
    app.post(`/api/v1/export-requests/:id/${verb}`, {
      schema: { operationId: `${verb}ExportRequest`, tags, params: ZIdParams, body: ZExportDecision, response: { 200: ZExportRequest } },
      config: { permission: 'export:approve', scope: { id: 'export_request' } },
      handler: async (req) => {
        const ctx = ctxOf(req);
        return present(await svc.decide(ctx, req.params.id, verdict, req.body.opinion), ctx.actor);
      },
    });
  }
  app.get('/api/v1/export-requests/:id/download', {
    schema: { operationId: 'downloadExportRequest', tags, params: ZIdParams },
    config: { permission: 'member:export', scope: { id: 'export_request' } },
    handler: async (req, reply) => {
      const claim = await svc.claimDownload(ctxOf(req), req.params.id);
      reply.header('cache-control', 'no-store');
      return streamXlsx(
        req,
        reply,
        (out) => svc.write(claim, out),
        () => ({
          ascii: `${claim.request.number}.xlsx`,
          shown: `敏感数据导出-${claim.request.number}.xlsx`,
        }),
      );
    },
  });
}
