// 帮扶救助 as a case type of the kernel. The submitting union (owner side) requests; the approving union (target
// side) approves and pays: the campaign's opening union when the entry belongs to a campaign, else the entry's own
// union (it pays from its own funds) — cadres of that union or above, holding the transition's permission. Paying
// writes the 资金台账 entry in the same transaction with an idempotency key derived from the case, so parallel pay
// actions pay once (the compare-and-set lets one through, the key guards a retry). A paid entry is reversed by a
// ledger counter-entry, never edited; an unpaid one may be cancelled by the submitting side (or above it).
import { AsyncLocalStorage } from 'node:async_hooks';
import { z } from 'zod';
import {
  ASSISTANCE_STEP_LABELS,
  LIMITS,
  todayCst,
  zMultilineText,
  type AssistanceAction,
  type AssistanceStatus,
  type LedgerFundSource,
} from '@gonghui/common';
import { caseScopePaths, type CaseKernel, type CaseType, type EffectContext } from '../../platform/cases/index.ts';
import type { Ctx } from '../../platform/authz/index.ts';
import { disburse, reverse } from '../../platform/ledger/index.ts';
import { invalid, notFound } from '../../platform/http/index.ts';
import type { ScopeResolve } from '../../platform/authz/index.ts';
import * as repo from './assistance.repo.ts';

export const ASSISTANCE_CASE_TYPE = 'assistance';

/** The route scope of an entry: its own union's subtree (the approving union lies above it). */
export const assistanceScopePaths: ScopeResolve = (db, id) => caseScopePaths(db, ASSISTANCE_CASE_TYPE, id);

/** What the case carries besides the entry's row (no personal data: it is written to the audit trail). */
export const ZAssistancePayload = z.object({
  kind: z.string(),
  amount: z.number().int(),
  fundSource: z.string(),
  campaignId: z.number().int().nullable(),
  campaignKind: z.string().nullable(),
});
export type AssistancePayload = z.infer<typeof ZAssistancePayload>;

export type AssistanceCaseType = CaseType<AssistanceStatus, AssistanceAction, AssistancePayload>;

/** The day of a `pay` action, handed from the route to the effect (the kernel's action body carries the opinion only). */
export const payInput = new AsyncLocalStorage<{ paidAt: string | undefined }>();

/** The ledger's fund sources name the programme the money went to; the entry's own source (工会经费, 财政 …) is in
 *  the ledger entry's note. */
export function ledgerFundOf(campaignKind: string | null): LedgerFundSource {
  if (campaignKind === 'warmth') return 'winter_relief';
  if (campaignKind === 'golden_autumn') return 'autumn_scholarship';
  return 'hardship_aid';
}

const FUND_NOTE: Record<string, string> = { union: '工会经费', government: '财政', social: '社会捐助', enterprise: '企业' };

function ctxOfEffect(e: EffectContext<AssistancePayload>): Ctx {
  if (!e.actor) throw new Error('assistance actions are run by cadres');
  return { actor: e.actor, ip: e.origin.ip, requestId: e.origin.requestId };
}

async function entryOf(e: EffectContext<AssistancePayload>): Promise<repo.EntryRow> {
  const row = await repo.findById(e.tx, e.case.id);
  if (!row) throw notFound('帮扶救助');
  return row;
}

const setStatus = (status: AssistanceStatus) => async (e: EffectContext<AssistancePayload>) => {
  await repo.update(e.tx, e.case.id, { status });
};

async function pay(e: EffectContext<AssistancePayload>): Promise<void> {
  const entry = await entryOf(e);
  const today = todayCst();
  const paidAt = payInput.getStore()?.paidAt ?? today;
  if (paidAt > today) throw invalid('paidAt', '不能晚于今天');
  if (paidAt < entry.date) throw invalid('paidAt', `不能早于帮扶日期 ${entry.date}`);
  let ledgerEntryId: number | null = null;
  if (entry.amountFen > 0) {
    const ledger = await disburse(e.tx, ctxOfEffect(e), {
      orgId: entry.orgId,
      payeeName: entry.name,
      amountFen: entry.amountFen,
      fundSource: ledgerFundOf(e.case.payload.campaignKind),
      caseType: ASSISTANCE_CASE_TYPE,
      caseId: e.case.id,
      idempotencyKey: `assistance:${e.case.id}`,
      note: `帮扶救助 ${e.case.number}（${FUND_NOTE[entry.fundSource] ?? entry.fundSource}）`,
    });
    ledgerEntryId = ledger.id;
  }
  await repo.update(e.tx, e.case.id, { status: 'paid', paidAt, ledgerEntryId });
}

async function reversePayment(e: EffectContext<AssistancePayload>): Promise<void> {
  const entry = await entryOf(e);
  if (entry.ledgerEntryId !== null) await reverse(e.tx, ctxOfEffect(e), entry.ledgerEntryId, e.opinion ?? '');
  await repo.update(e.tx, e.case.id, { status: 'reversed', reversedAt: todayCst() });
}

export function registerAssistanceCaseType(kernel: CaseKernel): AssistanceCaseType {
  return kernel.register<AssistanceStatus, AssistanceAction, AssistancePayload>({
    type: ASSISTANCE_CASE_TYPE,
    prefix: 'BF',
    label: '帮扶救助',
    link: (c) => `/assistance/${c.id}`,
    stepLabels: { ...ASSISTANCE_STEP_LABELS, overdue: '逾期' },
    payload: ZAssistancePayload,
    initial: 'requested',
    open: ['requested', 'approved'],
    awaiting: { requested: 'target', approved: 'target' },
    readPermission: 'assistance:read',
    openExistsMessage: '该帮扶救助已登记',
    audit: { open: 'assistance.request', entity: (c) => ({ entityType: 'assistance', entityId: c.id }) },
    transitions: {
      approve: {
        from: ['requested'],
        to: 'approved',
        permission: 'assistance:approve',
        scope: { side: 'target' },
        audit: 'assistance.approve',
        effect: setStatus('approved'),
      },
      pay: {
        from: ['approved'],
        to: 'paid',
        permission: 'assistance:manage',
        scope: { side: 'target' },
        audit: 'assistance.pay',
        effect: pay,
      },
      cancel: {
        from: ['requested', 'approved'],
        to: 'cancelled',
        permission: 'assistance:manage',
        scope: { side: 'owner' },
        audit: 'assistance.cancel',
        effect: setStatus('cancelled'),
      },
      reverse: {
        from: ['paid'],
        to: 'reversed',
        permission: 'assistance:approve',
        scope: { side: 'target' },
        input: z.object({ opinion: zMultilineText(LIMITS.text).pipe(z.string().min(2, '请说明冲正原因')) }),
        audit: 'assistance.reverse',
        effect: reversePayment,
      },
    },
  });
}
