// /api/v1/h5/cases: 我的申请 in the member portal. Member-only (config.member): the member session names the member,
// the service reads who they are and their union from the registry, and another member's case is a 404.
import multipart from '@fastify/multipart';
import { z } from 'zod';
import { ZMemberCaseSubmit, ZMemberCaseWithdraw, zId } from '@gonghui/common';
import type { FastifyRequest } from 'fastify';
import { AppError, type HttpApp } from '../../platform/http/index.ts';
import { receiveFile } from '../../platform/files/index.ts';
import type { MemberCaseService } from './member-cases.service.ts';

const tags = ['h5'];
const OWN = { none: 'the member’s own case: the service answers 404 for anyone else’s' };
const ZIdParams = z.strictObject({ id: zId });
const ZSubmitBody = ZMemberCaseSubmit;
// Without a version the current one is used (still compare-and-set against a cadre acting at the same moment).
const ZWithdrawBody = ZMemberCaseWithdraw.partial({ version: true });
const ZSummary = z.looseObject({ id: z.number().int(), number: z.string(), status: z.string(), statusLabel: z.string() });

function memberIdOf(req: FastifyRequest): number {
  if (!req.member) throw new AppError('UNAUTHENTICATED');
  return req.member.memberId;
}
const originOf = (req: FastifyRequest) => ({ ip: req.ip ?? null, requestId: req.id });

/** A member's upload: photos and PDF scans of invoices, up to 10 MB (and the platform's cap, if smaller). */
const MEMBER_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
const ZUploaded = z.object({ id: z.number().int(), name: z.string(), size: z.number().int() });

export function registerMemberCaseRoutes(app: HttpApp, svc: MemberCaseService): void {
  // Multipart in its own scope, as the platform's file routes do.
  void app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MEMBER_UPLOAD_MAX_BYTES, files: 1 } });
    scope.post('/api/v1/h5/attachments', {
      schema: { operationId: 'h5UploadAttachment', tags, response: { 201: ZUploaded } },
      config: { member: true, rateLimit: { max: 30, timeWindow: '1 hour' } },
      handler: async (req, reply) => {
        const memberId = memberIdOf(req);
        const file = await receiveFile(req, MEMBER_UPLOAD_MAX_BYTES);
        return reply.status(201).send(await svc.upload(memberId, file, originOf(req)));
      },
    });
  });
  app.get('/api/v1/h5/cases', {
    schema: { operationId: 'h5ListCases', tags, response: { 200: z.object({ items: z.array(ZSummary) }) } },
    config: { member: true },
    handler: async (req) => ({ items: await svc.list(memberIdOf(req)) }),
  });
  app.post('/api/v1/h5/cases', {
    schema: { operationId: 'h5SubmitCase', tags, body: ZSubmitBody, response: { 201: ZSummary } },
    config: { member: true, rateLimit: { max: 20, timeWindow: '1 hour' } },
    handler: async (req, reply) => {
      const { type, ...input } = req.body;
      return reply.status(201).send(await svc.submit(memberIdOf(req), type, input, originOf(req)));
    },
  });
  app.get('/api/v1/h5/cases/:id', {
    schema: { operationId: 'h5GetCase', tags, params: ZIdParams, response: { 200: ZSummary } },
    config: { member: true, scope: { id: OWN } },
    handler: async (req) => svc.get(memberIdOf(req), req.params.id),
  });
  app.post('/api/v1/h5/cases/:id/withdraw', {
    schema: { operationId: 'h5WithdrawCase', tags, params: ZIdParams, body: ZWithdrawBody, response: { 200: ZSummary } },
    config: { member: true, scope: { id: OWN } },
    handler: async (req) => svc.withdraw(memberIdOf(req), req.params.id, req.body, originOf(req)),
  });
}
