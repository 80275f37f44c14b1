// 工伤探视 routes on the case kernel: report an injured worker, the list, its masked xlsx export, the detail with
// timeline, the visit action and the audited reveal of the full name and ID number.
import { z } from 'zod';
import {
  INJURY_ACTIONS,
  ZInjuryActionBody,
  ZInjuryCreate,
  ZInjuryDetail,
  ZInjuryListQuery,
  ZInjuryReport,
  ZInjuryRevealBody,
  ZInjuryRevealed,
  page,
  todayCst,
  zId,
} from '@gonghui/common';
import { ctxOf } from '../../platform/authz/index.ts';
import { streamXlsx, type HttpApp } from '../../platform/http/index.ts';
import { presentInjury, presentInjuryDetail } from './rights.presenter.ts';
import type { InjuryService } from './injury.service.ts';

const ZIdParams = z.strictObject({ id: zId });
const ZActionParams = z.strictObject({ id: zId, action: z.enum(INJURY_ACTIONS) });
const tags = ['rights'];
const scope = { id: 'injury_report' };

export function registerInjuryRoutes(app: HttpApp, injuries: InjuryService): void {
  app.post('/api/v1/injury-reports', {
    schema: { operationId: 'createInjuryReport', tags, body: ZInjuryCreate, response: { 201: ZInjuryDetail } },
    config: { permission: 'rights:manage' },
    handler: async (req, reply) => reply.status(201).send(presentInjuryDetail(await injuries.create(ctxOf(req), req.body))),
  });
  app.get('/api/v1/injury-reports', {
    schema: { operationId: 'listInjuryReports', tags, querystring: ZInjuryListQuery, response: { 200: page(ZInjuryReport) } },
    config: { permission: 'rights:read' },
    handler: async (req) => {
      const res = await injuries.list(ctxOf(req), req.query);
      return { items: res.items.map((i) => presentInjury(i)), total: res.total, page: res.page, pageSize: res.pageSize };
    },
  });
  // Always masked: the full name and ID number are seen one report at a time, audited.
  app.get('/api/v1/injury-reports/export', {
    schema: { operationId: 'exportInjuryReports', tags, querystring: ZInjuryListQuery },
    config: { permission: 'rights:export' },
    handler: async (req, reply) => {
      const ctx = ctxOf(req);
      const stamp = todayCst();
      return streamXlsx(
        req,
        reply,
        (out) => injuries.exportTo(ctx, req.query, out),
        async () => ({
          ascii: `injury-reports-${stamp}.xlsx`,
          shown: await injuries.exportFileName(ctx, req.query, stamp),
        }),
      );
    },
  });
  app.get('/api/v1/injury-reports/:id', {
    schema: { operationId: 'getInjuryReport', tags, params: ZIdParams, response: { 200: ZInjuryDetail } },
    config: { permission: 'rights:read', scope },
    handler: async (req) => presentInjuryDetail(await injuries.get(ctxOf(req), req.params.id)),
  });
  app.post('/api/v1/injury-reports/:id/actions/:action', {
    schema: { operationId: 'actOnInjuryReport', tags, params: ZActionParams, body: ZInjuryActionBody, response: { 200: ZInjuryDetail } },
    config: {
      permission: 'rights:read',
      scope: { ...scope, action: { none: 'the action name; the case kernel applies each action’s side rule' } },
    },
    handler: async (req) => presentInjuryDetail(await injuries.act(ctxOf(req), req.params.id, req.params.action, req.body)),
  });
  app.post('/api/v1/injury-reports/:id/reveal', {
    schema: { operationId: 'revealInjuryReport', tags, params: ZIdParams, body: ZInjuryRevealBody, response: { 200: ZInjuryRevealed } },
    config: { permission: 'member:view_sensitive', scope },
    handler: async (req) => injuries.reveal(ctxOf(req), req.params.id, req.body.reason),
  });
}
