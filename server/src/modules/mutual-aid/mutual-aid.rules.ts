// The payout rules of a plan's class: payout = min(invoice total × ratio, per-claim ceiling, what is left of the
// member's yearly ceiling), in 分 (the ratio's share rounded half up to the 分).
import { AppError } from '../../platform/http/index.ts';
import type { MutualAidClassRuleRow } from '../../platform/db/index.ts';

export function ruleOf(plan: { classes: MutualAidClassRuleRow[] }, code: string): MutualAidClassRuleRow | undefined {
  return plan.classes.find((c) => c.code === code);
}

export function computePayout(rule: MutualAidClassRuleRow, invoiceTotal: number, remaining: number): number {
  const share = Number((BigInt(invoiceTotal) * BigInt(rule.ratio ?? 10_000) + 5_000n) / 10_000n);
  return Math.max(0, Math.min(share, rule.perClaimCap, remaining));
}

/** The module's request fields as a cadre reads them (the generic FIELD_LABELS know few of them). */
const LABELS: Record<string, string> = {
  planId: '互助计划',
  orgId: '参保单位',
  classCode: '互助类别',
  headcount: '参保人数',
  memberIds: '参保名单',
  memberId: '会员',
  enrolledAt: '参保日期',
  premiumPaid: '已缴互助金',
  paidAt: '日期',
  payout: '核定赔付金额',
  reason: '调整理由',
  quotas: '参保任务',
  invoiceTotal: '发票金额',
  amount: '发票金额',
  attachments: '发票照片',
};

/** 400 naming the field in Chinese. */
export const bad = (field: string, message: string) => new AppError('VALIDATION', `${LABELS[field] ?? field}：${message}`, field);
