// 医疗互助报销 as a case type of the kernel. The member's union (owner side) submits and verifies (审核); the plan's
// org (target side) reviews (复核: fixes the payout from the class's rules, or another amount with a reason) and
// pays (a 资金台账 entry in the same transaction, idempotency key `mutual_aid:<caseId>`, so parallel pays pay once).
// Either side may reject with an opinion while the claim waits for it (checked in the service: the kernel gives a
// transition one side). The member's yearly ceiling is enforced at review with the member's claims locked.
import { z } from 'zod';
import {
  LIMITS,
  MUTUAL_AID_STEP_LABELS,
  formatYuan,
  todayCst,
  zDate,
  zMultilineText,
  type MutualAidAction,
  type MutualAidClaimStatus,
} from '@gonghui/common';
import { caseScopePaths, type CaseKernel, type CaseType, type EffectContext } from '../../platform/cases/index.ts';
import type { Ctx, ScopeResolve } from '../../platform/authz/index.ts';
import { disburse } from '../../platform/ledger/index.ts';
import { conflict, notFound } from '../../platform/http/index.ts';
import * as claims from './claims.repo.ts';
import * as plans from './plans.repo.ts';
import { bad, computePayout, ruleOf } from './mutual-aid.rules.ts';

export const MUTUAL_AID_CASE_TYPE = 'mutual_aid_claim';

export const mutualAidClaimScopePaths: ScopeResolve = (db, id) => caseScopePaths(db, MUTUAL_AID_CASE_TYPE, id);

/** What the case carries besides the claim's row (no health data: it is written to the audit trail). */
export const ZClaimPayload = z.object({
  planId: z.number().int(),
  memberId: z.number().int(),
  classCode: z.string(),
  kind: z.string(),
  invoiceTotal: z.number().int(),
});
export type ClaimPayload = z.infer<typeof ZClaimPayload>;
export type MutualAidCaseType = CaseType<MutualAidClaimStatus, MutualAidAction | 'withdraw', ClaimPayload>;

const zAmount = z.number().int().min(0).max(999_999_999_999_999);

function ctxOfEffect(e: EffectContext<ClaimPayload>): Ctx {
  if (!e.actor) throw new Error('mutual aid actions are run by cadres');
  return { actor: e.actor, ip: e.origin.ip, requestId: e.origin.requestId };
}

async function claimOf(e: EffectContext<ClaimPayload>): Promise<claims.ClaimRow> {
  const row = await claims.findById(e.tx, e.case.id);
  if (!row) throw notFound('医疗互助报销');
  return row;
}

/** 「超出年度互助限额，本年度剩余可报销 1,234.00 元」 */
export const overCapMessage = (remaining: number) =>
  `超出年度互助限额，本年度剩余可报销 ${formatYuan(Math.max(0, remaining)).replace('元', ' 元')}`;

async function review(e: EffectContext<ClaimPayload>): Promise<void> {
  const claim = await claimOf(e);
  const plan = await plans.findPlan(e.tx, claim.planId);
  const rule = plan && ruleOf(plan, claim.classCode);
  if (!rule) throw notFound('互助计划');
  const used = await claims.usedOfYear(e.tx, claim, claim.id, true);
  const remaining = rule.yearlyCap - used;
  const computed = computePayout(rule, claim.invoiceTotalFen, remaining);
  const input = e.input as { payout?: number; reason?: string };
  const payout = input.payout ?? computed;
  if (payout > remaining) throw conflict(overCapMessage(remaining), 'payout');
  if (payout > rule.perClaimCap) throw bad('payout', `超出单次报销限额 ${formatYuan(rule.perClaimCap)}`);
  if (payout > claim.invoiceTotalFen) throw bad('payout', '不能超过发票金额');
  const reason = input.reason?.trim() || null;
  if (payout !== computed && !reason) throw bad('reason', `核定金额与按规则计算的 ${formatYuan(computed)} 不同，请说明调整理由`);
  await claims.update(e.tx, claim.id, { status: 'reviewed', payoutFen: payout, payoutReason: payout !== computed ? reason : null });
}

