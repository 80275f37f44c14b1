// 会员接转: the sending union requests, the receiving union accepts; both sides keep the history.
// A transfer spans two subtrees by nature, so the steps that read the other side run as the system (row-level
// security would hide it) after this service's own scope checks.
import type { Ctx } from '../../platform/authz/index.ts';
import { originOf, recordAudit } from '../../platform/audit/index.ts';
import { asSystem, type Db } from '../../platform/db/index.ts';
import { conflict, invalid, notFound } from '../../platform/http/index.ts';
import { orgRepo } from '../orgs/index.ts';
import * as members from './members.repo.ts';
import * as repo from './transfers.repo.ts';

export function createTransferService({ db }: { db: Db }) {
  async function request(ctx: Ctx, memberId: number, input: { toOrgId: number; date: string; reason?: string }) {
    return db.transaction(async (tx) => {
      const m = await members.findInScope(tx, ctx.actor.orgPath, memberId);
      if (!m) throw notFound('会员');
      if (m.status !== 'active') throw conflict('该会员当前不在籍，不能办理接转');
      // The receiving union may sit in another subtree: every active org of the federation can be named.
      const to = await asSystem(() => orgRepo.findById(tx, input.toOrgId));
      if (!to || to.status !== 'active') throw invalid('toOrgId', '转入工会不存在或已注销');
      if (to.id === m.orgId) throw invalid('toOrgId', '转入工会与现所在工会相同');
      if (input.date < m.joinedAt) throw invalid('date', `不能早于入会日期 ${m.joinedAt}`);
      const t = await repo.insert(tx, { memberId, fromOrgId: m.orgId, toOrgId: to.id, date: input.date, reason: input.reason ?? null, requestedBy: ctx.actor.userId }).catch((e: unknown) => {
        if (String((e as { code?: string }).code ?? (e as { cause?: { code?: string } }).cause?.code) === '23505') throw conflict('该会员已有待接收的接转申请');
        throw e;
      });
      await recordAudit(tx, originOf(ctx), { action: 'member.transfer_request', orgId: m.orgId, orgPath: m.orgPath, entityType: 'member', entityId: memberId, after: { transferId: t.id, toOrgId: to.id, toOrgName: to.name, date: input.date } });
      const detail = await asSystem(() => repo.findById(tx, t.id));
      if (!detail) throw new Error('transfer missing');
      return detail;
    });
  }

  async function accept(ctx: Ctx, transferId: number) {
    // The member still sits in the sending subtree; the receiver's scope is checked on the transfer itself.
    return asSystem(() => db.transaction(async (tx) => {
      const t = await repo.findById(tx, transferId);
      if (!t || !t.toOrgPath.startsWith(ctx.actor.orgPath)) throw notFound('接转申请');
      const decided = await repo.decide(tx, transferId, 'accepted', ctx.actor.userId);
      if (!decided) throw conflict('该接转申请已处理');
      const m = await members.findById(tx, t.t.memberId);
      if (!m || m.status !== 'active' || m.orgId !== t.t.fromOrgId) throw conflict('会员状态已变化，不能完成接转');
      await members.update(tx, m.id, { orgId: t.t.toOrgId, orgPath: t.toOrgPath });
      const data = { transferId, fromOrgId: t.t.fromOrgId, toOrgId: t.t.toOrgId };
      await members.insertEvents(tx, [
        { memberId: m.id, orgId: t.t.fromOrgId, type: 'transfer_out', date: t.t.date, data, createdBy: ctx.actor.userId },
        { memberId: m.id, orgId: t.t.toOrgId, type: 'transfer_in', date: t.t.date, data, createdBy: ctx.actor.userId },
      ]);
      await recordAudit(tx, originOf(ctx), { action: 'member.transfer_accept', orgId: t.t.toOrgId, orgPath: t.toOrgPath, entityType: 'member', entityId: m.id, before: { orgId: t.t.fromOrgId }, after: data });
      return { ...t, t: decided };
    }));
  }

  return {
    request,
    accept,
    list: (ctx: Ctx, direction: 'in' | 'out', status: string | undefined, page: number, pageSize: number) =>
      asSystem(() => repo.list(db, ctx.actor.orgPath, direction, status, page, pageSize)),
  };
}

export type TransferService = ReturnType<typeof createTransferService>;
