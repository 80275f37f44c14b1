// Thin routes: each declares its schemas and permission, then makes one service call.
import { z } from 'zod';
import {
  ZOrg,
  ZOrgCreate,
  ZOrgDirectoryEntry,
  ZOrgDirectoryQuery,
  ZOrgEvent,
  ZOrgEventCreate,
  ZOrgListQuery,
  ZOrgSearchHit,
  ZOrgUpdate,
  ZPageQuery,
  page,
  zId,
} from '@gonghui/common';
import { ctxOf } from '../../platform/authz/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { presentOrg, presentOrgEvent, presentOrgHit } from './orgs.presenter.ts';
import type { OrgService } from './orgs.service.ts';

const ZIdParams = z.strictObject({ id: zId });
const ZSummary = z.object({
  orgCount: z.number(),
  active: z.number(),
  dissolved: z.number(),
  byLevel: z.record(z.string(), z.number()),
  byKind: z.record(z.string(), z.number()),
});
const tags = ['orgs'];

export function registerOrgRoutes(app: HttpApp, svc: OrgService): void {
  app.post('/api/v1/orgs', {
    schema: { operationId: 'createOrg', tags, body: ZOrgCreate, response: { 201: ZOrg } },
    config: { permission: 'org:create' },
    handler: async (req, reply) => reply.status(201).send(presentOrg(await svc.create(ctxOf(req), req.body))),
  });

  app.get('/api/v1/orgs', {
    schema: { operationId: 'searchOrgs', tags, querystring: ZOrgListQuery, response: { 200: page(ZOrgSearchHit) } },
    config: { permission: 'org:read' },
    handler: async (req) => {
      const { page: p, pageSize, ...f } = req.query;
      const res = await svc.search(ctxOf(req), f, p, pageSize);
      return { items: res.items.map(presentOrgHit), total: res.total, page: p, pageSize };
    },
  });

  app.get('/api/v1/org-directory', {
    schema: { operationId: 'orgDirectory', tags, querystring: ZOrgDirectoryQuery, response: { 200: z.array(ZOrgDirectoryEntry) } },
    // Any cadre names the receiving union of a transfer anywhere in the federation: active unions' names only.
    config: { authenticated: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
    handler: async (req) => svc.directory(req.query.q),
  });

  app.get('/api/v1/orgs/:id', {
    schema: { operationId: 'getOrg', tags, params: ZIdParams, response: { 200: ZOrg } },
    config: { permission: 'org:read', scope: { id: 'org' } },
    handler: async (req) => presentOrg(await svc.get(ctxOf(req), req.params.id)),
  });

  app.get('/api/v1/orgs/:id/children', {
    schema: { operationId: 'listOrgChildren', tags, params: ZIdParams, querystring: ZPageQuery, response: { 200: page(ZOrg) } },
    config: { permission: 'org:read', scope: { id: 'org' } },
    handler: async (req) => {
      const { page: p, pageSize } = req.query;
      const res = await svc.children(ctxOf(req), req.params.id, p, pageSize);
      return { items: res.items.map(presentOrg), total: res.total, page: p, pageSize };
    },
  });

  app.get('/api/v1/orgs/:id/ancestors', {
    schema: { operationId: 'listOrgAncestors', tags, params: ZIdParams, response: { 200: z.object({ items: z.array(ZOrg) }) } },
    config: { permission: 'org:read', scope: { id: 'org' } },
    handler: async (req) => ({ items: (await svc.ancestors(ctxOf(req), req.params.id)).map(presentOrg) }),
  });

  app.get('/api/v1/orgs/:id/summary', {
    schema: { operationId: 'getOrgSummary', tags, params: ZIdParams, response: { 200: ZSummary } },
    config: { permission: 'org:read', scope: { id: 'org' } },
    handler: async (req) => svc.summary(ctxOf(req), req.params.id),
  });

  app.patch('/api/v1/orgs/:id', {
    schema: { operationId: 'updateOrg', tags, params: ZIdParams, body: ZOrgUpdate, response: { 200: ZOrg } },
    config: { permission: 'org:update', scope: { id: 'org' } },
    handler: async (req) => presentOrg(await svc.update(ctxOf(req), req.params.id, req.body)),
  });

  app.post('/api/v1/orgs/:id/events', {
    schema: { operationId: 'createOrgEvent', tags, params: ZIdParams, body: ZOrgEventCreate, response: { 201: ZOrgEvent } },
    config: { permission: 'org:event', scope: { id: 'org' } },
    handler: async (req, reply) => reply.status(201).send(presentOrgEvent(await svc.addEvent(ctxOf(req), req.params.id, req.body))),
  });

  app.get('/api/v1/orgs/:id/events', {
    schema: { operationId: 'listOrgEvents', tags, params: ZIdParams, querystring: ZPageQuery, response: { 200: page(ZOrgEvent) } },
    config: { permission: 'org:read', scope: { id: 'org' } },
    handler: async (req) => {
      const { page: p, pageSize } = req.query;
      const res = await svc.events(ctxOf(req), req.params.id, p, pageSize);
      return { items: res.items.map(presentOrgEvent), total: res.total, page: p, pageSize };
    },
  });
}
