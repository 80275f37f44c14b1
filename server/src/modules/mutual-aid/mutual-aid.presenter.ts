// What 医疗互助 answers show: plans with their classes' rules, enrolments with premium due and paid, and claims with
// the member's ID number masked and amounts in 分 beside their 元 text. A claim's diagnosis is passed on only when
// the service put it there (holders of mutual_aid:view_health); lists never carry it.
import {
  MUTUAL_AID_ACTIONS,
  MUTUAL_AID_CLASS_LABELS,
  formatYuan,
  type MutualAidAction,
  type MutualAidClaimKind,
  type MutualAidClaimStatus,
  type MutualAidClass,
  type TMutualAidClaim,
  type TMutualAidClaimDetail,
  type TMutualAidEnrolment,
  type TMutualAidPlan,
  type TMutualAidPlanDetail,
} from '@gonghui/common';
import { presentCaseSteps } from '../../platform/cases/index.ts';
import type { ClaimView } from './claims.repo.ts';
import type { ClaimDetail } from './claims.service.ts';
import type { EnrolmentView, PlanRow } from './plans.repo.ts';

export function presentPlan(plan: PlanRow, orgName: string): TMutualAidPlan {
  return {
    id: plan.id,
    orgId: plan.orgId,
    orgName,
    year: plan.year,
    name: plan.name,
    classes: plan.classes.map((c) => ({
      code: c.code as MutualAidClass,
      label: MUTUAL_AID_CLASS_LABELS[c.code as MutualAidClass] ?? c.code,
      premium: c.premium,
      perClaimCap: c.perClaimCap,
      yearlyCap: c.yearlyCap,
      ratio: c.ratio,
    })),
    createdAt: plan.createdAt.toISOString(),
  };
}

export function presentPlanDetail(d: {
  plan: PlanRow;
  orgName: string;
  totals: { units: number; headcount: number; premiumDue: number; premiumPaid: number };
  children: TMutualAidPlanDetail['children'];
}): TMutualAidPlanDetail {
  return {
    ...presentPlan(d.plan, d.orgName),
    totals: { ...d.totals, premiumPaidText: formatYuan(d.totals.premiumPaid) },
    children: d.children,
  };
}

export function presentEnrolment(v: EnrolmentView): TMutualAidEnrolment {
  const e = v.e;
  return {
    id: e.id,
    planId: e.planId,
    year: v.year,
    orgId: e.orgId,
    orgName: v.orgName,
    classCode: e.classCode as MutualAidClass,
    headcount: e.headcount,
    memberCount: e.memberIds ? e.memberIds.length : null,
    wholeUnit: e.wholeUnit,
    enrolledAt: e.enrolledAt,
    premiumDue: e.premiumDueFen,
    premiumDueText: formatYuan(e.premiumDueFen),
    premiumPaid: e.premiumPaidFen,
    premiumPaidText: formatYuan(e.premiumPaidFen),
    paidAt: e.paidAt,
  };
}

export function presentClaim(v: ClaimView, computedPayout?: number): TMutualAidClaim {
  const c = v.c;
  return {
    id: c.id,
    number: v.number,
    status: c.status as MutualAidClaimStatus,
    version: v.version,
    planId: c.planId,
    year: v.year,
    orgId: c.orgId,
    orgName: v.orgName,
    memberId: c.memberId,
    memberName: v.memberName,
    idNumberMasked: v.idMasked,
    classCode: c.classCode as MutualAidClass,
    kind: c.kind as MutualAidClaimKind,
    invoiceTotal: c.invoiceTotalFen,
    invoiceTotalText: formatYuan(c.invoiceTotalFen),
    computedPayout: computedPayout ?? c.payoutFen ?? 0,
    payout: c.payoutFen,
    payoutText: c.payoutFen === null ? null : formatYuan(c.payoutFen),
    payoutReason: c.payoutReason,
    paidAt: c.paidAt,
    ledgerEntryId: c.ledgerEntryId,
    createdAt: c.createdAt.toISOString(),
  };
}

const isAction = (a: string): a is MutualAidAction => (MUTUAL_AID_ACTIONS as readonly string[]).includes(a);

export function presentClaimDetail(d: ClaimDetail): TMutualAidClaimDetail {
  return {
    ...presentClaim(d, d.computedPayout),
    ...(d.diagnosis !== undefined ? { diagnosis: d.diagnosis } : {}),
    yearlyCap: d.yearlyCap,
    remaining: d.remaining,
    remainingText: formatYuan(d.remaining),
    steps: presentCaseSteps(d.steps),
    allowedActions: d.allowedActions.filter(isAction),
    attachments: d.attachments,
    attachmentPolicy: d.attachmentPolicy,
  };
}
