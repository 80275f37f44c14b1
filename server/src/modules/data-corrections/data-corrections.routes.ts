// 信息更正 routes for the union's cadres who may edit members: the list of their subtree, one request with its
// timeline and allowed actions, the action route (case kernel contract: version + opinion), and a request registered
// at the desk for a member. Members submit theirs through 我的申请 (/api/v1/h5/cases, type data_correction).
import { z } from 'zod';
import {
  DATA_CORRECTION_ACTIONS,
  ZDataCorrectionActionBody,
  ZDataCorrectionCreate,
  ZDataCorrectionListQuery,
  ZDataCorrectionRevealBody,
  zId,
} from '@gonghui/common';
import { ctxOf } from '../../platform/authz/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import type { DataCorrectionService } from './data-corrections.service.ts';

const tags = ['data-corrections'];
const scope = { id: 'data_correction' };
const ZIdParams = z.strictObject({ id: zId });
const ZActionParams = z.strictObject({ id: zId, action: z.enum(DATA_CORRECTION_ACTIONS) });
const ZItem = z.looseObject({ id: z.number().int(), number: z.string(), status: z.string(), version: z.number().int() });
const ZPage = z.object({ items: z.array(ZItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export function registerDataCorrectionRoutes(app: HttpApp, svc: DataCorrectionService): void {
  app.post('/api/v1/data-corrections', {
    schema: { operationId: 'createDataCorrection', tags, body: ZDataCorrectionCreate, response: { 201: ZItem } },
    config: { permission: 'member:update' },
    handler: async (req, reply) => reply.status(201).send(await svc.create(ctxOf(req), req.body)),
  });
  app.get('/api/v1/data-corrections', {
    schema: { operationId: 'listDataCorrections', tags, querystring: ZDataCorrectionListQuery, response: { 200: ZPage } },
    config: { permission: 'member:update' },
    handler: async (req) => svc.list(ctxOf(req), req.query),
  });
  app.get('/api/v1/data-corrections/:id', {
    schema: { operationId: 'getDataCorrection', tags, params: ZIdParams, response: { 200: ZItem } },
    config: { permission: 'member:update', scope },
    handler: async (req) => svc.get(ctxOf(req), req.params.id),
  });
  app.post('/api/v1/data-corrections/:id/actions/:action', {
    schema: { operationId: 'actOnDataCorrection', tags, params: ZActionParams, body: ZDataCorrectionActionBody, response: { 200: ZItem } },
    // Each action's permission and side rule are checked by the case kernel (403 / 404).
    config: {
      permission: 'member:update',
      scope: { ...scope, action: { none: 'the action name; the case kernel applies each action’s side rule' } },
    },
    handler: async (req) => svc.act(ctxOf(req), req.params.id, req.params.action, req.body),
  });
  app.post('/api/v1/data-corrections/:id/reveal', {
    schema: {
      operationId: 'revealDataCorrection',
      tags,
      params: ZIdParams,
      body: ZDataCorrectionRevealBody,
      response: { 200: z.object({ correct: z.string() }) },
    },
    // member:view_sensitive is checked by the service too (the request's own permission gates reading it).
    config: { permission: 'member:view_sensitive', scope },
    handler: async (req) => svc.reveal(ctxOf(req), req.params.id, req.body.reason),
  });
}
