// 维权案件 routes on the case kernel: receive a case, the list with filters, the masked xlsx export, the detail with
// timeline and allowed actions, one action route (accept / decline / close) whose body carries the version, and the
// audited reveal of the parties' narrative.
import { PassThrough } from 'node:stream';
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
import type { HttpApp } from '../../platform/http/index.ts';
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
      const out = new PassThrough();
      const done = rights.exportTo(ctx, req.query, out);
      // Scope, cap and filter errors surface before the first byte; later failures end the stream.
      await Promise.race([done, new Promise((r) => out.once('readable', r))]);
      done.catch((err: unknown) => {
        req.log.error({ err }, 'rights export failed');
        out.destroy(err instanceof Error ? err : new Error('export failed'));
      });
      const stamp = todayCst();
      const fileName = await rights.exportFileName(ctx, req.query, stamp);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="rights-cases-${stamp}.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        )
        .send(out);
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
