// 网上入会 as a case type of the kernel. The union applied to owns the case and decides: 批准 registers the applicant
// as a member of that union (the members module's own creation: blind-index duplicate check, card number, audit) in
// the action's transaction; 不予批准 needs a reason. Cadres of the union or of any org above it may decide, so an
// overdue application, which the sweep marks and the parent union sees among its to-dos, can be settled there.
import { z } from 'zod';
import {
  JOIN_STEP_LABELS,
  LIMITS,
  MEMBER_CATEGORIES,
  todayCst,
  zMultilineText,
  type JoinAction,
  type JoinStatus,
  type TMemberCreate,
} from '@gonghui/common';
import { caseScopePaths, type CaseKernel, type CaseType, type EffectContext } from '../../platform/cases/index.ts';
import type { Ctx, ScopeResolve } from '../../platform/authz/index.ts';
import type { Tx } from '../../platform/db/index.ts';
import { invalid } from '../../platform/http/index.ts';
import * as repo from './join-applications.repo.ts';

export const JOIN_CASE_TYPE = repo.CASE_TYPE;

/** An application is in scope for the subtree of the union it was made to. */
export const joinScopePaths: ScopeResolve = (db, id) => caseScopePaths(db, JOIN_CASE_TYPE, id);

export const ZJoinPayload = z.object({});
export type JoinPayload = z.infer<typeof ZJoinPayload>;
export type JoinCaseType = CaseType<JoinStatus, JoinAction, JoinPayload>;
type Effect = EffectContext<JoinPayload>;

const ZApprove = z.object({
  joinDate: z.string().optional(),
  category: z.enum(MEMBER_CATEGORIES).optional(),
  opinion: z.string().optional(),
});
const required = (label: string) => ({ error: (iss: { input: unknown }) => (iss.input === undefined ? `请填写${label}` : `${label}无效`) });
// The reason is the step's opinion too, so the timeline shows it.
const ZReject = z
  .object({ reason: z.string(required('不予批准的理由')).pipe(zMultilineText(LIMITS.text).min(1, '请填写不予批准的理由')) })
  .transform((v) => ({ reason: v.reason.trim(), opinion: v.reason.trim() }));

/** What approving needs from outside: the applicant in clear, and the members module's creation in the same tx. */
export interface JoinEffects {
  applicantOf(a: repo.JoinRow): Promise<{ name: string; idNumber: string; phone: string }>;
  createMember(tx: Tx, ctx: Ctx, input: TMemberCreate): Promise<{ member: { id: number; cardNo: string } }>;
}

async function applicationOf(e: Effect): Promise<repo.JoinRow> {
  const a = await repo.findApplication(e.tx, e.case.id);
  if (!a) throw new Error(`join application case ${e.case.id} without its row`);
  return a;
}

function approve(fx: JoinEffects) {
  return async (e: Effect): Promise<void> => {
    const { joinDate, category } = ZApprove.parse(e.input);
    const today = todayCst();
    if (joinDate && joinDate > today) throw invalid('joinDate', '不能晚于今天');
    if (!e.actor) throw new Error('approving needs a cadre');
    const a = await applicationOf(e);
    const person = await fx.applicantOf(a);
    const ctx: Ctx = { actor: e.actor, ip: e.origin.ip, requestId: e.origin.requestId };
    const { member } = await fx.createMember(e.tx, ctx, {
      orgId: e.case.orgId,
      name: person.name,
      idNumber: person.idNumber,
      phone: person.phone,
      joinedAt: joinDate ?? today,
      categories: category ? [category] : [],
    });
    await repo.updateApplication(e.tx, e.case.id, { memberId: member.id, decidedAt: new Date() });
  };
}

async function reject(e: Effect): Promise<void> {
  const { reason } = ZReject.parse(e.input);
  await repo.updateApplication(e.tx, e.case.id, { reason, decidedAt: new Date() });
}

export function registerJoinCaseType(kernel: CaseKernel, fx: JoinEffects): JoinCaseType {
  return kernel.register<JoinStatus, JoinAction, JoinPayload>({
    type: JOIN_CASE_TYPE,
    prefix: 'RH',
    label: '入会申请',
    link: (c) => `/join-applications/${c.id}`,
    stepLabels: JOIN_STEP_LABELS,
    payload: ZJoinPayload,
    initial: 'pending',
    open: ['pending'],
    awaiting: { pending: 'owner' },
    readPermission: 'join:read',
    // The subject is the ID number's blind index: one pending application per person.
    openExistsMessage: '该身份证号已有审核中的入会申请，请勿重复提交',
    audit: { open: 'join.apply', entity: (c) => ({ entityType: 'join_application', entityId: c.id }) },
    transitions: {
      approve: {
        from: ['pending'],
        to: 'approved',
        permission: 'join:decide',
        scope: { side: 'owner' },
        input: ZApprove,
        audit: 'join.approve',
        effect: approve(fx),
      },
      reject: {
        from: ['pending'],
        to: 'rejected',
        permission: 'join:decide',
        scope: { side: 'owner' },
        input: ZReject,
        audit: 'join.reject',
        effect: reject,
      },
    },
  });
}
