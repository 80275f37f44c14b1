// 医疗互助 routes: plans (with quotas per child), enrolments (with the premium paid), and claims on the case kernel —
// the list, the masked xlsx export, the detail with timeline, attachments and allowed actions, one action route whose
// body carries the version, and the audited view of the diagnosis.
import { z } from 'zod';
import {
  MUTUAL_AID_ACTIONS,
  ZMutualAidActionBody,
  ZMutualAidClaim,
  ZMutualAidClaimCreate,
  ZMutualAidClaimDetail,
  ZMutualAidClaimExportQuery,
  ZMutualAidClaimListQuery,
  ZMutualAidEnrolment,
  ZMutualAidEnrolmentCreate,
  ZMutualAidEnrolmentListQuery,
  ZMutualAidHealth,
  ZMutualAidHealthBody,
  ZMutualAidPlan,
  ZMutualAidPlanCreate,
  ZMutualAidPlanDetail,
  ZMutualAidPlanListQuery,
  ZMutualAidPremiumBody,
  ZMutualAidQuotaSet,
  page,
  todayCst,
  zId,
} from '@gonghui/common';
import { ctxOf } from '../../platform/authz/index.ts';
import { streamXlsx, type HttpApp } from '../../platform/http/index.ts';
import { presentClaim, presentClaimDetail, presentEnrolment, presentPlan, presentPlanDetail } from './mutual-aid.presenter.ts';
import type { ClaimService } from './claims.service.ts';
import type { PlanService } from './plans.service.ts';

const ZIdParams = z.strictObject({ id: zId });
const ZActionParams = z.strictObject({ id: zId, action: z.enum(MUTUAL_AID_ACTIONS) });
const tags = ['mutual-aid'];
const base = '/api/v1/mutual-aid';

