// 帮扶救助 routes on the case kernel: register an entry, the ledger list with filters, the detail with timeline and
// allowed actions, and one action route whose body carries the version the client saw (and, for pay, the day).
import { z } from 'zod';
import {
  ASSISTANCE_ACTIONS,
  ZAssistanceActionBody,
  ZAssistanceCreate,
  ZAssistanceDetail,
  ZAssistanceEntry,
  ZAssistanceExportQuery,
  ZAssistanceListQuery,
  page,
  todayCst,
  zId,
} from '@gonghui/common';
import { ctxOf } from '../../platform/authz/index.ts';
import { streamXlsx, type HttpApp } from '../../platform/http/index.ts';
import { presentEntry, presentEntryDetail } from './assistance.presenter.ts';
import type { AssistanceService } from './assistance.service.ts';

const ZIdParams = z.strictObject({ id: zId });
const ZActionParams = z.strictObject({ id: zId, action: z.enum(ASSISTANCE_ACTIONS) });
const tags = ['assistance'];

export function registerAssistanceRoutes(app: HttpApp, assistance: AssistanceService): void {
  app.post('/api/v1/assistance', {
    schema: { operationId: 'createAssistance', tags, body: ZAssistanceCreate, response: { 201: ZAssistanceDetail } },
    config: { permission: 'assistance:manage' },
    handler: async (req, reply) => reply.status(201).send(presentEntryDetail(await assistance.create(ctxOf(req), req.body))),
  });
  app.get('/api/v1/assistance', {
    schema: { operationId: 'listAssistance', tags, querystring: ZAssistanceListQuery, response: { 200: page(ZAssistanceEntry) } },
    config: { permission: 'assistance:read' },
    handler: async (req) => {
      const res = await assistance.list(ctxOf(req), req.query);
      return { items: res.items.map(presentEntry), total: res.total, page: res.page, pageSize: res.pageSize };
    },
  });
  // Always masked: the ledger has no unmasked export (full numbers are seen one entry at a time, audited).
  app.get('/api/v1/assistance/export', {
    schema: { operationId: 'exportAssistance', tags, querystring: ZAssistanceExportQuery },
    config: { permission: 'assistance:export' },
    handler: async (req, reply) => {
      const ctx = ctxOf(req);
      const stamp = todayCst();
      return streamXlsx(
        req,
        reply,
        (out) => assistance.exportTo(ctx, req.query, out),
        async () => ({
          ascii: `assistance-${stamp}.xlsx`,
          shown: await assistance.exportFileName(ctx, req.query, stamp),
        }),
      );
    },
  });
  app.get('/api/v1/assistance/:id', {
    schema: { operationId: 'getAssistance', tags, params: ZIdParams, response: { 200: ZAssistanceDetail } },
    config: { permission: 'assistance:read', scope: { id: 'assistance' } },
    handler: async (req) => presentEntryDetail(await assistance.get(ctxOf(req), req.params.id)),
  });
  app.post('/api/v1/assistance/:id/actions/:action', {
    schema: {
      operationId: 'actOnAssistance',
      tags,
      params: ZActionParams,
      body: ZAssistanceActionBody,
      response: { 200: ZAssistanceDetail },
    },
    // Each action's own permission and scope rule are checked by the case kernel (403 / 404).
    config: {
      permission: 'assistance:read',
      scope: { id: 'assistance', action: { none: 'the action name; the case kernel applies each action’s side rule' } },
    },
    handler: async (req) => presentEntryDetail(await assistance.act(ctxOf(req), req.params.id, req.params.action, req.body)),
  });
}
