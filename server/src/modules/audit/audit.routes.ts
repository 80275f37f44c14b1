// Auditors browse the trail of their own subtree and verify the keyed hash chain against its seals.
import { z } from 'zod';
import { ZAuditEvent, ZAuditQuery, auditActionLabel, auditChanges, page } from '@gonghui/common';
import { ctxOf } from '../../platform/authz/index.ts';
import { listAudit, verifyAuditChain, type AuditRow } from '../../platform/audit/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError, type HttpApp } from '../../platform/http/index.ts';
import { resolvePageNames, type PageNames } from './audit.objects.ts';

export interface AuditRouteOptions {
  /** Labels of the statistics indicators (keys of a target row). */
  indicatorLabels: Record<string, string>;
}

// reason: why `ok` is false — see ChainBreak in platform/audit/verify.ts.
const ZAuditVerify = z.object({
  ok: z.boolean(),
  checked: z.number(),
  brokenAt: z.number().optional(),
  sealedThrough: z.number().optional(),
  reason: z
    .enum([
      'hash_mismatch',
      'legacy_after_keyed',
      'legacy_unsealed',
      'unknown_version',
      'seal_mismatch',
      'tail_deleted',
      'truncated',
      'seal_forged',
    ])
    .optional(),
});

function presentAudit(r: AuditRow, names: PageNames, fieldLabels: Record<string, string>): z.infer<typeof ZAuditEvent> {
  const context = { action: r.action, entityType: r.entityType, orgName: names.orgName, fieldLabels };
  return {
    id: r.id,
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorName: r.actorName,
    orgId: r.orgId,
    action: r.action,
    actionLabel: auditActionLabel(r.action),
    entityType: r.entityType,
    entityId: r.entityId,
    objectLabel: names.objectLabel(r),
    before: r.before ?? null,
    after: r.after ?? null,
    changes: auditChanges(r.before, r.after, context),
    ip: r.ip,
    requestId: r.requestId,
  };
}

export function registerAuditRoutes(app: HttpApp, db: Db, opts: AuditRouteOptions): void {
  const { indicatorLabels } = opts;
  const indicatorLabel = (key: string) => (Object.hasOwn(indicatorLabels, key) ? indicatorLabels[key] : undefined);
  app.get('/api/v1/audit-events', {
    schema: { operationId: 'listAuditEvents', tags: ['audit'], querystring: ZAuditQuery, response: { 200: page(ZAuditEvent) } },
    config: { permission: 'audit:read' },
    handler: async (req) => {
      const { actor } = ctxOf(req);
      const { page: p, pageSize, ...f } = req.query;
      const isRootScope = actor.orgPath.split('.').filter(Boolean).length === 1;
      const res = await listAudit(db, { ...f, scopePath: actor.orgPath, isRootScope }, p, pageSize);
      const names = await resolvePageNames(db, actor.orgPath, res.items, indicatorLabel);
      // Indicator keys are the fields of a target's rows only.
      const items = res.items.map((r) => presentAudit(r, names, r.entityType === 'target' ? indicatorLabels : {}));
      return { items, total: res.total, page: p, pageSize };
    },
  });

  app.get('/api/v1/audit-events/verify', {
    schema: {
      operationId: 'verifyAuditChain',
      tags: ['audit'],
      response: { 200: ZAuditVerify },
    },
    config: { permission: 'audit:read' },
    handler: async (req) => {
      // The chain spans the whole federation, so only auditors at the top org verify it.
      if (ctxOf(req).actor.orgPath.split('.').filter(Boolean).length !== 1) {
        throw new AppError('FORBIDDEN', '审计链完整性校验由最高一级工会的审计员执行');
      }
      return verifyAuditChain(db);
    },
  });
}
