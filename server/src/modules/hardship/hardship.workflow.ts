// 困难职工档案 as a case type of the kernel. The grassroots union drafts the file (调查摸底) and submits it; a cadre of
// an org above it — the case's target side is the parent org, so the parent's cadres get the to-do and any of its
// ancestors may act — approves it (在档, with the registration date) or rejects it with an opinion. A file in 档 is
// reviewed (复核) at least yearly: its due day is the next review, and once that day has passed the overdue sweep moves
// it to 待复核 (a to-do of the owner union). Exiting (解困脱困) records the date and reason. Every transition keeps the
// household row's status in step (the one-active-file-per-person index reads it) and writes the dated events the
// indicators count.
import { z } from 'zod';
import {
  HARDSHIP_REVIEW_MONTHS,
  HARDSHIP_STEP_LABELS,
  LIMITS,
  HARDSHIP_TIERS,
  type HardshipAction,
  type HardshipStatus,
  zMultilineText,
} from '@gonghui/common';
import { caseScopePaths, type CaseKernel, type CaseType, type EffectContext, type EffectResult } from '../../platform/cases/index.ts';
import type { ScopeResolve } from '../../platform/authz/index.ts';
import { invalid } from '../../platform/http/index.ts';
import * as repo from './hardship.repo.ts';

export const HARDSHIP_CASE_TYPE = repo.CASE_TYPE;

/** A file is in scope for its owner union's subtree and for the approving (parent) org's. */
export const hardshipScopePaths: ScopeResolve = (db, id) => caseScopePaths(db, HARDSHIP_CASE_TYPE, id);

/** The case payload carries nothing the household row does not: the row is keyed by the case id. */
export const ZHardshipPayload = z.object({});
export type HardshipPayload = z.infer<typeof ZHardshipPayload>;
export type HardshipCaseType = CaseType<HardshipStatus, HardshipAction | 'review_due' | 'withdraw', HardshipPayload>;
type Effect = EffectContext<HardshipPayload>;

