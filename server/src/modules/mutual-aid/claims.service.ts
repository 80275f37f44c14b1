// 医疗互助报销 rules: a claim names a plan the caller reaches, a member of the caller's subtree under the plan's org
// who is enrolled in that class of the plan (400/409 otherwise, in Chinese), and nothing is left to claim when the
// member's yearly ceiling is used up (409 naming what is left). The diagnosis is encrypted bound to the claim's row;
// it leaves the server only for holders of mutual_aid:view_health, each time with an audit row.
import {
  MUTUAL_AID_CLASS_LABELS,
  maskName,
  type MutualAidAction,
  type TMutualAidActionBody,
  type TMutualAidClaimCreate,
  type TMutualAidClaimExportQuery,
  type TMutualAidClaimListQuery,
} from '@gonghui/common';
import type { Writable } from 'node:stream';
import { can, type Ctx } from '../../platform/authz/index.ts';
import { originOf, recordAudit } from '../../platform/audit/index.ts';
import { passesScope } from '../../platform/cases/index.ts';
import { CipherError, type CipherColumn, type FieldCrypto } from '../../platform/crypto/index.ts';
import { asSystem, type Db } from '../../platform/db/index.ts';
import { AppError, conflict, notFound } from '../../platform/http/index.ts';
import { findOrgInScope } from '../orgs/index.ts';
import * as repo from './claims.repo.ts';
import { writeClaimsExport } from './claims.export.ts';
import { bad, computePayout, ruleOf } from './mutual-aid.rules.ts';
import { overCapMessage, type MutualAidCaseType } from './mutual-aid.workflow.ts';
import * as plans from './plans.repo.ts';
import { createClaimMemberFns } from './claims.member.ts';
import type { PlanService } from './plans.service.ts';

export const MUTUAL_AID_CIPHER_COLUMNS: CipherColumn[] = [{ table: 'mutual_aid_claims', column: 'diagnosis_cipher', key: ['id'] }];
const binding = (id: number) => ({ table: 'mutual_aid_claims', column: 'diagnosis_cipher', id });

/** What the service needs of the member registry: a member in the caller's scope (404 otherwise). */
export interface MemberLookup {
  get(ctx: Ctx, id: number): Promise<{ id: number; orgId: number; orgPath: string; name: string; status: string }>;
}

export interface ClaimDetail extends repo.ClaimView {
  computedPayout: number;
  yearlyCap: number;
  remaining: number;
  diagnosis?: string;
  steps: Awaited<ReturnType<MutualAidCaseType['get']>>['steps'];
  allowedActions: MutualAidAction[];
  attachments: Awaited<ReturnType<MutualAidCaseType['get']>>['attachments'];
  attachmentPolicy: Awaited<ReturnType<MutualAidCaseType['get']>>['attachmentPolicy'];
}

