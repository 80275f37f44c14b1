// 职工诉求 as a case type of the kernel. The receiving union owns the case; the responsible union is its target side
// (at first the receiving union itself). The responsible union replies (答复, the worker later reads it in the member
// portal) and closes the appeal with the worker's satisfaction (办结). Its cadres, or those of any org above it, may
// escalate it by hand to the parent union (上报), which becomes responsible with a new deadline; once the deadline has
// passed unanswered, the overdue sweep escalates it the same way (逾期自动上报). An appeal escalated after its due day,
// by the sweep or by hand, counts as late however soon it is closed afterwards.
import { z } from 'zod';
import {
  APPEAL_DUE_DAYS,
  APPEAL_SATISFACTIONS,
  APPEAL_STEP_LABELS,
  LIMITS,
  todayCst,
  zMultilineText,
  type AppealAction,
  type AppealCategory,
  type AppealStatus,
} from '@gonghui/common';
import {
  addCalendarDays,
  addWorkingDays,
  caseScopePaths,
  loadCalendar,
  type CaseKernel,
  type CaseType,
  type EffectContext,
  type EffectResult,
} from '../../platform/cases/index.ts';
import type { ScopeResolve } from '../../platform/authz/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import { invalid } from '../../platform/http/index.ts';
import { findOrgById } from '../orgs/index.ts';
import * as repo from './appeals.repo.ts';

export const APPEAL_CASE_TYPE = repo.CASE_TYPE;

/** An appeal is in scope for the receiving union's subtree and for the responsible union's. */
export const appealScopePaths: ScopeResolve = (db, id) => caseScopePaths(db, APPEAL_CASE_TYPE, id);

export const ZAppealPayload = z.object({});
export type AppealPayload = z.infer<typeof ZAppealPayload>;
export type AppealCaseType = CaseType<AppealStatus, AppealAction | 'auto_escalate' | 'withdraw', AppealPayload>;
type Effect = EffectContext<AppealPayload>;

const required = (label: string) => ({ error: (iss: { input: unknown }) => (iss.input === undefined ? `请填写${label}` : `${label}无效`) });
const ZReply = z.object({
  opinion: z.string(required('答复意见')).pipe(zMultilineText(LIMITS.text).min(1, '请填写答复意见')),
});
const ZClose = z.object({
  satisfaction: z.enum(APPEAL_SATISFACTIONS, required('满意度')),
  closedAt: z.string(required('办结日期')),
  opinion: z.string().optional(),
});

/** The due day `days` working days after `from`, in the working-day calendar. */
export async function dueAfter(tx: DbOrTx, from: string, days: number): Promise<string> {
  const calendar = await loadCalendar(tx, from, addCalendarDays(from, days * 3 + 60));
  return addWorkingDays(from, days, calendar);
}

async function appealOf(e: Effect) {
  const a = await repo.findAppeal(e.tx, e.case.id);
  if (!a) throw new Error(`appeal case ${e.case.id} without its row`);
  return a;
}

async function reply(e: Effect): Promise<void> {
  const { opinion } = ZReply.parse(e.input);
  await repo.updateAppeal(e.tx, e.case.id, { reply: opinion.trim(), repliedAt: new Date() });
}

async function close(e: Effect): Promise<void> {
  const { satisfaction, closedAt } = ZClose.parse(e.input);
  const a = await appealOf(e);
  if (closedAt < a.receivedAt) throw invalid('closedAt', `不能早于受理日期 ${a.receivedAt}`);
  const onTime = !a.lapsed && e.case.dueAt !== null && closedAt <= e.case.dueAt;
  await repo.updateAppeal(e.tx, e.case.id, { satisfaction, closedAt, onTime });
}

/** Moves the appeal to the responsible union's parent with a new deadline. It has lapsed (counts as late whoever
 *  closes it) when the sweep escalates it or a cadre does so after its due day. */
async function escalateTo(e: Effect, bySweep: boolean): Promise<EffectResult> {
  const a = await appealOf(e);
  const today = todayCst();
  const lapsed = bySweep || (e.case.dueAt !== null && e.case.dueAt < today);
  const responsibleId = e.case.targetOrgId ?? e.case.orgId;
  const responsible = await findOrgById(e.tx, responsibleId);
  const parent = responsible?.parentId ? await findOrgById(e.tx, responsible.parentId) : undefined;
  if (!parent) {
    // Nobody above the top union: a cadre is told so; the sweep records the lapse and leaves no deadline to miss.
    if (!bySweep) throw invalid('action', '已是最高一级工会，不能再上报');
    await repo.updateAppeal(e.tx, e.case.id, { lapsed: true });
    return { dueAt: null };
  }
  const days = APPEAL_DUE_DAYS[a.category as AppealCategory] ?? APPEAL_DUE_DAYS.other;
  await repo.updateAppeal(e.tx, e.case.id, { escalations: a.escalations + 1, ...(lapsed ? { lapsed: true } : {}) });
  return { target: { id: parent.id, path: parent.path }, dueAt: await dueAfter(e.tx, today, days) };
}

export function registerAppealCaseType(kernel: CaseKernel): AppealCaseType {
  return kernel.register<AppealStatus, AppealAction | 'auto_escalate' | 'withdraw', AppealPayload>({
    type: APPEAL_CASE_TYPE,
    prefix: 'SQ',
    label: '职工诉求',
    link: (c) => `/appeals/${c.id}`,
    stepLabels: APPEAL_STEP_LABELS,
    payload: ZAppealPayload,
    initial: 'received',
    open: ['received', 'replied'],
    awaiting: { received: 'target', replied: 'target' },
    readPermission: 'appeal:read',
    // Subjects are not used: a worker may well bring several appeals.
    openExistsMessage: '该职工诉求已在办理中',
    audit: { open: 'appeal.create', entity: (c) => ({ entityType: 'appeal', entityId: c.id }) },
    transitions: {
      reply: {
        from: ['received'],
        to: 'replied',
        permission: 'appeal:manage',
        scope: { side: 'target' },
        input: ZReply,
        audit: 'appeal.reply',
        effect: reply,
      },
      close: {
        from: ['replied'],
        to: 'closed',
        permission: 'appeal:manage',
        scope: { side: 'target' },
        input: ZClose,
        audit: 'appeal.close',
        effect: close,
      },
      escalate: {
        from: ['received', 'replied'],
        to: 'received',
        permission: 'appeal:manage',
        scope: { side: 'target' },
        audit: 'appeal.escalate',
        effect: (e) => escalateTo(e, false),
      },
      // The worker who brought it in the member portal withdraws it before any reply.
      withdraw: {
        from: ['received'],
        to: 'withdrawn',
        permission: null,
        member: true,
        scope: { side: 'target' },
        audit: 'appeal.withdraw',
      },
      auto_escalate: {
        from: ['received'],
        to: 'received',
        permission: null,
        scope: { side: 'target' },
        audit: 'appeal.auto_escalate',
        effect: (e) => escalateTo(e, true),
      },
    },
    onOverdue: 'auto_escalate',
  });
}
