// /api/v1/h5/*: the member's own profile, e-card, data and consents. Member-only (config.member): self only.
import { z } from 'zod';
import { ZMemberCard, ZMemberConsentWithdraw, ZMemberMe, ZMemberMyData } from '@gonghui/common';
import type { FastifyRequest } from 'fastify';
import type { HttpApp } from '../../platform/http/index.ts';
import { memberCtxOf } from './member-auth.ts';
import { myDataXlsx } from './my-data.xlsx.ts';
import type { PortalService } from './portal.service.ts';

const tags = ['h5'];
const config = { member: true } as const;

/** PUBLIC_BASE_URL, else the origin the request came to (behind a trusted proxy: its forwarded protocol and host). */
const originOf = (req: FastifyRequest, publicBaseUrl: string | undefined) => publicBaseUrl ?? `${req.protocol}://${req.host}`;

const download = (stem: string, ext: string) =>
  `attachment; filename="my-member-data.${ext}"; filename*=UTF-8''${encodeURIComponent(`${stem}.${ext}`)}`;

export function registerPortalRoutes(app: HttpApp, portal: PortalService, opts: { publicBaseUrl?: string }): void {
  app.get('/api/v1/h5/me', {
    schema: { operationId: 'h5Me', tags, response: { 200: ZMemberMe } },
    config,
    handler: async (req) => portal.me(memberCtxOf(req).member.memberId),
  });

  app.get('/api/v1/h5/card', {
    schema: { operationId: 'h5Card', tags, response: { 200: ZMemberCard } },
    config,
    handler: async (req) => portal.card(memberCtxOf(req), originOf(req, opts.publicBaseUrl)),
  });

  app.get('/api/v1/h5/my-data', {
    schema: { operationId: 'h5MyData', tags, response: { 200: ZMemberMyData } },
    config,
    handler: async (req) => portal.myData(memberCtxOf(req)),
  });

  app.get('/api/v1/h5/my-data/export', {
    schema: {
      operationId: 'h5MyDataExport',
      tags,
      querystring: z.strictObject({ format: z.enum(['json', 'xlsx']).default('json') }),
    },
    config,
    handler: async (req, reply) => {
      const { data, fileStem } = await portal.exported(memberCtxOf(req), req.query.format);
      if (req.query.format === 'xlsx') {
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', download(fileStem, 'xlsx'))
          .send(await myDataXlsx(data));
      }
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', download(fileStem, 'json'))
        .send(JSON.stringify(data, null, 2));
    },
  });

  app.post('/api/v1/h5/consents/withdraw', {
    schema: {
      operationId: 'h5WithdrawConsent',
      tags,
      body: ZMemberConsentWithdraw,
      response: { 200: z.object({ consents: ZMemberMyData.shape.account.shape.consents }) },
    },
    config,
    handler: async (req) => portal.withdrawConsent(memberCtxOf(req), req.body.key),
  });
}
