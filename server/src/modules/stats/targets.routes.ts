// Thin routes for annual targets (目标任务) of an org and of its children.
import { z } from 'zod';
import { ZChildTargets, ZTargets, ZTargetsPut, ZTargetsQuery, zId, zYear } from '@gonghui/common';
import { ctxOf } from '../../platform/authz/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import type { TargetService } from './targets.service.ts';

const tags = ['targets'];
const ZParams = z.strictObject({ id: zId, year: zYear });
/** The org is scoped (404 outside the caller's subtree); the year is a calendar year, no object of any org. */
const scope = { id: 'org', year: { none: 'a calendar year' } };

export function registerTargetRoutes(app: HttpApp, svc: TargetService): void {
  app.put('/api/v1/orgs/:id/targets/:year', {
    schema: { operationId: 'putTargets', tags, params: ZParams, body: ZTargetsPut, response: { 200: ZTargets } },
    config: { permission: 'target:manage', scope },
    handler: async (req) => svc.put(ctxOf(req), req.params.id, req.params.year, req.body),
  });

  app.get('/api/v1/orgs/:id/targets/:year', {
    schema: { operationId: 'getTargets', tags, params: ZParams, querystring: ZTargetsQuery, response: { 200: ZTargets } },
    config: { permission: 'stats:read', scope },
    handler: async (req) => svc.get(ctxOf(req), req.params.id, req.params.year, req.query.asOf),
  });

  app.get('/api/v1/orgs/:id/targets/:year/children', {
    schema: { operationId: 'getChildTargets', tags, params: ZParams, querystring: ZTargetsQuery, response: { 200: ZChildTargets } },
    config: { permission: 'stats:read', scope },
    handler: async (req) => svc.children(ctxOf(req), req.params.id, req.params.year, req.query.asOf),
  });
}