export function createClaimService(deps: {
  db: Db;
  crypto: FieldCrypto;
  cases: MutualAidCaseType;
  members: MemberLookup;
  plans: PlanService;
  exportMaxRows: number;
}) {
  const { db, crypto, cases, members, exportMaxRows } = deps;

  async function decrypt(c: repo.ClaimRow): Promise<string> {
    try {
      return await crypto.open(c.diagnosisCipher, binding(c.id));
    } catch (e) {
      if (e instanceof CipherError) throw new AppError('DATA_INTEGRITY');
      throw e;
    }
  }

  const auditHealth = (ctx: Ctx, v: repo.ClaimView, orgPath: string, reason: string) =>
    db.transaction((tx) =>
      recordAudit(tx, originOf(ctx), {
        action: 'mutual_aid.view_health',
        orgId: v.c.orgId,
        orgPath,
        entityType: 'mutual_aid_claim',
        entityId: v.c.id,
        after: { number: v.number, reason },
      }),
    );

  async function get(ctx: Ctx, id: number): Promise<ClaimDetail> {
    const view = await cases.get(ctx, id);
    const v = await asSystem(() => repo.findView(db, id));
    const plan = await asSystem(() => plans.findPlan(db, view.case.payload.planId));
    const rule = plan && ruleOf(plan, view.case.payload.classCode);
    if (!v || !rule) throw notFound('医疗互助报销');
    // What the rules give is counted without this claim; what is left shown after it once its payout is fixed.
    const used = await asSystem(() => repo.usedOfYear(db, v.c, v.c.id));
    const before = Math.max(0, rule.yearlyCap - used);
    const fixed = v.c.status === 'reviewed' || v.c.status === 'paid' ? (v.c.payoutFen ?? 0) : 0;
    const remaining = Math.max(0, before - fixed);
    const c = view.case;
    // Rejecting a verified claim is the reviewing side's (the kernel gives a transition one side).
    // A member's transition (withdraw) is never a cadre's allowed action.
    const allowedActions = view.allowedActions.filter(
      (a): a is MutualAidAction =>
        a !== 'withdraw' && (a !== 'reject' || c.status !== 'verified' || passesScope(ctx.actor, c, { side: 'target' })),
    );
    const out: ClaimDetail = {
      ...v,
      version: c.version,
      computedPayout: computePayout(rule, v.c.invoiceTotalFen, before),
      yearlyCap: rule.yearlyCap,
      remaining,
      steps: view.steps,
      allowedActions,
      attachments: view.attachments,
      attachmentPolicy: view.attachmentPolicy,
    };
    if (can(ctx.actor, 'mutual_aid:view_health')) {
      out.diagnosis = await decrypt(v.c);
      await auditHealth(ctx, v, c.orgPath, '查看报销申请详情');
    }
    return out;
  }

  async function create(ctx: Ctx, input: TMutualAidClaimCreate): Promise<ClaimDetail> {
    const plan = await deps.plans.reachable(ctx, input.planId, 'planId');
    const rule = ruleOf(plan, input.classCode);
    const label = MUTUAL_AID_CLASS_LABELS[input.classCode];
    if (!rule) throw bad('classCode', `本计划未设置「${label}」类别`);
    const m = await members.get(ctx, input.memberId);
    if (!m.orgPath.startsWith(plan.orgPath)) throw bad('memberId', '该会员不在互助计划主办工会的范围内');
    if (m.status !== 'active' && m.status !== 'retained') throw bad('memberId', '该会员已不在籍，不能申请报销');
    if (!(await asSystem(() => plans.isEnrolled(db, plan.id, input.classCode, m.id, m.orgPath)))) {
      throw conflict(`该会员未参加本计划「${label}」类别的医疗互助，不能申请报销`, 'memberId');
    }
    const key = { planId: plan.id, memberId: m.id, classCode: input.classCode };
    const id = await db.transaction(async (tx) => {
      const used = await asSystem(() => repo.usedOfYear(tx, key, null));
      if (rule.yearlyCap - used <= 0) throw conflict(overCapMessage(0), 'invoiceTotal');
      const target = { id: plan.orgId, path: plan.orgPath };
      const opened = await cases.open(ctx, tx, {
        owner: { id: m.orgId, path: m.orgPath },
        target,
        title: `医疗互助报销：${maskName(m.name)}（${label}）`,
        payload: { planId: plan.id, memberId: m.id, classCode: input.classCode, kind: input.kind, invoiceTotal: input.invoiceTotal },
        opinion: input.note?.trim() || null,
      });
      await repo.insert(tx, {
        id: opened.id,
        planId: plan.id,
        orgId: m.orgId,
        memberId: m.id,
        classCode: input.classCode,
        kind: input.kind,
        invoiceTotalFen: input.invoiceTotal,
        diagnosisCipher: crypto.encrypt(input.diagnosis, binding(opened.id)),
        note: input.note?.trim() || null,
      });
      return opened.id;
    });
    return get(ctx, id);
  }

  async function act(ctx: Ctx, id: number, action: MutualAidAction, body: TMutualAidActionBody): Promise<ClaimDetail> {
    if ((body.payout !== undefined || body.reason !== undefined) && action !== 'review') throw bad('payout', '只有复核时填写');
    if (body.paidAt !== undefined && action !== 'pay') throw bad('paidAt', '只有赔付时填写');
    if (action === 'reject') {
      const view = await cases.get(ctx, id);
      if (view.case.status === 'verified' && !passesScope(ctx.actor, view.case, { side: 'target' })) throw notFound('医疗互助报销');
    }
    // A review's opinion stands for the reason of an edited payout when no reason is given apart.
    const ownReason = body.reason?.trim();
    const reason = ownReason || (action === 'review' && body.payout !== undefined ? body.opinion?.trim() : undefined);
    const opinion = [body.opinion?.trim(), ownReason ? `调整理由：${ownReason}` : ''].filter(Boolean).join('；') || undefined;
    const fields: Record<string, unknown> = {};
    if (body.payout !== undefined) fields.payout = body.payout;
    if (reason) fields.reason = reason;
    if (body.paidAt !== undefined) fields.paidAt = body.paidAt;
    await cases.act(ctx, id, action, { version: body.version, opinion, ...fields });
    return get(ctx, id);
  }

  async function list(ctx: Ctx, q: TMutualAidClaimListQuery) {
    const org = await findOrgInScope(db, ctx.actor.orgPath, q.orgId ?? ctx.actor.orgId);
    if (!org) throw notFound('工会组织');
    const { page, pageSize, orgId: _orgId, ...f } = q;
    return repo.list(db, { path: org.path, ...f }, page, pageSize);
  }

  /** The full diagnosis with a reason, audited (the console's 查看 button). */
  async function health(ctx: Ctx, id: number, reason: string): Promise<{ diagnosis: string }> {
    const view = await cases.get(ctx, id);
    const v = await asSystem(() => repo.findView(db, id));
    if (!v) throw notFound('医疗互助报销');
    const diagnosis = await decrypt(v.c);
    await auditHealth(ctx, v, view.case.orgPath, reason);
    return { diagnosis };
  }

  /** The masked ledger of claims as xlsx (never the diagnosis); refused over the cap before the first byte. */
  async function exportTo(ctx: Ctx, q: TMutualAidClaimExportQuery, out: Writable): Promise<void> {
    const org = await findOrgInScope(db, ctx.actor.orgPath, q.orgId ?? ctx.actor.orgId);
    if (!org) throw notFound('工会组织');
    const { orgId: _orgId, ...f } = q;
    const filter = { path: org.path, ...f };
    if ((await repo.countCapped(db, filter, exportMaxRows)) > exportMaxRows) {
      throw bad('orgId', `符合条件的报销申请超过单次导出上限 ${exportMaxRows} 条，请缩小筛选范围后分批导出`);
    }
    const audit = (rows: number) =>
      db.transaction((tx) =>
        recordAudit(tx, originOf(ctx), {
          action: 'mutual_aid.export',
          orgId: org.id,
          orgPath: org.path,
          entityType: 'mutual_aid_claim',
          after: { filter: q, rows, unmasked: false },
        }),
      );
    let audited = false;
    try {
      await writeClaimsExport(db, filter, out, async (n) => {
        await audit(n);
        audited = true;
      });
    } finally {
      if (!audited) await audit(0);
    }
  }

  return { create, get, act, list, health, exportTo, ...createClaimMemberFns({ db, crypto, cases }) };
}

export type ClaimService = ReturnType<typeof createClaimService>;
