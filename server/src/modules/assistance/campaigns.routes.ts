// 帮扶活动 routes: open a campaign (campaign:manage), list the campaigns the caller reaches (its subtree's and its
// ancestors'), and the detail with live budget and per-child submission figures.
import { z } from 'zod';
import { ZCampaign, ZCampaignCreate, ZCampaignDetail, ZCampaignListQuery, page, zId } from '@gonghui/common';
import { ctxOf } from '../../platform/authz/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import type { CampaignService } from './campaigns.service.ts';

const ZIdParams = z.strictObject({ id: zId });
const tags = ['campaigns'];

export function registerCampaignRoutes(app: HttpApp, campaigns: CampaignService): void {
  app.post('/api/v1/campaigns', {
    schema: { operationId: 'createCampaign', tags, body: ZCampaignCreate, response: { 201: ZCampaignDetail } },
    config: { permission: 'campaign:manage' },
    handler: async (req, reply) => reply.status(201).send(await campaigns.create(ctxOf(req), req.body)),
  });
  app.get('/api/v1/campaigns', {
    schema: { operationId: 'listCampaigns', tags, querystring: ZCampaignListQuery, response: { 200: page(ZCampaign) } },
    config: { permission: 'assistance:read' },
    handler: async (req) => campaigns.list(ctxOf(req), req.query),
  });
  app.get('/api/v1/campaigns/:id', {
    schema: { operationId: 'getCampaign', tags, params: ZIdParams, response: { 200: ZCampaignDetail } },
    config: { permission: 'assistance:read', scope: { id: 'campaign' } },
    handler: async (req) => campaigns.detail(ctxOf(req), req.params.id),
  });
}
