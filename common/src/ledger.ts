// 资金台账: disbursements (and their reversals) by fund source. Amounts travel as integer 分 with a formatted 元
// string beside them (decision 0006).
import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { ZPageQuery, zDate, zId } from './schemas.ts';

export const LEDGER_FUND_SOURCES = ['winter_relief', 'autumn_scholarship', 'hardship_aid', 'medical_mutual', 'other'] as const;
export type LedgerFundSource = (typeof LEDGER_FUND_SOURCES)[number];
export const LEDGER_FUND_SOURCE_LABELS: Record<LedgerFundSource, string> = {
  winter_relief: '送温暖专项',
  autumn_scholarship: '金秋助学',
  hardship_aid: '困难职工帮扶',
  medical_mutual: '医疗互助',
  other: '其他',
};

const period = <T extends { from?: string; to?: string }>(q: T) => !q.from || !q.to || q.from <= q.to;
const periodMessage = { message: '开始日期不能晚于结束日期', path: ['from'] };

/** The list: an org's subtree (default: the reader's org), optionally one fund source and a period of days (CST). */
export const ZLedgerListQuery = ZPageQuery.extend({
  orgId: zId.optional(),
  fundSource: z.enum(LEDGER_FUND_SOURCES).optional(),
  from: zDate.optional(),
  to: zDate.optional(),
}).refine(period, periodMessage);
export type TLedgerListQuery = z.infer<typeof ZLedgerListQuery>;

export const ZLedgerTotalsQuery = z
  .strictObject({ orgId: zId.optional(), from: zDate.optional(), to: zDate.optional() })
  .refine(period, periodMessage);
export type TLedgerTotalsQuery = z.infer<typeof ZLedgerTotalsQuery>;

export const ZLedgerEntry = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  payeeName: z.string(),
  payeeMemberId: z.number().int().nullable(),
  /** Integer 分: positive for a disbursement, negative for a reversal. */
  amountFen: z.number().int(),
  /** The same amount formatted, "1,234.56元". */
  amountText: z.string(),
  fundSource: z.enum(LEDGER_FUND_SOURCES),
  fundSourceLabel: z.string(),
  caseType: z.string().nullable(),
  caseId: z.number().int().nullable(),
  reversesEntryId: z.number().int().nullable(),
  /** Set on an entry that a later reversal cancelled. */
  reversedByEntryId: z.number().int().nullable(),
  note: z.string().nullable(),
  createdBy: z.number().int(),
  createdAt: z.string(),
});
export type TLedgerEntry = z.infer<typeof ZLedgerEntry>;

export const ZLedgerTotals = z.object({
  orgId: z.number().int(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  items: z.array(
    z.object({
      fundSource: z.enum(LEDGER_FUND_SOURCES),
      fundSourceLabel: z.string(),
      /** Net of reversals, integer 分. */
      amountFen: z.number().int(),
      amountText: z.string(),
      entries: z.number().int(),
    }),
  ),
  totalFen: z.number().int(),
  totalText: z.string(),
});
export type TLedgerTotals = z.infer<typeof ZLedgerTotals>;

/** Lengths of the stored text fields (the service checks what case modules pass). */
export const LEDGER_LIMITS = { payeeName: LIMITS.name, note: LIMITS.text, idempotencyKey: 100, caseType: 32 } as const;
