import { z } from 'zod';
import { ZPageQuery, ZTransfer, ZTransferCreate, page, zId, zStr, type TTransfer } from '@gonghui/common';
import { ctxOf } from '../../platform/authz/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import type { CardService } from './members.card.ts';
import type { MemberService } from './members.service.ts';
import type { TransferService } from './transfers.service.ts';

const ZIdParams = z.strictObject({ id: zId });

type TransferDetail = Awaited<ReturnType<TransferService['accept']>>;
function presentTransfer(d: TransferDetail): TTransfer {
  const t = d.t;
  return {
    id: t.id, memberId: t.memberId, memberName: d.memberName, fromOrgId: t.fromOrgId, fromOrgName: d.fromOrgName, toOrgId: t.toOrgId, toOrgName: d.toOrgName,
    status: t.status as TTransfer['status'], date: t.date, reason: t.reason, createdAt: t.createdAt.toISOString(),
  };
}

export function registerTransferAndCardRoutes(app: HttpApp, transfers: TransferService, members: MemberService, cards: CardService): void {
  app.post('/api/v1/members/:id/transfers', {
    schema: { operationId: 'requestTransfer', tags: ['transfers'], params: ZIdParams, body: ZTransferCreate, response: { 201: ZTransfer } },
    config: { permission: 'member:update' },
    handler: async (req, reply) => reply.status(201).send(presentTransfer(await transfers.request(ctxOf(req), req.params.id, req.body))),
  });
  app.post('/api/v1/transfers/:id/accept', {
    schema: { operationId: 'acceptTransfer', tags: ['transfers'], params: ZIdParams, response: { 200: ZTransfer } },
    config: { permission: 'member:update' },
    handler: async (req) => presentTransfer(await transfers.accept(ctxOf(req), req.params.id)),
  });
  app.get('/api/v1/transfers', {
    schema: {
      operationId: 'listTransfers', tags: ['transfers'],
      querystring: ZPageQuery.extend({ direction: z.enum(['in', 'out']).default('in'), status: z.enum(['pending', 'accepted', 'rejected', 'cancelled']).optional() }),
      response: { 200: page(ZTransfer) },
    },
    config: { permission: 'member:read' },
    handler: async (req) => {
      const { direction, status, page: p, pageSize } = req.query;
      const res = await transfers.list(ctxOf(req), direction, status, p, pageSize);
      return { items: res.items.map(presentTransfer), total: res.total, page: p, pageSize };
    },
  });

  app.get('/api/v1/members/:id/card', {
    schema: { operationId: 'memberCard', tags: ['cards'], params: ZIdParams, response: { 200: z.object({ cardNo: z.string(), token: z.string(), expiresAt: z.string() }) } },
    config: { permission: 'member:read' },
    handler: async (req) => cards.issue(await members.get(ctxOf(req), req.params.id)),
  });
  app.post('/api/v1/cards/verify', {
    schema: {
      operationId: 'verifyCard', tags: ['cards'], body: z.strictObject({ token: zStr().min(1).max(2000) }),
      response: { 200: z.object({ valid: z.boolean(), reason: z.enum(['expired', 'invalid']).optional(), member: z.object({ nameMasked: z.string(), orgName: z.string(), status: z.string() }).optional() }) },
    },
    config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
    handler: async (req) => cards.verify(req.body.token),
  });
}
