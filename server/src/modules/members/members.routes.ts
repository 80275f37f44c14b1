import { z } from 'zod';
import {
  type TransferStatus,
  ZMember,
  ZMemberCreate,
  ZMemberEvent,
  ZMemberExportQuery,
  ZMemberLeave,
  ZMemberListQuery,
  ZMemberReveal,
  ZMemberRevealed,
  ZMemberUpdate,
  page,
  todayCst,
  zId,
} from '@gonghui/common';
import { ctxOf } from '../../platform/authz/index.ts';
import { streamXlsx, type HttpApp } from '../../platform/http/index.ts';
import { presentMember } from './members.presenter.ts';
import type { MemberService } from './members.service.ts';
import type { TransferService } from './transfers.service.ts';

const ZIdParams = z.strictObject({ id: zId });
const tags = ['members'];
// totalExact is false when more rows match than the list counts (see COUNT_CAP): the console shows "10000+".
// total is null on a keyset page (after=): only the first page counts.
const ZMemberPage = page(ZMember).extend({
  total: z.number().int().nullable(),
  nextAfter: z.number().int().nullable(),
  /** Pass as `cursor` (with the same sort) for the next page; null on the last one. */
  nextCursor: z.string().nullable(),
  totalExact: z.boolean(),
});

export function registerMemberRoutes(app: HttpApp, svc: MemberService, transfers: Pick<TransferService, 'openOf'>): void {
  app.post('/api/v1/members', {
    schema: {
      operationId: 'createMember',
      tags,
      body: ZMemberCreate,
      response: { 201: ZMember.extend({ notice: z.string().optional() }) },
    },
    config: { permission: 'member:create' },
    handler: async (req, reply) => {
      const { member, notice } = await svc.create(ctxOf(req), req.body);
      return reply.status(201).send({ ...presentMember(member), ...(notice ? { notice } : {}) });
    },
  });

  app.get('/api/v1/members', {
    schema: { operationId: 'listMembers', tags, querystring: ZMemberListQuery, response: { 200: ZMemberPage } },
    config: { permission: 'member:read' },
    handler: async (req) => {
      const q = req.query;
      const res = await svc.list(ctxOf(req), q);
      const last = res.items[res.items.length - 1];
      return {
        items: res.items.map(presentMember),
        total: res.total,
        totalExact: res.totalExact,
        page: q.page,
        pageSize: q.pageSize,
        nextAfter: res.items.length === q.pageSize && last ? last.id : null,
        nextCursor: res.nextCursor,
      };
    },
  });

  app.get('/api/v1/members/export', {
    schema: { operationId: 'exportMembers', tags, querystring: ZMemberExportQuery },
    config: { permission: 'member:export' },
    handler: async (req, reply) => {
      const ctx = ctxOf(req);
      const stamp = todayCst();
      return streamXlsx(
        req,
        reply,
        (out) => svc.exportTo(ctx, req.query, out),
        async () => ({
          ascii: `members-${stamp}.xlsx`,
          shown: await svc.exportFileName(ctx, req.query, stamp),
        }),
      );
    },
  });

  app.get('/api/v1/members/:id', {
    schema: { operationId: 'getMember', tags, params: ZIdParams, response: { 200: ZMember } },
    config: { permission: 'member:read', scope: { id: 'member' } },
    handler: async (req) => {
      const m = await svc.get(ctxOf(req), req.params.id);
      // The member is in the caller's scope: its open transfer (to whichever union) is shown with it.
      const open = await transfers.openOf(m.id);
      const transfer = open && {
        id: open.case.id,
        number: open.case.number,
        status: open.case.status as TransferStatus,
        toOrgName: open.toOrgName,
      };
      return { ...presentMember(m), transfer };
    },
  });

  app.patch('/api/v1/members/:id', {
    schema: { operationId: 'updateMember', tags, params: ZIdParams, body: ZMemberUpdate, response: { 200: ZMember } },
    config: { permission: 'member:update', scope: { id: 'member' } },
    handler: async (req) => presentMember(await svc.update(ctxOf(req), req.params.id, req.body)),
  });

  app.post('/api/v1/members/:id/reveal', {
    schema: { operationId: 'revealMember', tags, params: ZIdParams, body: ZMemberReveal, response: { 200: ZMemberRevealed } },
    config: { permission: 'member:view_sensitive', scope: { id: 'member' }, rateLimit: { max: 30, timeWindow: '1 minute' } },
    handler: async (req) => svc.reveal(ctxOf(req), req.params.id, req.body.reason),
  });

  app.post('/api/v1/members/:id/leave', {
    schema: { operationId: 'memberLeave', tags, params: ZIdParams, body: ZMemberLeave, response: { 200: ZMember } },
    config: { permission: 'member:update', scope: { id: 'member' } },
    handler: async (req) => presentMember(await svc.leave(ctxOf(req), req.params.id, req.body)),
  });

  app.get('/api/v1/members/:id/events', {
    schema: { operationId: 'listMemberEvents', tags, params: ZIdParams, response: { 200: z.object({ items: z.array(ZMemberEvent) }) } },
    config: { permission: 'member:read', scope: { id: 'member' } },
    handler: async (req) => ({
      items: (await svc.events(ctxOf(req), req.params.id)).map((e) => ({
        id: e.id,
        type: e.type,
        date: e.date,
        orgId: e.orgId,
        data: e.data,
        createdAt: e.createdAt.toISOString(),
      })),
    }),
  });
}
