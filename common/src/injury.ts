// 工伤探视 (injury reports): a union reports an injured worker (member or not) and visits within 3 working days
// (有伤即报、逢伤必探), recording the visitors and the condolence money paid (a ledger payment, 分).
import { z } from 'zod';
import { ZCaseStep } from './cases.ts';
import { labelled } from './field-labels.ts';
import { LIMITS } from './limits.ts';
import { zIdNumber } from './member.ts';
import { ZPageQuery, zDate, zId, zPastDate } from './schemas.ts';
import { zMultilineText, zRequiredText } from './strings.ts';
import { zFenAmount } from './rights.ts';

export const INJURY_SEVERITIES = ['minor', 'serious', 'fatal'] as const;
export type InjurySeverity = (typeof INJURY_SEVERITIES)[number];
export const INJURY_SEVERITY_LABELS: Record<InjurySeverity, string> = { minor: '轻伤', serious: '重伤', fatal: '死亡' };

export const INJURY_STATUSES = ['reported', 'visited'] as const;
export type InjuryStatus = (typeof INJURY_STATUSES)[number];
export const INJURY_STATUS_LABELS: Record<InjuryStatus, string> = { reported: '待探视', visited: '已探视' };
export const INJURY_ACTIONS = ['visit'] as const;
export type InjuryAction = (typeof INJURY_ACTIONS)[number];
export const INJURY_STEP_LABELS: Record<InjuryAction | 'submit' | 'overdue', string> = {
  submit: '上报',
  visit: '探视',
  overdue: '逾期未探视',
};

/** 逢伤必探: a reported injury is visited within this many working days. */
export const INJURY_VISIT_WORKING_DAYS = 3;

export const ZInjuryCreate = z.strictObject({
  orgId: labelled(zId, '所属工会'),
  name: labelled(zRequiredText(LIMITS.shortText), '姓名'),
  idNumber: labelled(zIdNumber, '身份证号').optional().nullable(),
  employerName: labelled(zRequiredText(LIMITS.name), '用人单位'),
  injuredAt: labelled(zPastDate, '受伤日期'),
  severity: labelled(z.enum(INJURY_SEVERITIES), '伤情'),
});
export type TInjuryCreate = z.infer<typeof ZInjuryCreate>;

export const ZInjuryActionBody = z.strictObject({
  version: z.number().int().min(1).max(2_147_483_647),
  opinion: labelled(zMultilineText(LIMITS.text), '意见').optional(),
  visitedAt: labelled(zPastDate, '探视日期').optional(),
  visitors: labelled(zRequiredText(LIMITS.name), '探视人员').optional(),
  amount: zFenAmount('慰问金').optional(),
});
export type TInjuryActionBody = z.infer<typeof ZInjuryActionBody>;

export const ZInjuryListQuery = ZPageQuery.extend({
  orgId: labelled(zId, '所属工会').optional(),
  severity: labelled(z.enum(INJURY_SEVERITIES), '伤情').optional(),
  status: labelled(z.enum(INJURY_STATUSES), '状态').optional(),
  injuredFrom: labelled(zDate, '受伤日期起').optional(),
  injuredTo: labelled(zDate, '受伤日期止').optional(),
});
export type TInjuryListQuery = z.infer<typeof ZInjuryListQuery>;

export const ZInjuryRevealBody = z.strictObject({ reason: labelled(zRequiredText(LIMITS.text), '查看原因') });
export const ZInjuryRevealed = z.object({ name: z.string(), idNumber: z.string().nullable() });

/** An injury report: name and ID number masked. */
export const ZInjuryReport = z.object({
  id: z.number().int(),
  number: z.string(),
  status: z.enum(INJURY_STATUSES),
  version: z.number().int(),
  org: z.object({ id: z.number().int(), name: z.string() }),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  name: z.string(),
  idNumber: z.string().nullable(),
  employerName: z.string(),
  injuredAt: z.string(),
  severity: z.enum(INJURY_SEVERITIES),
  visitedAt: z.string().nullable(),
  visitors: z.string().nullable(),
  amount: z.number().int().nullable(),
  ledgerEntryId: z.number().int().nullable(),
  createdAt: z.string(),
});
export type TInjuryReport = z.infer<typeof ZInjuryReport>;
export const ZInjuryDetail = ZInjuryReport.extend({ steps: z.array(ZCaseStep), allowedActions: z.array(z.enum(INJURY_ACTIONS)) });
export type TInjuryDetail = z.infer<typeof ZInjuryDetail>;
