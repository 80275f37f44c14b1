// 职工诉求 routes on the case kernel: receive an appeal, list appeals in a subtree (filters, SLA clock), the masked
// xlsx export, the detail with timeline and allowed actions, one action route whose body carries the version and the
// action's fields, and the audited reveal of the contact.
import { z } from 'zod';
import {
  APPEAL_ACTIONS,
  ZAppeal,
  ZAppealActionBody,
  ZAppealCreate,
  ZAppealDetail,
  ZAppealListQuery,
  ZAppealRevealBody,
  ZAppealRevealed,
  page,
  todayCst,
  zId,
} from '@gonghui/common';
import { ctxOf } from '../../platform/authz/index.ts';
import { sendXlsx, type HttpApp } from '../../platform/http/index.ts';
import { appealsWorkbook } from './appeals.export.ts';
import { presentAppeal, presentAppealDetail } from './appeals.presenter.ts';
import type { AppealsService } from './appeals.service.ts';

const ZIdParams = z.strictObject({ id: zId });
const ZActionParams = z.strictObject({ id: zId, action: z.enum(APPEAL_ACTIONS) });
const ZExportQuery = ZAppealListQuery.omit({ page: true, pageSize: true });
const tags = ['appeals'];
const scope = { id: 'appeal' };

export function registerAppealRoutes(app: HttpApp, appeals: AppealsService): void {
  app.post('/api/v1/appeals', {
    schema: { operationId: 'createAppeal', tags, body: ZAppealCreate, response: { 201: ZAppealDetail } },
    config: { permission: 'appeal:manage' },
    handler: async (req, reply) => reply.status(201).send(presentAppealDetail(await appeals.create(ctxOf(req), req.body))),
  });
  app.get('/api/v1/appeals', {
    schema: { operationId: 'listAppeals', tags, querystring: ZAppealListQuery, response: { 200: page(ZAppeal) } },
    config: { permission: 'appeal:read' },
    handler: async (req) => {
      const { page: p, pageSize } = req.query;
      const res = await appeals.list(ctxOf(req), req.query);
      return { items: res.items.map(presentAppeal), total: res.total, page: p, pageSize };
    },
  });
  // Always masked: content cut short and contact masked as the list shows them; there is no unmasked export.
  app.get('/api/v1/appeals/export', {
    schema: { operationId: 'exportAppeals', tags, querystring: ZExportQuery },
    config: { permission: 'appeal:read' },
    handler: async (req, reply) => {
      const rows = (await appeals.exportRows(ctxOf(req), req.query)).map(presentAppeal);
      const stamp = todayCst();
      return sendXlsx(reply, { ascii: `appeals-${stamp}.xlsx`, shown: `职工诉求台账-${stamp}.xlsx` }, await appealsWorkbook(rows));
    },
  });
  app.get('/api/v1/appeals/:id', {
    schema: { operationId: 'getAppeal', tags, params: ZIdParams, response: { 200: ZAppealDetail } },
    config: { permission: 'appeal:read', scope },
    handler: async (req) => presentAppealDetail(await appeals.get(ctxOf(req), req.params.id)),
  });
  app.post('/api/v1/appeals/:id/actions/:action', {
    schema: { operationId: 'actOnAppeal', tags, params: ZActionParams, body: ZAppealActionBody, response: { 200: ZAppealDetail } },
    // Each action's own permission and scope rule are checked by the case kernel (403 / 404).
    config: {
      permission: 'appeal:read',
      scope: { ...scope, action: { none: 'the action name; the case kernel applies each action’s side rule' } },
    },
    handler: async (req) => presentAppealDetail(await appeals.act(ctxOf(req), req.params.id, req.params.action, req.body)),
  });
  app.post('/api/v1/appeals/:id/reveal', {
    schema: { operationId: 'revealAppeal', tags, params: ZIdParams, body: ZAppealRevealBody, response: { 200: ZAppealRevealed } },
    config: { permission: 'member:view_sensitive', scope },
    handler: async (req) => appeals.reveal(ctxOf(req), req.params.id, req.body.reason),
  });
}
