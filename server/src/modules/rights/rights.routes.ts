// 维权案件 routes on the case kernel: receive a case, the list with filters, the masked xlsx export, the detail with
// timeline and allowed actions, one action route (accept / decline / close) whose body carries the version, and the
// audited reveal of the parties' narrative.
import { z } from 'zod';
import {
  RIGHTS_ACTIONS,
  ZRightsActionBody,
  ZRightsCase,
  ZRightsCreate,
  ZRightsDetail,
  ZRightsExportQuery,
  ZRightsListQuery,
  ZRightsRevealBody,
  ZRightsRevealed,
  page,
  todayCst,
  zId,
} from '@gonghui/common';
import { ctxOf } from '../../platform/authz/index.ts';
import { streamXlsx, type HttpApp } from '../../platform/http/index.ts';
import { presentRightsCase, presentRightsDetail } from './rights.presenter.ts';
import type { RightsService } from './rights.service.ts';

const ZIdParams = z.strictObject({ id: zId });
const ZActionParams = z.strictObject({ id: zId, action: z.enum(RIGHTS_ACTIONS) });
const tags = ['rights'];
const scope = { id: 'rights_case' };

export function registerRightsRoutes(app: HttpApp, rights: RightsService): void {
  app.post('/api/v1/rights-cases', {
    schema: { operationId: 'createRightsCase', tags, body: ZRightsCreate, response: { 201: ZRightsDetail } },
    config: { permission: 'rights:manage' },
    handler: async (req, reply) => reply.status(201).send(presentRightsDetail(await rights.create(ctxOf(req), req.body))),
  });
  app.get('/api/v1/rights-cases', {
    schema: { operationId: 'listRightsCases', tags, querystring: ZRightsListQuery, response: { 200: page(ZRightsCase) } },
    config: { permission: 'rights:read' },
    handler: async (req) => {
      const res = await rights.list(ctxOf(req), req.query);
      return { items: res.items.map((i) => presentRightsCase(i)), total: res.total, page: res.page, pageSize: res.pageSize };
    },
  });
  // Always masked: the parties' narrative is seen one case at a time, audited, and never exported.
  app.get('/api/v1/rights-cases/export', {
    schema: { operationId: 'exportRightsCases', tags, querystring: ZRightsExportQuery },
    config: { permission: 'rights:export' },
    handler: async (req, reply) => {
      const ctx = ctxOf(req);
      const stamp = todayCst();
      return streamXlsx(
        req,
        reply,
        (out) => rights.exportTo(ctx, req.query, out),
        async () => ({
          ascii: `rights-cases-${stamp}.xlsx`,
          shown: await rights.exportFileName(ctx, req.query, stamp),
        }),
      );
    },
  });
  app.get('/api/v1/rights-cases/:id', {
    schema: { operationId: 'getRightsCase', tags, params: ZIdParams, response: { 200: ZRightsDetail } },
    config: { permission: 'rights:read', scope },
    handler: async (req) => presentRightsDetail(await rights.get(ctxOf(req), req.params.id)),
  });
  app.post('/api/v1/rights-cases/:id/actions/:action', {
    schema: { operationId: 'actOnRightsCase', tags, params: ZActionParams, body: ZRightsActionBody, response: { 200: ZRightsDetail } },
    // Each action's own permission and scope rule are checked by the case kernel (403 / 404).
    config: {
      permission: 'rights:read',
      scope: { ...scope, action: { none: 'the action name; the case kernel applies each action’s side rule' } },
    },
    handler: async (req) => presentRightsDetail(await rights.act(ctxOf(req), req.params.id, req.params.action, req.body)),
  });
  app.post('/api/v1/rights-cases/:id/reveal', {
    schema: { operationId: 'revealRightsCase', tags, params: ZIdParams, body: ZRightsRevealBody, response: { 200: ZRightsRevealed } },
    config: { permission: 'member:view_sensitive', scope },
    handler: async (req) => rights.reveal(ctxOf(req), req.params.id, req.body.reason),
  });
}
