// 医疗互助 plans, quotas and enrolments: a plan per org and year (409 for a second) with its classes' rules; quotas
// per class handed down to the plan org's direct children; enrolment of a unit of the plan org's subtree in one
// class — by headcount, a member list (members of the unit's subtree) or the whole unit — with the premium due
// (headcount × premium) and the premium paid (the due amount unless told otherwise; recorded later with its day).
import {
  MUTUAL_AID_CLASS_LABELS,
  formatYuan,
  type TMutualAidEnrolmentCreate,
  type TMutualAidPlanCreate,
  type TMutualAidPremiumBody,
  type TMutualAidQuotaSet,
} from '@gonghui/common';
import type { Ctx } from '../../platform/authz/index.ts';
import { originOf, recordAudit } from '../../platform/audit/index.ts';
import { asSystem, type Db } from '../../platform/db/index.ts';
import { duplicate, notFound } from '../../platform/http/index.ts';
import { findOrgInScope, orgNamesByIds } from '../orgs/index.ts';
import { ENROLMENT_UNIT_CLASS_UNIQUE, PLAN_ORG_YEAR_UNIQUE } from './mutual-aid.constraints.ts';
import { bad, ruleOf } from './mutual-aid.rules.ts';
import * as repo from './plans.repo.ts';

export function createPlanService({ db }: { db: Db }) {
  const planName = async (plan: repo.PlanRow) => (await asSystem(() => orgNamesByIds(db, [plan.orgId]))).get(plan.orgId) ?? '';

  async function reachable(ctx: Ctx, id: number, field?: string) {
    const plan = await repo.findPlanReachable(db, ctx.actor.orgPath, id);
    if (!plan) throw field ? bad(field, '互助计划不存在或不在您的管辖范围内') : notFound('互助计划');
    return plan;
  }

  async function create(ctx: Ctx, input: TMutualAidPlanCreate) {
    const id = await db.transaction(async (tx) => {
      const org = await findOrgInScope(tx, ctx.actor.orgPath, input.orgId);
      if (!org) throw notFound('工会组织');
      if (org.status !== 'active') throw bad('orgId', '该工会组织已注销');
      if (await asSystem(() => repo.planOfOrgYear(tx, org.id, input.year))) throw duplicate(PLAN_ORG_YEAR_UNIQUE);
      const plan = await repo.insertPlan(tx, {
        orgId: org.id,
        orgPath: org.path,
        year: input.year,
        name: input.name?.trim() || `${org.name}${input.year}年职工医疗互助计划`,
        classes: input.classes.map((c) => ({ ...c, ratio: c.ratio ?? 10_000 })),
        createdBy: ctx.actor.userId,
      });
      await recordAudit(tx, originOf(ctx), {
        action: 'mutual_aid.plan_create',
        orgId: org.id,
        orgPath: org.path,
        entityType: 'mutual_aid_plan',
        entityId: plan.id,
        after: { year: plan.year, name: plan.name, classes: plan.classes },
      });
      return plan.id;
    });
    return detail(ctx, id);
  }

  /** The plan with quota vs enrolled per direct child of its org (within the reader's subtree). */
  async function detail(ctx: Ctx, id: number) {
    const plan = await reachable(ctx, id);
    const scope = plan.orgPath.startsWith(ctx.actor.orgPath) ? plan.orgPath : ctx.actor.orgPath;
    const [children, quotas, enrolled, units] = await Promise.all([
      asSystem(() => repo.childrenOf(db, plan.orgId, ctx.actor.orgPath)),
      repo.quotasOf(db, plan.id),
      repo.enrolledByChild(db, plan, scope),
      repo.unitsEnrolled(db, plan.id, scope),
    ]);
    const rows = children.map((c) => {
      const quota: Record<string, number> = {};
      const got: Record<string, number> = {};
      for (const q of quotas) if (q.orgId === c.id && q.headcount > 0) quota[q.classCode] = q.headcount;
      for (const e of enrolled) if (e.grp === String(c.id)) got[e.cls] = (got[e.cls] ?? 0) + e.n;
      return { orgId: c.id, name: c.name, quota, enrolled: got };
    });
    const sum = (f: (e: (typeof enrolled)[number]) => number) => enrolled.reduce((n, e) => n + f(e), 0);
    return {
      plan,
      orgName: await planName(plan),
      totals: { units, headcount: sum((e) => e.n), premiumDue: sum((e) => e.due), premiumPaid: sum((e) => e.paid) },
      children: rows,
    };
  }

  async function list(ctx: Ctx, q: { year?: number | undefined; page: number; pageSize: number }) {
    const res = await repo.listPlans(db, ctx.actor.orgPath, q.year, q.page, q.pageSize);
    const names = await asSystem(() =>
      orgNamesByIds(
        db,
        res.items.map((p) => p.orgId),
      ),
    );
    return { items: res.items.map((plan) => ({ plan, orgName: names.get(plan.orgId) ?? '' })), total: res.total };
  }

  /** Quotas for one direct child of the plan's org, set by cadres at or above the plan's org. */
  async function setQuotas(ctx: Ctx, id: number, input: TMutualAidQuotaSet) {
    const plan = await reachable(ctx, id);
    if (!plan.orgPath.startsWith(ctx.actor.orgPath)) throw notFound('互助计划');
    const child = await findOrgInScope(db, ctx.actor.orgPath, input.orgId);
    if (!child || child.parentId !== plan.orgId) throw bad('orgId', '参保任务只能下达给主办工会的直属下级工会');
    for (const q of input.quotas)
      if (!ruleOf(plan, q.classCode)) throw bad('quotas', `本计划未设置「${MUTUAL_AID_CLASS_LABELS[q.classCode]}」类别`);
    await db.transaction(async (tx) => {
      await repo.setQuotas(tx, plan.id, child.id, input.quotas);
      await recordAudit(tx, originOf(ctx), {
        action: 'mutual_aid.quota_set',
        orgId: plan.orgId,
        orgPath: plan.orgPath,
        entityType: 'mutual_aid_plan',
        entityId: plan.id,
        after: { orgId: child.id, quotas: input.quotas },
      });
    });
    return detail(ctx, id);
  }

  async function enrol(ctx: Ctx, input: TMutualAidEnrolmentCreate) {
    const plan = await reachable(ctx, input.planId, 'planId');
    const rule = ruleOf(plan, input.classCode);
    if (!rule) throw bad('classCode', `本计划未设置「${MUTUAL_AID_CLASS_LABELS[input.classCode]}」类别`);
    const org = await findOrgInScope(db, ctx.actor.orgPath, input.orgId);
    if (!org) throw notFound('工会组织');
    if (!org.path.startsWith(plan.orgPath)) throw bad('orgId', '该单位不在互助计划主办工会的范围内，不能参保');
    if (org.status !== 'active') throw bad('orgId', '该工会组织已注销');
    if (input.enrolledAt.slice(0, 4) !== String(plan.year)) throw bad('enrolledAt', `应在计划年度（${plan.year}年）内`);
    let memberIds: number[] | null = null;
    let headcount = input.headcount;
    if (input.memberIds) {
      memberIds = [...new Set(input.memberIds)];
      if (memberIds.length === 0) throw bad('memberIds', '名单不能为空');
      const found = new Set(await asSystem(() => repo.membersUnder(db, memberIds as number[], org.path)));
      const missing = memberIds.filter((m) => !found.has(m));
      if (missing.length)
        throw bad('memberIds', `有 ${missing.length} 名会员不在该单位或已不在籍（会员编号 ${missing.slice(0, 5).join('、')}）`);
      if (headcount !== undefined && headcount !== memberIds.length) throw bad('headcount', `与参保名单人数（${memberIds.length}人）不符`);
      headcount = memberIds.length;
    }
    if (headcount === undefined && input.wholeUnit) headcount = await asSystem(() => repo.activeMembersUnder(db, org.path));
    if (headcount === undefined) throw bad('headcount', '请填写参保人数或参保名单');
    const due = headcount * rule.premium;
    const paid = input.premiumPaid ?? due;
    const id = await db.transaction(async (tx) => {
      const e = await repo
        .insertEnrolment(tx, {
          planId: plan.id,
          orgId: org.id,
          classCode: input.classCode,
          headcount,
          memberIds,
          wholeUnit: input.wholeUnit ?? false,
          enrolledAt: input.enrolledAt,
          premiumDueFen: due,
          premiumPaidFen: paid,
          paidAt: paid > 0 ? input.enrolledAt : null,
          createdBy: ctx.actor.userId,
        })
        .catch((err: unknown) => {
          throw (err as { code?: string }).code === '23505' ? duplicate(ENROLMENT_UNIT_CLASS_UNIQUE) : err;
        });
      await recordAudit(tx, originOf(ctx), {
        action: 'mutual_aid.enrol',
        orgId: org.id,
        orgPath: org.path,
        entityType: 'mutual_aid_enrolment',
        entityId: e.id,
        after: {
          planId: plan.id,
          classCode: e.classCode,
          headcount,
          members: memberIds?.length ?? null,
          premiumDue: due,
          premiumPaid: paid,
        },
      });
      return e.id;
    });
    return getEnrolment(ctx, id);
  }

  async function getEnrolment(ctx: Ctx, id: number) {
    const v = await repo.findEnrolmentInScope(db, ctx.actor.orgPath, id);
    if (!v) throw notFound('参保登记');
    return v;
  }

  async function recordPremium(ctx: Ctx, id: number, input: TMutualAidPremiumBody) {
    const v = await getEnrolment(ctx, id);
    if (input.paidAt.slice(0, 4) < String(v.year)) throw bad('paidAt', `不能早于计划年度（${v.year}年）`);
    if (input.premiumPaid > v.e.premiumDueFen) throw bad('premiumPaid', `不能超过应缴互助金 ${formatYuan(v.e.premiumDueFen)}`);
    await db.transaction(async (tx) => {
      await repo.updatePremium(tx, id, input.premiumPaid, input.paidAt);
      await recordAudit(tx, originOf(ctx), {
        action: 'mutual_aid.premium',
        orgId: v.e.orgId,
        orgPath: v.orgPath,
        entityType: 'mutual_aid_enrolment',
        entityId: id,
        before: { premiumPaid: v.e.premiumPaidFen, paidAt: v.e.paidAt },
        after: { premiumPaid: input.premiumPaid, paidAt: input.paidAt },
      });
    });
    return getEnrolment(ctx, id);
  }

  async function listEnrolments(
    ctx: Ctx,
    q: { orgId?: number | undefined; planId?: number | undefined; classCode?: string | undefined; page: number; pageSize: number },
  ) {
    const org = await findOrgInScope(db, ctx.actor.orgPath, q.orgId ?? ctx.actor.orgId);
    if (!org) throw notFound('工会组织');
    return repo.listEnrolments(db, { path: org.path, planId: q.planId, classCode: q.classCode }, q.page, q.pageSize);
  }

  return { create, detail, list, setQuotas, enrol, getEnrolment, recordPremium, listEnrolments, reachable };
}

export type PlanService = ReturnType<typeof createPlanService>;
