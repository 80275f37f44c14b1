// What a member sees of their own case (allow-list): its number, type, status in words, deadline, the timeline with
// who acted in words that name no cadre (their union's name, 「职工本人」 for the member, 系统), the opinions meant for
// the applicant (a reply, the reason of a refusal, their own withdrawal) and the type's member view (their own
// account, amounts, outcome). Never other people's data, file names or the reviewers' internal notes.
import {
  APPEAL_STATUS_LABELS,
  DATA_CORRECTION_STATUS_LABELS,
  HARDSHIP_STATUS_LABELS,
  MEMBER_CASE_TYPE_LABELS,
  MUTUAL_AID_CLAIM_STATUS_LABELS,
  RIGHTS_STATUS_LABELS,
  type MemberCaseType,
} from '@gonghui/common';
import type { CaseStepRow, MemberCaseView } from '../../platform/cases/index.ts';

/** The kernel's case type of each member-facing type. */
export const KERNEL_TYPE_OF: Record<MemberCaseType, string> = {
  hardship: 'hardship_file',
  mutual_aid_claim: 'mutual_aid_claim',
  legal_aid: 'rights_case',
  appeal: 'appeal',
  data_correction: 'data_correction',
};
const MEMBER_TYPE_OF = Object.fromEntries(Object.entries(KERNEL_TYPE_OF).map(([m, k]) => [k, m])) as Record<string, MemberCaseType>;
export const memberTypeOf = (kernelType: string): MemberCaseType | undefined => MEMBER_TYPE_OF[kernelType];

const STATUS_LABELS: Record<MemberCaseType, Record<string, string>> = {
  hardship: HARDSHIP_STATUS_LABELS,
  mutual_aid_claim: MUTUAL_AID_CLAIM_STATUS_LABELS,
  legal_aid: RIGHTS_STATUS_LABELS,
  appeal: APPEAL_STATUS_LABELS,
  data_correction: DATA_CORRECTION_STATUS_LABELS,
};

/** Steps whose opinion is addressed to the applicant: a reply, a refusal's reason, their own words. */
const OPINIONS_FOR_APPLICANT = new Set(['reply', 'decline', 'reject', 'withdraw', 'close', 'resolve']);
const EXTRA_STEP_LABELS: Record<string, string> = { attach: '补充材料', detach: '删除材料', submit: '提交申请' };

function actorOf(s: CaseStepRow): string {
  if (s.actorMemberId !== null) return s.actorName;
  if (s.actorId === null) return '系统';
  return s.actorOrgName ?? '工会';
}

function presentStep(s: CaseStepRow, labels: Record<string, string>) {
  const own = s.actorMemberId !== null;
  const showOpinion = own || OPINIONS_FOR_APPLICANT.has(s.action);
  return {
    action: s.action,
    label: (own && s.action === 'submit' ? EXTRA_STEP_LABELS.submit : labels[s.action]) ?? EXTRA_STEP_LABELS[s.action] ?? s.action,
    actor: actorOf(s),
    byMe: own,
    opinion: showOpinion && s.action !== 'attach' && s.action !== 'detach' ? s.opinion : null,
    at: s.at.toISOString(),
  };
}

export type PresentedMemberStep = ReturnType<typeof presentStep>;

export function presentMemberCaseSummary(v: MemberCaseView) {
  const type = memberTypeOf(v.case.type);
  const c = v.case;
  return {
    id: c.id,
    number: c.number,
    type: type ?? null,
    typeLabel: type ? MEMBER_CASE_TYPE_LABELS[type] : v.typeLabel,
    status: c.status,
    statusLabel: (type && STATUS_LABELS[type][c.status]) ?? c.status,
    open: c.open,
    version: c.version,
    dueAt: c.dueAt,
    canWithdraw: v.memberActions.includes('withdraw'),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function presentMemberCase(v: MemberCaseView, detail: Record<string, unknown>) {
  return {
    ...presentMemberCaseSummary(v),
    timeline: v.steps.map((s) => presentStep(s, v.stepLabels)),
    detail,
  };
}

export type MemberCaseSummary = ReturnType<typeof presentMemberCaseSummary>;
export type MemberCaseDetail = ReturnType<typeof presentMemberCase>;

/** The member's words for a case's status (「已答复」), or undefined for a type the portal does not show. */
export function memberStatusLabel(kernelType: string, status: string): string | undefined {
  const type = memberTypeOf(kernelType);
  return type ? STATUS_LABELS[type][status] : undefined;
}
