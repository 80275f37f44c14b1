// 会员接转 routes on the case kernel: request (sending side), list in/out, detail with timeline and allowed actions,
// and one action route whose body carries the version the client saw.
import { z } from 'zod';
import {
  TRANSFER_ACTIONS,
  ZCaseActionBody,
  ZTransferCreate,
  ZTransferDetail,
  ZTransferCase,
  ZTransferListQuery,
  page,
  zId,
} from '@gonghui/common';
import { ctxOf } from '../../platform/authz/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { presentTransfer, presentTransferDetail } from './transfers.presenter.ts';
import type { TransferService } from './transfers.service.ts';

const ZIdParams = z.strictObject({ id: zId });
const ZActionParams = z.strictObject({ id: zId, action: z.enum(TRANSFER_ACTIONS) });
const tags = ['transfers'];

export function registerTransferRoutes(app: HttpApp, transfers: TransferService): void {
  app.post('/api/v1/members/:id/transfers', {
    schema: { operationId: 'requestTransfer', tags, params: ZIdParams, body: ZTransferCreate, response: { 201: ZTransferDetail } },
    config: { permission: 'member:update', scope: { id: 'member' } },
    handler: async (req, reply) =>
      reply.status(201).send(presentTransferDetail(await transfers.request(ctxOf(req), req.params.id, req.body))),
  });
  app.get('/api/v1/transfers', {
    schema: { operationId: 'listTransfers', tags, querystring: ZTransferListQuery, response: { 200: page(ZTransferCase) } },
    config: { permission: 'member:read' },
    handler: async (req) => {
      const { direction, status, page: p, pageSize } = req.query;
      const res = await transfers.list(ctxOf(req), { direction, status, page: p, pageSize });
      return { items: res.items.map((c) => presentTransfer(c, res.names)), total: res.total, page: p, pageSize };
    },
  });
  app.get('/api/v1/transfers/:id', {
    schema: { operationId: 'getTransfer', tags, params: ZIdParams, response: { 200: ZTransferDetail } },
    config: { permission: 'member:read', scope: { id: 'transfer' } },
    handler: async (req) => presentTransferDetail(await transfers.get(ctxOf(req), req.params.id)),
  });
  app.post('/api/v1/transfers/:id/actions/:action', {
    schema: { operationId: 'actOnTransfer', tags, params: ZActionParams, body: ZCaseActionBody, response: { 200: ZTransferDetail } },
    // Each action's own permission and scope rule are checked by the case kernel (403 / 404).
    config: {
      permission: 'member:read',
      scope: { id: 'transfer', action: { none: 'the action name; the case kernel applies each action’s side rule' } },
    },
    handler: async (req) => presentTransferDetail(await transfers.act(ctxOf(req), req.params.id, req.params.action, req.body)),
  });
}