export function registerMutualAidRoutes(app: HttpApp, plans: PlanService, claims: ClaimService): void {
  app.post(`${base}/plans`, {
    schema: { operationId: 'createMutualAidPlan', tags, body: ZMutualAidPlanCreate, response: { 201: ZMutualAidPlanDetail } },
    config: { permission: 'mutual_aid:manage' },
    handler: async (req, reply) => reply.status(201).send(presentPlanDetail(await plans.create(ctxOf(req), req.body))),
  });
  app.get(`${base}/plans`, {
    schema: { operationId: 'listMutualAidPlans', tags, querystring: ZMutualAidPlanListQuery, response: { 200: page(ZMutualAidPlan) } },
    config: { permission: 'mutual_aid:read' },
    handler: async (req) => {
      const res = await plans.list(ctxOf(req), req.query);
      return {
        items: res.items.map((i) => presentPlan(i.plan, i.orgName)),
        total: res.total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  });
  app.get(`${base}/plans/:id`, {
    schema: { operationId: 'getMutualAidPlan', tags, params: ZIdParams, response: { 200: ZMutualAidPlanDetail } },
    config: { permission: 'mutual_aid:read', scope: { id: 'mutual_aid_plan' } },
    handler: async (req) => presentPlanDetail(await plans.detail(ctxOf(req), req.params.id)),
  });
  app.put(`${base}/plans/:id/quotas`, {
    schema: {
      operationId: 'setMutualAidQuotas',
      tags,
      params: ZIdParams,
      body: ZMutualAidQuotaSet,
      response: { 200: ZMutualAidPlanDetail },
    },
    config: { permission: 'mutual_aid:manage', scope: { id: 'mutual_aid_plan' } },
    handler: async (req) => presentPlanDetail(await plans.setQuotas(ctxOf(req), req.params.id, req.body)),
  });

  app.post(`${base}/enrolments`, {
    schema: { operationId: 'createMutualAidEnrolment', tags, body: ZMutualAidEnrolmentCreate, response: { 201: ZMutualAidEnrolment } },
    config: { permission: 'mutual_aid:manage' },
    handler: async (req, reply) => reply.status(201).send(presentEnrolment(await plans.enrol(ctxOf(req), req.body))),
  });
  app.get(`${base}/enrolments`, {
    schema: {
      operationId: 'listMutualAidEnrolments',
      tags,
      querystring: ZMutualAidEnrolmentListQuery,
      response: { 200: page(ZMutualAidEnrolment) },
    },
    config: { permission: 'mutual_aid:read' },
    handler: async (req) => {
      const res = await plans.listEnrolments(ctxOf(req), req.query);
      return { items: res.items.map(presentEnrolment), total: res.total, page: req.query.page, pageSize: req.query.pageSize };
    },
  });
  app.get(`${base}/enrolments/:id`, {
    schema: { operationId: 'getMutualAidEnrolment', tags, params: ZIdParams, response: { 200: ZMutualAidEnrolment } },
    config: { permission: 'mutual_aid:read', scope: { id: 'mutual_aid_enrolment' } },
    handler: async (req) => presentEnrolment(await plans.getEnrolment(ctxOf(req), req.params.id)),
  });
  app.put(`${base}/enrolments/:id/premium`, {
    schema: {
      operationId: 'recordMutualAidPremium',
      tags,
      params: ZIdParams,
      body: ZMutualAidPremiumBody,
      response: { 200: ZMutualAidEnrolment },
    },
    config: { permission: 'mutual_aid:manage', scope: { id: 'mutual_aid_enrolment' } },
    handler: async (req) => presentEnrolment(await plans.recordPremium(ctxOf(req), req.params.id, req.body)),
  });

  app.post(`${base}/claims`, {
    schema: { operationId: 'createMutualAidClaim', tags, body: ZMutualAidClaimCreate, response: { 201: ZMutualAidClaimDetail } },
    config: { permission: 'mutual_aid:manage' },
    handler: async (req, reply) => reply.status(201).send(presentClaimDetail(await claims.create(ctxOf(req), req.body))),
  });
  app.get(`${base}/claims`, {
    schema: { operationId: 'listMutualAidClaims', tags, querystring: ZMutualAidClaimListQuery, response: { 200: page(ZMutualAidClaim) } },
    config: { permission: 'mutual_aid:read' },
    handler: async (req) => {
      const res = await claims.list(ctxOf(req), req.query);
      return { items: res.items.map((v) => presentClaim(v)), total: res.total, page: req.query.page, pageSize: req.query.pageSize };
    },
  });
  // Always masked and never with the diagnosis.
  app.get(`${base}/claims/export`, {
    schema: { operationId: 'exportMutualAidClaims', tags, querystring: ZMutualAidClaimExportQuery },
    config: { permission: 'mutual_aid:export' },
    handler: async (req, reply) => {
      const stamp = todayCst();
      return streamXlsx(
        req,
        reply,
        (out) => claims.exportTo(ctxOf(req), req.query, out),
        () => ({
          ascii: `mutual-aid-claims-${stamp}.xlsx`,
          shown: `医疗互助报销台账-${stamp}.xlsx`,
        }),
      );
    },
  });
  app.get(`${base}/claims/:id`, {
    schema: { operationId: 'getMutualAidClaim', tags, params: ZIdParams, response: { 200: ZMutualAidClaimDetail } },
    config: { permission: 'mutual_aid:read', scope: { id: 'mutual_aid_claim' } },
    handler: async (req) => presentClaimDetail(await claims.get(ctxOf(req), req.params.id)),
  });
  app.post(`${base}/claims/:id/actions/:action`, {
    schema: {
      operationId: 'actOnMutualAidClaim',
      tags,
      params: ZActionParams,
      body: ZMutualAidActionBody,
      response: { 200: ZMutualAidClaimDetail },
    },
    // Each action's own permission and scope rule are checked by the case kernel (403 / 404).
    config: {
      permission: 'mutual_aid:read',
      scope: { id: 'mutual_aid_claim', action: { none: 'the action name; the case kernel applies each action’s side rule' } },
    },
    handler: async (req) => presentClaimDetail(await claims.act(ctxOf(req), req.params.id, req.params.action, req.body)),
  });
  app.post(`${base}/claims/:id/health`, {
    schema: {
      operationId: 'viewMutualAidClaimHealth',
      tags,
      params: ZIdParams,
      body: ZMutualAidHealthBody,
      response: { 200: ZMutualAidHealth },
    },
    config: { permission: 'mutual_aid:view_health', scope: { id: 'mutual_aid_claim' } },
    handler: async (req) => claims.health(ctxOf(req), req.params.id, req.body.reason),
  });
}
