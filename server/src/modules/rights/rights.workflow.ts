// 维权案件 as a case type of the kernel. The union that received a case (owner side) accepts it (受理) within
// RIGHTS_ACCEPT_WORKING_DAYS of receipt, naming a handler — a lawyer or mediator from the roster of its own org or
// an org above it, or simply a name — or declines it with a reason; an accepted case is due to close within its
// type's working days from acceptance (RIGHTS_CLOSE_WORKING_DAYS) and is closed with an outcome and the amount
// recovered. A case past either deadline is marked overdue by the sweep and rises to the parent org's to-dos (the
// kernel's escalation: the awaited side is the owner, so its parent sees it). Each effect keeps the case row's
// status and dates in step in the transaction of the action.
import { z } from 'zod';
import {
  RIGHTS_CLOSE_WORKING_DAYS,
  RIGHTS_STEP_LABELS,
  todayCst,
  type RightsAction,
  type RightsStatus,
  type RightsType,
} from '@gonghui/common';
import type { ScopeResolve } from '../../platform/authz/index.ts';
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
import { invalid, notFound } from '../../platform/http/index.ts';
import * as repo from './rights.repo.ts';

export const RIGHTS_CASE_TYPE = repo.CASE_TYPE;

/** The route scope of a case: its receiving union's subtree. */
export const rightsScopePaths: ScopeResolve = (db, id) => caseScopePaths(db, RIGHTS_CASE_TYPE, id);

/** What the case carries besides its row (no personal data: the payload is written to the audit trail). */
export const ZRightsPayload = z.object({ type: z.string(), channel: z.string(), subject: z.string() });
export type RightsPayload = z.infer<typeof ZRightsPayload>;
export type RightsCaseType = CaseType<RightsStatus, RightsAction | 'withdraw', RightsPayload>;
type Effect = EffectContext<RightsPayload>;

// The routes' schemas have checked every field with its label; these only carry them to the effects.
const ZAcceptInput = z.object({
  handler: z.union([z.number(), z.string()]).optional(),
  acceptedAt: z.string().optional(),
  opinion: z.string().optional(),
});
const ZDeclineInput = z.object({ reason: z.string(), opinion: z.string().optional() });
const ZCloseInput = z.object({ outcome: z.string(), recoveredAmount: z.number(), closedAt: z.string(), opinion: z.string().optional() });

async function rowOf(e: Effect): Promise<repo.RightsRow> {
  const r = await repo.findById(e.tx, e.case.id);
  if (!r) throw notFound('维权案件');
  return r;
}

/** The day `n` working days after `from` in the working-day calendar. */
async function workingDaysAfter(e: Effect, from: string, n: number): Promise<string> {
  const calendar = await loadCalendar(e.tx, from, addCalendarDays(from, n * 3 + 60));
  return addWorkingDays(from, n, calendar);
}

async function accept(e: Effect): Promise<EffectResult> {
  const input = ZAcceptInput.parse(e.input);
  const r = await rowOf(e);
  const acceptedAt = input.acceptedAt ?? todayCst();
  if (acceptedAt < r.receivedAt) throw invalid('acceptedAt', `受理日期不能早于接待日期 ${r.receivedAt}`);
  let handler: { handlerName: string | null; handlerRosterId: number | null; handlerRole: string | null } = {
    handlerName: null,
    handlerRosterId: null,
    handlerRole: null,
  };
  if (typeof input.handler === 'number') {
    const entry = await repo.rosterForCase(e.tx, e.case.orgPath, input.handler);
    if (!entry) throw invalid('handler', '承办人：名册中没有该律师或调解员（应为本级或上级工会名册中的人员）');
    handler = { handlerName: entry.name, handlerRosterId: entry.id, handlerRole: entry.role };
  } else if (input.handler?.trim()) {
    handler = { handlerName: input.handler.trim(), handlerRosterId: null, handlerRole: null };
  }
  await repo.update(e.tx, r.id, { status: 'accepted', acceptedAt, ...handler });
  return { dueAt: await workingDaysAfter(e, acceptedAt, RIGHTS_CLOSE_WORKING_DAYS[r.type as RightsType]) };
}

async function decline(e: Effect): Promise<EffectResult> {
  const { reason } = ZDeclineInput.parse(e.input);
  const r = await rowOf(e);
  await repo.update(e.tx, r.id, { status: 'declined', declinedAt: todayCst(), declineReason: reason.trim() });
  return { dueAt: null };
}

async function close(e: Effect): Promise<EffectResult> {
  const { outcome, recoveredAmount, closedAt } = ZCloseInput.parse(e.input);
  const r = await rowOf(e);
  if (closedAt < r.receivedAt) throw invalid('closedAt', `结案日期不能早于接待日期 ${r.receivedAt}`);
  await repo.update(e.tx, r.id, { status: 'closed', outcome, recoveredFen: recoveredAmount, closedAt });
  return { dueAt: null };
}

export function registerRightsCaseType(kernel: CaseKernel): RightsCaseType {
  return kernel.register<RightsStatus, RightsAction | 'withdraw', RightsPayload>({
    type: RIGHTS_CASE_TYPE,
    prefix: 'WQ',
    label: '维权案件',
    link: (c) => `/rights-cases/${c.id}`,
    stepLabels: RIGHTS_STEP_LABELS,
    payload: ZRightsPayload,
    initial: 'received',
    open: ['received', 'accepted'],
    awaiting: { received: 'owner', accepted: 'owner' },
    readPermission: 'rights:read',
    openExistsMessage: '该维权案件已登记',
    audit: { open: 'rights.create', entity: (c) => ({ entityType: 'rights_case', entityId: c.id }) },
    transitions: {
      accept: {
        from: ['received'],
        to: 'accepted',
        permission: 'rights:manage',
        scope: { side: 'owner' },
        input: ZAcceptInput,
        audit: 'rights.accept',
        effect: accept,
      },
      decline: {
        from: ['received'],
        to: 'declined',
        permission: 'rights:manage',
        scope: { side: 'owner' },
        input: ZDeclineInput,
        audit: 'rights.decline',
        effect: decline,
      },
      // The member who applied in the member portal withdraws before the union has taken the case up.
      withdraw: {
        from: ['received'],
        to: 'withdrawn',
        permission: null,
        member: true,
        scope: { side: 'owner' },
        audit: 'rights.withdraw',
        effect: (e) => repo.update(e.tx, e.case.id, { status: 'withdrawn' }),
      },
      close: {
        from: ['accepted'],
        to: 'closed',
        permission: 'rights:manage',
        scope: { side: 'owner' },
        input: ZCloseInput,
        audit: 'rights.close',
        effect: close,
      },
    },
  });
}
