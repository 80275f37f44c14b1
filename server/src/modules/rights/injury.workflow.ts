// 工伤探视 as a case type of the kernel: a union reports an injured worker and is due to visit within
// INJURY_VISIT_WORKING_DAYS (有伤即报、逢伤必探) — the report is a to-do of that union, and once overdue of its parent.
// The visit records the day, the visitors and the condolence money, paid through the 资金台账 in the same
// transaction with the idempotency key `injury:<caseId>` (parallel visits pay once: the compare-and-set lets one
// through, the key guards a retry); a visit without money writes no ledger entry.
import { z } from 'zod';
import { INJURY_STEP_LABELS, todayCst, type InjuryAction, type InjuryStatus } from '@gonghui/common';
import type { Ctx, ScopeResolve } from '../../platform/authz/index.ts';
import { caseScopePaths, type CaseKernel, type CaseType, type EffectContext, type EffectResult } from '../../platform/cases/index.ts';
import { invalid, notFound } from '../../platform/http/index.ts';
import { disburse } from '../../platform/ledger/index.ts';
import * as repo from './injury.repo.ts';

export const INJURY_CASE_TYPE = repo.CASE_TYPE;
export const injuryScopePaths: ScopeResolve = (db, id) => caseScopePaths(db, INJURY_CASE_TYPE, id);

export const ZInjuryPayload = z.object({ severity: z.string() });
export type InjuryPayload = z.infer<typeof ZInjuryPayload>;
export type InjuryCaseType = CaseType<InjuryStatus, InjuryAction, InjuryPayload>;
type Effect = EffectContext<InjuryPayload>;

const ZVisitInput = z.object({ visitedAt: z.string(), visitors: z.string(), amount: z.number(), opinion: z.string().optional() });

async function visit(e: Effect): Promise<EffectResult> {
  const { visitedAt, visitors, amount } = ZVisitInput.parse(e.input);
  const r = await repo.findById(e.tx, e.case.id);
  if (!r) throw notFound('工伤探视');
  if (visitedAt < r.injuredAt) throw invalid('visitedAt', `探视日期不能早于受伤日期 ${r.injuredAt}`);
  if (visitedAt > todayCst()) throw invalid('visitedAt', '探视日期不能晚于今天');
  let ledgerEntryId: number | null = null;
  if (amount > 0) {
    if (!e.actor) throw new Error('visits are recorded by cadres');
    const ctx: Ctx = { actor: e.actor, ip: e.origin.ip, requestId: e.origin.requestId };
    const entry = await disburse(e.tx, ctx, {
      orgId: r.orgId,
      payeeName: r.nameMasked,
      amountFen: amount,
      fundSource: 'other',
      caseType: INJURY_CASE_TYPE,
      caseId: e.case.id,
      idempotencyKey: `injury:${e.case.id}`,
      note: `工伤探视慰问金 ${e.case.number}`,
    });
    ledgerEntryId = entry.id;
  }
  await repo.update(e.tx, r.id, { status: 'visited', visitedAt, visitors: visitors.trim(), amountFen: amount, ledgerEntryId });
  return { dueAt: null };
}

export function registerInjuryCaseType(kernel: CaseKernel): InjuryCaseType {
  return kernel.register<InjuryStatus, InjuryAction, InjuryPayload>({
    type: INJURY_CASE_TYPE,
    prefix: 'GS',
    label: '工伤探视',
    link: (c) => `/injury-reports/${c.id}`,
    stepLabels: INJURY_STEP_LABELS,
    payload: ZInjuryPayload,
    initial: 'reported',
    open: ['reported'],
    awaiting: { reported: 'owner' },
    readPermission: 'rights:read',
    openExistsMessage: '该工伤职工已登记',
    audit: { open: 'injury.report', entity: (c) => ({ entityType: 'injury_report', entityId: c.id }) },
    transitions: {
      visit: {
        from: ['reported'],
        to: 'visited',
        permission: 'rights:manage',
        scope: { side: 'owner' },
        input: ZVisitInput,
        audit: 'injury.visit',
        effect: visit,
      },
    },
  });
}
