// 网上入会 routes. Public (no session, rate-limited per IP): the application itself, the union search of the form
// and the status lookup by number and secret token. Cadres: the list of a subtree, the detail with timeline and
// allowed actions, and one action route whose body carries the version and the action's fields (case kernel).
import { z } from 'zod';
import {
  JOIN_ACTIONS,
  LIMITS,
  ZJoinActionBody,
  ZJoinApplication,
  ZJoinApplicationDetail,
  ZJoinApplied,
  ZJoinApply,
  ZJoinListQuery,
  ZJoinOrgHit,
  ZJoinOrgSearchQuery,
  ZJoinPublicStatus,
  ZJoinStatusQuery,
  labelled,
  page,
  zId,
  zText,
} from '@gonghui/common';
import { ctxOf } from '../../platform/authz/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { presentJoinApplication, presentJoinApplicationDetail } from './join-applications.presenter.ts';
import type { JoinService } from './join-applications.service.ts';

const ZIdParams = z.strictObject({ id: zId });
const ZActionParams = z.strictObject({ id: zId, action: z.enum(JOIN_ACTIONS) });
const ZNumberParams = z.strictObject({ number: labelled(zText(LIMITS.shortText).min(1, '不能为空'), '申请编号') });
const tags = ['join-applications'];
const scope = { id: 'join_application' };
/** Per IP and minute: enough for a family filling in the form, not for walking the numbers or the union list. */
const publicLimit = { max: 30, timeWindow: '1 minute' };

export function registerJoinRoutes(app: HttpApp, join: JoinService): void {
  app.post('/api/v1/h5/join-applications', {
    schema: { operationId: 'applyToJoin', tags, body: ZJoinApply, response: { 201: ZJoinApplied } },
    config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
    handler: async (req, reply) => reply.status(201).send(await join.apply(req.body, { ip: req.ip ?? null, requestId: req.id })),
  });
  app.get('/api/v1/h5/orgs/search', {
    schema: {
      operationId: 'searchUnionsToJoin',
      tags,
      querystring: ZJoinOrgSearchQuery,
      response: { 200: z.array(ZJoinOrgHit) },
    },
    config: { public: true, rateLimit: publicLimit },
    handler: async (req) => join.searchOrgs(req.query.q, req.query.area === 'true'),
  });
  app.get('/api/v1/h5/join-applications/:number', {
    schema: {
      operationId: 'joinApplicationStatus',
      tags,
      params: ZNumberParams,
      querystring: ZJoinStatusQuery,
      response: { 200: ZJoinPublicStatus },
    },
    config: {
      public: true,
      rateLimit: publicLimit,
      scope: { number: { none: 'public: the number with its secret status token; a wrong token answers 404' } },
    },
    handler: async (req) => join.status(req.params.number, req.query.token),
  });

  app.get('/api/v1/join-applications', {
    schema: { operationId: 'listJoinApplications', tags, querystring: ZJoinListQuery, response: { 200: page(ZJoinApplication) } },
    config: { permission: 'join:read' },
    handler: async (req) => {
      const { page: p, pageSize } = req.query;
      const res = await join.list(ctxOf(req), req.query);
      return { items: res.items.map(presentJoinApplication), total: res.total, page: p, pageSize };
    },
  });
  app.get('/api/v1/join-applications/:id', {
    schema: { operationId: 'getJoinApplication', tags, params: ZIdParams, response: { 200: ZJoinApplicationDetail } },
    config: { permission: 'join:read', scope },
    handler: async (req) => presentJoinApplicationDetail(await join.get(ctxOf(req), req.params.id)),
  });
  app.post('/api/v1/join-applications/:id/actions/:action', {
    schema: {
      operationId: 'actOnJoinApplication',
      tags,
      params: ZActionParams,
      body: ZJoinActionBody,
      response: { 200: ZJoinApplicationDetail },
    },
    // Each action's own permission and scope rule are checked by the case kernel (403 / 404).
    config: {
      permission: 'join:read',
      scope: { ...scope, action: { none: 'the action name; the case kernel applies each action’s side rule' } },
    },
    handler: async (req) => presentJoinApplicationDetail(await join.act(ctxOf(req), req.params.id, req.params.action, req.body)),
  });
}
