// 资金台账: disbursements recorded by the case modules through disburse(), in the caller's transaction; a wrong entry is
// cancelled by reverse(), a counter-entry that names it. Nothing is ever updated or deleted (the database refuses).
// Amounts are integer 分 (decision 0006).
import { z } from 'zod';
import {
  LEDGER_FUND_SOURCE_LABELS,
  LEDGER_FUND_SOURCES,
  LEDGER_LIMITS,
  MONEY_MAX_FEN,
  formatYuan,
  zMultilineText,
  zRequiredText,
  zStr,
  type LedgerFundSource,
  type TLedgerEntry,
  type TLedgerTotals,
} from '@gonghui/common';
import { originOf, recordAudit } from '../audit/index.ts';
import type { Ctx } from '../authz/index.ts';
import type { DbOrTx, Tx } from '../db/index.ts';
import { AppError, conflict, notFound, validationMessage } from '../http/index.ts';
import * as repo from './ledger.repo.ts';
// Registers the ledger's keys with the error handler.
import './ledger.constraints.ts';

export type LedgerEntryRow = repo.LedgerRow;

const ZDisburse = z.strictObject({
  orgId: z.number().int().positive(),
  payeeName: zRequiredText(LEDGER_LIMITS.payeeName),
  payeeMemberId: z.number().int().positive().nullable().optional(),
  amountFen: z.number().int('金额应为整数（分）').positive('发放金额应大于零').max(MONEY_MAX_FEN, '金额超出范围'),
  fundSource: z.enum(LEDGER_FUND_SOURCES),
  caseType: zStr()
    .regex(/^[a-z][a-z0-9_]*$/, '案件类型无效')
    .max(LEDGER_LIMITS.caseType)
    .nullable()
    .optional(),
  caseId: z.number().int().positive().nullable().optional(),
  idempotencyKey: zStr()
    .min(1, '不能为空')
    .max(LEDGER_LIMITS.idempotencyKey)
    .regex(/^[\x21-\x7e]+$/, '只能包含可见的 ASCII 字符'),
  note: zMultilineText(LEDGER_LIMITS.note).nullable().optional(),
});
export type DisburseInput = z.input<typeof ZDisburse>;

function parse<T extends z.ZodType>(schema: T, v: unknown): z.infer<T> {
  const r = schema.safeParse(v);
  if (r.success) return r.data;
  const { message, field } = validationMessage(r.error.issues);
  throw new AppError('VALIDATION', message, field);
}

/** What makes two disbursements the same: a retry must repeat all of it. */
function sameContent(row: repo.LedgerRow, v: repo.LedgerInsert): boolean {
  return (
    row.reversesEntryId === null &&
    row.orgId === v.orgId &&
    row.payeeName === v.payeeName &&
    row.payeeMemberId === (v.payeeMemberId ?? null) &&
    row.amountFen === v.amountFen &&
    row.fundSource === v.fundSource &&
    row.caseType === (v.caseType ?? null) &&
    row.caseId === (v.caseId ?? null) &&
    row.note === (v.note ?? null)
  );
}

const keyConflict = () => conflict('该幂等键已用于内容不同的另一笔发放，请核对后使用新的幂等键', 'idempotencyKey');

const audited = (e: repo.LedgerRow) => ({
  orgId: e.orgId,
  payeeName: e.payeeName,
  payeeMemberId: e.payeeMemberId,
  amountFen: e.amountFen,
  fundSource: e.fundSource,
  caseType: e.caseType,
  caseId: e.caseId,
  reversesEntryId: e.reversesEntryId,
  note: e.note,
});

/**
 * Records a disbursement. Idempotent: the same key with the same content returns the entry already recorded (no
 * second row, no second audit row, also under concurrent retries); the same key with different content is a 409.
 */
export async function disburse(tx: Tx, ctx: Ctx, input: DisburseInput): Promise<LedgerEntryRow> {
  const v = parse(ZDisburse, input);
  if (((v.caseType ?? null) === null) !== ((v.caseId ?? null) === null)) {
    throw new AppError('VALIDATION', '案件类型和案件编号应同时填写或同时为空', 'caseId');
  }
  const org = await repo.orgInScope(tx, v.orgId, ctx.actor.orgPath);
  if (!org) throw notFound('组织');
  if (v.payeeMemberId != null && !(await repo.memberInScope(tx, v.payeeMemberId, ctx.actor.orgPath))) throw notFound('会员');
  const row: repo.LedgerInsert = {
    orgId: org.id,
    orgPath: org.path,
    payeeName: v.payeeName,
    payeeMemberId: v.payeeMemberId ?? null,
    amountFen: v.amountFen,
    fundSource: v.fundSource,
    caseType: v.caseType ?? null,
    caseId: v.caseId ?? null,
    idempotencyKey: v.idempotencyKey,
    note: v.note || null,
    createdBy: ctx.actor.userId,
  };
  const replay = async (): Promise<LedgerEntryRow> => {
    // Under row-level security a key used outside the caller's scope shows no row: still a conflict.
    const existing = await repo.byKey(tx, v.idempotencyKey);
    if (!existing || !sameContent(existing, row)) throw keyConflict();
    return existing;
  };
  if (await repo.byKey(tx, v.idempotencyKey)) return replay();
  // A concurrent first use of the key makes this wait for that transaction and then insert nothing.
  const created = await repo.insertIfNew(tx, row);
  if (!created) return replay();
  await recordAudit(tx, originOf(ctx), {
    action: 'ledger.disburse',
    orgId: org.id,
    orgPath: org.path,
    entityType: 'ledger_entry',
    entityId: created.id,
    after: audited(created),
  });
  return created;
}