async function pay(e: EffectContext<ClaimPayload>): Promise<void> {
  const claim = await claimOf(e);
  const today = todayCst();
  const paidAt = (e.input as { paidAt?: string }).paidAt ?? today;
  if (paidAt > today) throw bad('paidAt', '不能晚于今天');
  const view = await claims.findView(e.tx, claim.id);
  if (view && paidAt < `${view.year}-01-01`) throw bad('paidAt', `不能早于互助计划年度（${view.year}年）`);
  const payout = claim.payoutFen ?? 0;
  let ledgerEntryId: number | null = null;
  if (payout > 0) {
    const ledger = await disburse(e.tx, ctxOfEffect(e), {
      orgId: claim.orgId,
      payeeName: view?.memberName ?? '会员',
      payeeMemberId: claim.memberId,
      amountFen: payout,
      fundSource: 'medical_mutual',
      caseType: MUTUAL_AID_CASE_TYPE,
      caseId: e.case.id,
      idempotencyKey: `mutual_aid:${e.case.id}`,
      note: `医疗互助报销 ${e.case.number}`,
    });
    ledgerEntryId = ledger.id;
  }
  await claims.update(e.tx, claim.id, { status: 'paid', paidAt, ledgerEntryId });
}

const setStatus = (status: MutualAidClaimStatus) => async (e: EffectContext<ClaimPayload>) => {
  await claims.update(e.tx, e.case.id, { status });
};

export function registerMutualAidCaseType(kernel: CaseKernel): MutualAidCaseType {
  return kernel.register<MutualAidClaimStatus, MutualAidAction | 'withdraw', ClaimPayload>({
    type: MUTUAL_AID_CASE_TYPE,
    prefix: 'HZ',
    label: '医疗互助报销',
    link: (c) => `/mutual-aid/claims/${c.id}`,
    stepLabels: { ...MUTUAL_AID_STEP_LABELS, overdue: '逾期' },
    payload: ZClaimPayload,
    initial: 'submitted',
    open: ['submitted', 'verified', 'reviewed'],
    awaiting: { submitted: 'owner', verified: 'target', reviewed: 'target' },
    readPermission: 'mutual_aid:read',
    openExistsMessage: '该报销申请已提交',
    audit: { open: 'mutual_aid.claim', entity: (c) => ({ entityType: 'mutual_aid_claim', entityId: c.id }) },
    transitions: {
      verify: {
        from: ['submitted'],
        to: 'verified',
        permission: 'mutual_aid:manage',
        scope: { side: 'owner' },
        audit: 'mutual_aid.verify',
        effect: setStatus('verified'),
      },
      review: {
        from: ['verified'],
        to: 'reviewed',
        permission: 'mutual_aid:approve',
        scope: { side: 'target' },
        input: z.object({
          opinion: z.string().optional(),
          payout: zAmount.optional(),
          reason: zMultilineText(LIMITS.text).optional(),
        }),
        audit: 'mutual_aid.review',
        effect: review,
      },
      pay: {
        from: ['reviewed'],
        to: 'paid',
        permission: 'mutual_aid:approve',
        scope: { side: 'target' },
        input: z.object({ opinion: z.string().optional(), paidAt: zDate.optional() }),
        audit: 'mutual_aid.pay',
        effect: pay,
      },
      reject: {
        from: ['submitted', 'verified'],
        to: 'rejected',
        permission: 'mutual_aid:manage',
        scope: { side: 'owner' },
        input: z.object({ opinion: zMultilineText(LIMITS.text).pipe(z.string().min(2, '驳回须填写意见')) }),
        audit: 'mutual_aid.reject',
        effect: setStatus('rejected'),
      },
      // The member who claimed in the member portal withdraws before their union has verified the claim.
      withdraw: {
        from: ['submitted'],
        to: 'withdrawn',
        permission: null,
        member: true,
        scope: { side: 'owner' },
        audit: 'mutual_aid.withdraw',
        effect: setStatus('withdrawn'),
      },
    },
    // Invoice images (and PDF scans) from the member's union while the claim is being verified.
    attachments: {
      kinds: ['image', 'pdf'],
      maxBytes: 10 * 1024 * 1024,
      maxCount: 20,
      states: ['submitted', 'verified'],
      permission: 'mutual_aid:manage',
      sides: ['owner'],
    },
  });
}
