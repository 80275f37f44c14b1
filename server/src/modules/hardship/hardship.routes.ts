// 困难职工档案 routes on the case kernel: draft a file, list files in a subtree, the detail with timeline and allowed
// actions, one action route whose body carries the version and the action's fields, and the audited reveal.
import { z } from 'zod';
import {
  HARDSHIP_ACTIONS,
  ZHardshipActionBody,
  ZHardshipCreate,
  ZHardshipDetail,
  ZHardshipFile,
  ZHardshipListQuery,
  ZHardshipRevealBody,
  ZHardshipRevealed,
  page,
  zId,
} from '@gonghui/common';
import { ctxOf } from '../../platform/authz/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { presentHardshipDetail, presentHardshipFile } from './hardship.presenter.ts';
import type { HardshipService } from './hardship.service.ts';

const ZIdParams = z.strictObject({ id: zId });
const ZActionParams = z.strictObject({ id: zId, action: z.enum(HARDSHIP_ACTIONS) });
const tags = ['hardship'];
const scope = { id: 'hardship_file' };

export function registerHardshipRoutes(app: HttpApp, files: HardshipService): void {
  app.post('/api/v1/hardship-files', {
    schema: { operationId: 'createHardshipFile', tags, body: ZHardshipCreate, response: { 201: ZHardshipDetail } },
    config: { permission: 'hardship:manage' },
    handler: async (req, reply) => reply.status(201).send(presentHardshipDetail(await files.create(ctxOf(req), req.body))),
  });
  app.get('/api/v1/hardship-files', {
    schema: { operationId: 'listHardshipFiles', tags, querystring: ZHardshipListQuery, response: { 200: page(ZHardshipFile) } },
    config: { permission: 'hardship:read' },
    handler: async (req) => {
      const { page: p, pageSize } = req.query;
      const res = await files.list(ctxOf(req), req.query);
      return { items: res.items.map((i) => presentHardshipFile(i)), total: res.total, page: p, pageSize };
    },
  });
  app.get('/api/v1/hardship-files/:id', {
    schema: { operationId: 'getHardshipFile', tags, params: ZIdParams, response: { 200: ZHardshipDetail } },
    config: { permission: 'hardship:read', scope },
    handler: async (req) => presentHardshipDetail(await files.get(ctxOf(req), req.params.id)),
  });
  app.post('/api/v1/hardship-files/:id/actions/:action', {
    schema: {
      operationId: 'actOnHardshipFile',
      tags,
      params: ZActionParams,
      body: ZHardshipActionBody,
      response: { 200: ZHardshipDetail },
    },
    // Each action's own permission and scope rule are checked by the case kernel (403 / 404).
    config: {
      permission: 'hardship:read',
      scope: { ...scope, action: { none: 'the action name; the case kernel applies each action’s side rule' } },
    },
    handler: async (req) => presentHardshipDetail(await files.act(ctxOf(req), req.params.id, req.params.action, req.body)),
  });
  app.post('/api/v1/hardship-files/:id/reveal', {
    schema: { operationId: 'revealHardshipFile', tags, params: ZIdParams, body: ZHardshipRevealBody, response: { 200: ZHardshipRevealed } },
    config: { permission: 'member:view_sensitive', scope },
    handler: async (req) => files.reveal(ctxOf(req), req.params.id, req.body.reason),
  });
}