const ZReason = zMultilineText(LEDGER_LIMITS.note).pipe(z.string().min(2, '请说明冲正原因'));

/** Cancels a disbursement with a counter-entry (negative amount, same fund source, naming it). Once per entry. */
export async function reverse(tx: Tx, ctx: Ctx, entryId: number, reason: string): Promise<LedgerEntryRow> {
  const why = parse(z.strictObject({ reason: ZReason }), { reason }).reason;
  const found = await repo.byIdInScope(tx, entryId, ctx.actor.orgPath);
  if (!found) throw notFound('台账记录');
  const original = found.entry;
  if (original.reversesEntryId !== null) throw conflict('冲正记录不能再冲正');
  if (await repo.reversalOf(tx, original.id)) throw conflict('该笔发放已冲正，不能重复冲正');
  const created = await repo.insertIfNew(tx, {
    orgId: original.orgId,
    orgPath: found.orgPath,
    payeeName: original.payeeName,
    payeeMemberId: original.payeeMemberId,
    amountFen: -original.amountFen,
    fundSource: original.fundSource,
    caseType: original.caseType,
    caseId: original.caseId,
    idempotencyKey: `reversal:${original.id}`,
    reversesEntryId: original.id,
    note: why,
    createdBy: ctx.actor.userId,
  });
  // A concurrent reversal of the same entry won.
  if (!created) throw conflict('该笔发放已冲正，不能重复冲正');
  await recordAudit(tx, originOf(ctx), {
    action: 'ledger.reverse',
    orgId: original.orgId,
    orgPath: found.orgPath,
    entityType: 'ledger_entry',
    entityId: created.id,
    before: { entryId: original.id, amountFen: original.amountFen },
    after: audited(created),
  });
  return created;
}

// Days are China Standard Time (UTC+8, no daylight saving): [from 00:00, to + 1 day 00:00).
function window(from?: string, to?: string): Pick<repo.LedgerFilter, 'fromAt' | 'toBefore'> {
  const at = (d: string) => new Date(`${d}T00:00:00+08:00`);
  const dayAfter = (d: string) => new Date(at(d).getTime() + 86_400_000);
  return { fromAt: from ? at(from) : undefined, toBefore: to ? dayAfter(to) : undefined };
}

export type LedgerTotals = Record<LedgerFundSource, { amountFen: number; entries: number }>;

/** Net 分 by fund source over an org subtree (scopePath) and an optional period of days; every source present. */
export async function totals(db: DbOrTx, scopePath: string, from?: string, to?: string): Promise<LedgerTotals> {
  const rows = await repo.totalsByFundSource(db, { path: scopePath, ...window(from, to) });
  const out = Object.fromEntries(LEDGER_FUND_SOURCES.map((f) => [f, { amountFen: 0, entries: 0 }])) as LedgerTotals;
  for (const r of rows) out[r.fundSource as LedgerFundSource] = { amountFen: r.amountFen, entries: r.entries };
  return out;
}

function present(e: repo.LedgerRow, orgName: string, reversedBy: number | null): TLedgerEntry {
  return {
    id: e.id,
    orgId: e.orgId,
    orgName,
    payeeName: e.payeeName,
    payeeMemberId: e.payeeMemberId,
    amountFen: e.amountFen,
    amountText: formatYuan(e.amountFen),
    fundSource: e.fundSource as LedgerFundSource,
    fundSourceLabel: LEDGER_FUND_SOURCE_LABELS[e.fundSource as LedgerFundSource],
    caseType: e.caseType,
    caseId: e.caseId,
    reversesEntryId: e.reversesEntryId,
    reversedByEntryId: reversedBy,
    note: e.note,
    createdBy: e.createdBy,
    createdAt: e.createdAt.toISOString(),
  };
}

async function orgFor(db: DbOrTx, ctx: Ctx, orgId: number | undefined) {
  const org = await repo.orgInScope(db, orgId ?? ctx.actor.orgId, ctx.actor.orgPath);
  if (!org) throw notFound('组织');
  return org;
}

export async function listEntries(
  db: DbOrTx,
  ctx: Ctx,
  q: { orgId?: number; fundSource?: LedgerFundSource; from?: string; to?: string; page: number; pageSize: number },
) {
  const org = await orgFor(db, ctx, q.orgId);
  const { items, total } = await repo.list(db, { path: org.path, fundSource: q.fundSource, ...window(q.from, q.to) }, q.page, q.pageSize);
  return { items: items.map((r) => present(r.entry, r.orgName, r.reversedBy)), total, page: q.page, pageSize: q.pageSize };
}

export async function totalsFor(db: DbOrTx, ctx: Ctx, q: { orgId?: number; from?: string; to?: string }): Promise<TLedgerTotals> {
  const org = await orgFor(db, ctx, q.orgId);
  const byFund = await totals(db, org.path, q.from, q.to);
  const items = LEDGER_FUND_SOURCES.map((f) => ({
    fundSource: f,
    fundSourceLabel: LEDGER_FUND_SOURCE_LABELS[f],
    amountFen: byFund[f].amountFen,
    amountText: formatYuan(byFund[f].amountFen),
    entries: byFund[f].entries,
  }));
  const totalFen = items.reduce((n, i) => n + i.amountFen, 0);
  return { orgId: org.id, from: q.from ?? null, to: q.to ?? null, items, totalFen, totalText: formatYuan(totalFen) };
}
