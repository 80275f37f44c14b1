// 电子会员卡: a signed token for the member's card, and the public check anyone scanning it makes.
import { z } from 'zod';
import { zId, zStr } from '@gonghui/common';
import { ctxOf } from '../../platform/authz/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import type { CardService } from './members.card.ts';
import type { MemberService } from './members.service.ts';

const ZIdParams = z.strictObject({ id: zId });
const ZToken = z.strictObject({ token: zStr().min(1).max(2000) });
const ZVerdict = z.object({
  valid: z.boolean(),
  reason: z.enum(['expired', 'invalid']).optional(),
  member: z.object({ nameMasked: z.string(), orgName: z.string(), status: z.string() }).optional(),
});

export function registerCardRoutes(app: HttpApp, members: MemberService, cards: CardService): void {
  app.get('/api/v1/members/:id/card', {
    schema: {
      operationId: 'memberCard',
      tags: ['cards'],
      params: ZIdParams,
      response: { 200: z.object({ cardNo: z.string(), token: z.string(), expiresAt: z.string() }) },
    },
    config: { permission: 'member:read', scope: { id: 'member' } },
    handler: async (req) => cards.issue(await members.get(ctxOf(req), req.params.id)),
  });
  app.post('/api/v1/cards/verify', {
    schema: { operationId: 'verifyCard', tags: ['cards'], body: ZToken, response: { 200: ZVerdict } },
    config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
    handler: async (req) => cards.verify(req.body.token),
  });
  // The same check for a link or a scanner that can only GET (the H5 portal's QR, /api/v1/cards/verify?token=…).
  app.get('/api/v1/cards/verify', {
    schema: { operationId: 'verifyCardGet', tags: ['cards'], querystring: ZToken, response: { 200: ZVerdict } },
    config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
    handler: async (req) => cards.verify(req.query.token),
  });
}
