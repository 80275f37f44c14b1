// 律师 / 调解员 roster routes: the entries seen from an org (its subtree's and those above it), add, change, remove.
import { z } from 'zod';
import { ZRosterCreate, ZRosterEntry, ZRosterListQuery, ZRosterUpdate, page, zId } from '@gonghui/common';
import { ctxOf } from '../../platform/authz/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { presentRoster } from './rights.presenter.ts';
import type { RosterService } from './roster.service.ts';

const ZIdParams = z.strictObject({ id: zId });
const tags = ['rights'];
const scope = { id: 'rights_roster' };

export function registerRosterRoutes(app: HttpApp, roster: RosterService): void {
  app.get('/api/v1/rights-roster', {
    schema: { operationId: 'listRightsRoster', tags, querystring: ZRosterListQuery, response: { 200: page(ZRosterEntry) } },
    config: { permission: 'rights:read' },
    handler: async (req) => {
      const res = await roster.list(ctxOf(req), req.query);
      return { ...res, items: res.items.map(presentRoster) };
    },
  });
  app.post('/api/v1/rights-roster', {
    schema: { operationId: 'createRightsRoster', tags, body: ZRosterCreate, response: { 201: ZRosterEntry } },
    config: { permission: 'rights:manage' },
    handler: async (req, reply) => reply.status(201).send(presentRoster(await roster.create(ctxOf(req), req.body))),
  });
  app.patch('/api/v1/rights-roster/:id', {
    schema: { operationId: 'updateRightsRoster', tags, params: ZIdParams, body: ZRosterUpdate, response: { 200: ZRosterEntry } },
    config: { permission: 'rights:manage', scope },
    handler: async (req) => presentRoster(await roster.update(ctxOf(req), req.params.id, req.body)),
  });
  app.delete('/api/v1/rights-roster/:id', {
    schema: { operationId: 'deleteRightsRoster', tags, params: ZIdParams },
    config: { permission: 'rights:manage', scope },
    handler: async (req, reply) => {
      await roster.remove(ctxOf(req), req.params.id);
      return reply.status(204).send();
    },
  });
}