/** The same calendar day `months` months later (31 January + 1 month is 28/29 February). */
export function monthsLater(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const idx = m - 1 + months;
  const ny = y + Math.floor(idx / 12);
  const nm = (idx % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const required = (label: string) => ({ error: (iss: { input: unknown }) => (iss.input === undefined ? `请填写${label}` : `${label}无效`) });
const ZApprove = z.object({ registeredAt: z.string(required('建档日期')), opinion: z.string().optional() });
const ZReview = z.object({
  reviewedAt: z.string(required('复核日期')),
  tier: z.enum(HARDSHIP_TIERS).optional(),
  opinion: z.string().optional(),
});
const ZExit = z.object({
  exitedAt: z.string(required('脱困日期')),
  reason: zMultilineText(LIMITS.text).min(1, '请填写脱困原因'),
  opinion: z.string().optional(),
});
const ZReject = z.object({ opinion: zMultilineText(LIMITS.text).min(1, '驳回须填写意见') });

async function fileOf(e: Effect) {
  const f = await repo.findFile(e.tx, e.case.id);
  if (!f) throw new Error(`hardship case ${e.case.id} without its file`);
  return f;
}

const syncStatus = async (e: Effect): Promise<void> => repo.updateFile(e.tx, e.case.id, { status: e.case.status });

async function approve(e: Effect): Promise<EffectResult> {
  const { registeredAt } = ZApprove.parse(e.input);
  const f = await fileOf(e);
  const nextReviewAt = monthsLater(registeredAt, HARDSHIP_REVIEW_MONTHS);
  await repo.updateFile(e.tx, f.caseId, { status: e.case.status, registeredAt, nextReviewAt });
  await repo.insertEvent(e.tx, { caseId: f.caseId, type: 'registered', date: registeredAt, tier: f.tier });
  return { dueAt: nextReviewAt };
}

async function review(e: Effect): Promise<EffectResult> {
  const { reviewedAt, tier } = ZReview.parse(e.input);
  const f = await fileOf(e);
  const last = f.reviewedAt ?? f.registeredAt;
  if (last && reviewedAt < last) throw invalid('reviewedAt', `不能早于上次建档或复核日期 ${last}`);
  const nextReviewAt = monthsLater(reviewedAt, HARDSHIP_REVIEW_MONTHS);
  const newTier = tier ?? f.tier;
  await repo.updateFile(e.tx, f.caseId, { status: e.case.status, reviewedAt, nextReviewAt, tier: newTier });
  await repo.insertEvent(e.tx, { caseId: f.caseId, type: 'reviewed', date: reviewedAt, tier: newTier });
  return { dueAt: nextReviewAt };
}

async function exit(e: Effect): Promise<EffectResult> {
  const { exitedAt, reason } = ZExit.parse(e.input);
  const f = await fileOf(e);
  const last = f.reviewedAt ?? f.registeredAt;
  if (last && exitedAt < last) throw invalid('exitedAt', `不能早于建档或复核日期 ${last}`);
  await repo.updateFile(e.tx, f.caseId, { status: e.case.status, exitedAt, exitReason: reason.trim(), nextReviewAt: null });
  await repo.insertEvent(e.tx, { caseId: f.caseId, type: 'exited', date: exitedAt, tier: f.tier });
  return { dueAt: null };
}

export function registerHardshipCaseType(kernel: CaseKernel): HardshipCaseType {
  return kernel.register<HardshipStatus, HardshipAction | 'review_due' | 'withdraw', HardshipPayload>({
    type: HARDSHIP_CASE_TYPE,
    prefix: 'KN',
    label: '困难职工档案',
    link: (c) => `/hardship-files/${c.id}`,
    stepLabels: { ...HARDSHIP_STEP_LABELS, overdue: HARDSHIP_STEP_LABELS.review_due },
    payload: ZHardshipPayload,
    initial: 'draft',
    open: ['draft', 'applied', 'submitted', 'active', 'review_due'],
    // A member's application (applied) waits for their own union, which checks it and submits it for approval.
    awaiting: { applied: 'owner', submitted: 'target', review_due: 'owner' },
    readPermission: 'hardship:read',
    // Subjects are not used: one file per person is the household table's partial unique index.
    openExistsMessage: '该职工已有困难职工档案',
    audit: { open: 'hardship.create', entity: (c) => ({ entityType: 'hardship_file', entityId: c.id }) },
    transitions: {
      submit: {
        from: ['draft', 'applied'],
        to: 'submitted',
        permission: 'hardship:manage',
        scope: { side: 'owner' },
        audit: 'hardship.submit',
        effect: syncStatus,
      },
      // The member's union does not take a member's application up (an opinion says why).
      decline: {
        from: ['applied'],
        to: 'rejected',
        permission: 'hardship:manage',
        scope: { side: 'owner' },
        input: ZReject,
        audit: 'hardship.decline',
        effect: syncStatus,
      },
      // The member withdraws their application while it is pending (before approval).
      withdraw: {
        from: ['applied', 'submitted'],
        to: 'withdrawn',
        permission: null,
        member: true,
        scope: { side: 'owner' },
        audit: 'hardship.withdraw',
        effect: syncStatus,
      },
      // The target side is the owner's parent org: its cadres and their ancestors', never the owner union's own.
      approve: {
        from: ['submitted'],
        to: 'active',
        permission: 'hardship:approve',
        scope: { side: 'target' },
        input: ZApprove,
        audit: 'hardship.approve',
        effect: approve,
      },
      reject: {
        from: ['submitted'],
        to: 'rejected',
        permission: 'hardship:approve',
        scope: { side: 'target' },
        input: ZReject,
        audit: 'hardship.reject',
        effect: syncStatus,
      },
      review: {
        from: ['active', 'review_due'],
        to: 'active',
        permission: 'hardship:manage',
        scope: { side: 'owner' },
        input: ZReview,
        audit: 'hardship.review',
        effect: review,
      },
      exit: {
        from: ['active', 'review_due'],
        to: 'exited',
        permission: 'hardship:manage',
        scope: { side: 'owner' },
        input: ZExit,
        audit: 'hardship.exit',
        effect: exit,
      },
      review_due: {
        from: ['active'],
        to: 'review_due',
        permission: null,
        scope: { side: 'owner' },
        audit: 'hardship.review_due',
        effect: syncStatus,
      },
    },
    onOverdue: 'review_due',
  });
}
