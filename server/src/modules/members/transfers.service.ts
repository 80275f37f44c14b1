// 会员接转 on the case kernel: the sending union requests (the member must be in its scope and active), the kernel
// numbers the case, counts the deadline in working days and runs the actions. A transfer spans two subtrees by
// nature: the names of the other side are read as the system, after the kernel has checked the caller's scope.
import { todayCst, type TTransferCreate } from '@gonghui/common';
import type { Ctx } from '../../platform/authz/index.ts';
import type { CaseRecord } from '../../platform/cases/index.ts';
import { asSystem, type Db, type DbOrTx } from '../../platform/db/index.ts';
import { conflict, invalid, notFound } from '../../platform/http/index.ts';
import { maskName } from '@gonghui/common';
import { findOrgById, orgNamesByIds } from '../orgs/index.ts';
import * as members from './members.repo.ts';
import type { TransferCaseType, TransferPayload } from './transfers.workflow.ts';

export type TransferCase = CaseRecord<TransferPayload>;

/** Names the presenter needs: the member (masked later) and both orgs. */
export interface TransferNames {
  member: Map<number, string>;
  org: Map<number, string>;
}

const subjectOf = (memberId: number) => `member:${memberId}`;

async function namesFor(db: DbOrTx, items: TransferCase[]): Promise<TransferNames> {
  return asSystem(async () => {
    const [member, org] = await Promise.all([
      members.namesByIds(
        db,
        items.map((c) => c.payload.memberId),
      ),
      orgNamesByIds(
        db,
        items.flatMap((c) => [c.orgId, c.targetOrgId ?? c.orgId]),
      ),
    ]);
    return { member, org };
  });
}

export function createTransferService({ db, cases, expiryWorkingDays }: { db: Db; cases: TransferCaseType; expiryWorkingDays: number }) {
  async function request(ctx: Ctx, memberId: number, input: TTransferCreate) {
    const id = await db.transaction(async (tx) => {
      const m = await members.findInScope(tx, ctx.actor.orgPath, memberId);
      if (!m) throw notFound('会员');
      if (m.status !== 'active') throw conflict('该会员当前不在籍，不能办理接转');
      // The receiving union may sit in another subtree: every active org of the federation can be named.
      const to = await asSystem(() => findOrgById(tx, input.toOrgId));
      if (!to || to.status !== 'active') throw invalid('toOrgId', '转入工会不存在或已注销');
      if (to.id === m.orgId) throw invalid('toOrgId', '转入工会与现所在工会相同');
      const date = input.date ?? todayCst();
      if (date < m.joinedAt) throw invalid('date', `不能早于入会日期 ${m.joinedAt}`);
      const reason = input.reason?.trim() || null;
      const c = await cases.open(ctx, tx, {
        owner: { id: m.orgId, path: m.orgPath },
        target: { id: to.id, path: to.path },
        subject: subjectOf(m.id),
        title: `会员接转：${maskName(m.name)}（${m.orgName} → ${to.name}）`,
        payload: { memberId: m.id, date, reason },
        dueInWorkingDays: expiryWorkingDays,
        opinion: reason,
      });
      return c.id;
    });
    return get(ctx, id);
  }

  async function get(ctx: Ctx, id: number) {
    const view = await cases.get(ctx, id);
    return { ...view, names: await namesFor(db, [view.case]) };
  }

  return {
    request,
    get,
    async act(ctx: Ctx, id: number, action: 'accept' | 'reject' | 'withdraw', body: { version: number; opinion?: string | undefined }) {
      await cases.act(ctx, id, action, body);
      return get(ctx, id);
    },
    async list(ctx: Ctx, f: { direction: 'in' | 'out'; status?: string | undefined; page: number; pageSize: number }) {
      const res = await cases.list(ctx, {
        side: f.direction === 'in' ? 'target' : 'owner',
        status: f.status,
        page: f.page,
        pageSize: f.pageSize,
      });
      return { ...res, names: await namesFor(db, res.items) };
    },
    /** The member's open transfer (the caller has already loaded the member in scope). */
    async openOf(memberId: number): Promise<{ case: TransferCase; toOrgName: string } | null> {
      const c = (await cases.openOf(db, [subjectOf(memberId)])).get(subjectOf(memberId));
      if (!c) return null;
      const names = await namesFor(db, [c]);
      return { case: c, toOrgName: names.org.get(c.targetOrgId ?? 0) ?? '' };
    },
  };
}

export type TransferService = ReturnType<typeof createTransferService>;
