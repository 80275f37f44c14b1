// The cadres' side of member accounts: the list in their scope and the reset (password and sessions gone, the
// member must activate again). No answer here ever carries a code, a password hash or a clear personal number.
import { z } from 'zod';
import { maskName, page, ZMemberAccountRow, ZPageQuery, zId } from '@gonghui/common';
import { ctxOf, type Ctx } from '../../platform/authz/index.ts';
import { originOf, recordAudit } from '../../platform/audit/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { notFound, type HttpApp } from '../../platform/http/index.ts';
import * as repo from './accounts.repo.ts';

export function createConsoleService({ db }: { db: Db }) {
  async function list(ctx: Ctx, q: { page: number; pageSize: number; orgId?: number }) {
    const { rows, total } = await repo.listInScope(db, ctx.actor.orgPath, q);
    const now = Date.now();
    return {
      items: rows.map((r) => ({
        memberId: r.memberId,
        nameMasked: maskName(r.name),
        orgId: r.orgId,
        orgName: r.orgName,
        activatedAt: r.activatedAt?.toISOString() ?? null,
        lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
        locked: Boolean(r.lockedUntil && r.lockedUntil.getTime() > now),
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** The member (in the cadre's scope: the route's declared scope checked it) must activate again. */
  async function reset(ctx: Ctx, memberId: number): Promise<void> {
    await db.transaction(async (tx) => {
      const account = await repo.accountOfMember(tx, memberId);
      const m = await repo.memberFacts(tx, memberId);
      if (!account || !m) throw notFound('会员服务账号');
      await repo.deleteAccountSessions(tx, account.id);
      await repo.updateAccount(tx, account.id, { passwordHash: null, activatedAt: null, failedCount: 0, lockedUntil: null });
      await recordAudit(tx, originOf(ctx), {
        action: 'member_account.reset',
        orgId: m.orgId,
        orgPath: m.orgPath,
        entityType: 'member',
        entityId: memberId,
        before: { activated: account.activatedAt !== null, password: account.passwordHash !== null },
        after: { activated: false, password: false },
      });
    });
  }

  return { list, reset };
}

export type ConsoleService = ReturnType<typeof createConsoleService>;

export function registerConsoleRoutes(app: HttpApp, svc: ConsoleService): void {
  app.get('/api/v1/member-accounts', {
    schema: {
      operationId: 'listMemberAccounts',
      tags: ['member-accounts'],
      querystring: ZPageQuery.extend({ orgId: zId.optional() }),
      response: { 200: page(ZMemberAccountRow) },
    },
    config: { permission: 'member_account:read' },
    handler: async (req) => svc.list(ctxOf(req), req.query),
  });

  app.post('/api/v1/members/:id/account/reset', {
    schema: {
      operationId: 'resetMemberAccount',
      tags: ['member-accounts'],
      params: z.strictObject({ id: zId }),
      body: z.strictObject({}).optional(),
    },
    config: { permission: 'member_account:reset', scope: { id: 'member' } },
    handler: async (req, reply) => {
      await svc.reset(ctxOf(req), req.params.id);
      return reply.status(204).send();
    },
  });
}
