// 医疗互助 (mutual medical aid): yearly plans with classes and payout rules, quotas handed down to child orgs,
// enrolment by unit, and claims on the case kernel. The API contract shared by the server and the console; amounts
// are integers of 分 (decision 0006) with a formatted 元 string beside them in answers. The diagnosis is health data:
// it leaves the server only for holders of mutual_aid:view_health, audited each time.
import { z } from 'zod';
import { ZCaseAttachment, ZCaseAttachmentPolicy, ZCaseStep } from './cases.ts';
import { labelled } from './field-labels.ts';
import { LIMITS } from './limits.ts';
import { MONEY_MAX_FEN } from './money.ts';
import { ZPageQuery, zDate, zId } from './schemas.ts';
import { zMultilineText, zRequiredText } from './strings.ts';

export const MUTUAL_AID_CLASSES = ['active', 'retired', 'female', 'critical'] as const;
export type MutualAidClass = (typeof MUTUAL_AID_CLASSES)[number];
export const MUTUAL_AID_CLASS_LABELS: Record<MutualAidClass, string> = {
  active: '在职职工',
  retired: '退休职工',
  female: '女职工安康',
  critical: '特种重病',
};

export const MUTUAL_AID_CLAIM_KINDS = ['inpatient', 'outpatient_chronic', 'critical', 'accident'] as const;
export type MutualAidClaimKind = (typeof MUTUAL_AID_CLAIM_KINDS)[number];
export const MUTUAL_AID_CLAIM_KIND_LABELS: Record<MutualAidClaimKind, string> = {
  inpatient: '住院',
  outpatient_chronic: '门诊慢性病',
  critical: '重大疾病',
  accident: '意外伤害',
};

// submitted (by the member's union) → verified (审核, the member's union) → reviewed (复核, the plan's org, payout
// fixed) → paid (ledger); rejected at verify or review.
export const MUTUAL_AID_CLAIM_STATUSES = ['submitted', 'verified', 'reviewed', 'paid', 'rejected', 'withdrawn'] as const;
export type MutualAidClaimStatus = (typeof MUTUAL_AID_CLAIM_STATUSES)[number];
export const MUTUAL_AID_CLAIM_STATUS_LABELS: Record<MutualAidClaimStatus, string> = {
  submitted: '待审核',
  verified: '待复核',
  reviewed: '待赔付',
  paid: '已赔付',
  rejected: '已驳回',
  withdrawn: '已撤回',
};
export const MUTUAL_AID_ACTIONS = ['verify', 'review', 'pay', 'reject'] as const;
export type MutualAidAction = (typeof MUTUAL_AID_ACTIONS)[number];
export const MUTUAL_AID_STEP_LABELS: Record<MutualAidAction | 'submit' | 'withdraw', string> = {
  withdraw: '职工撤回申请',
  submit: '提交申请',
  verify: '基层审核',
  review: '复核',
  pay: '赔付',
  reject: '驳回',
};

/** An amount in 分 from a client: a non-negative safe integer. */
const zFenAmount = (label: string) =>
  labelled(z.number().int('金额应为整数（分）').min(0, '金额不能为负数').max(MONEY_MAX_FEN, '金额超出范围'), label);
const zHeadcount = (label: string) =>
  labelled(z.number().int('人数应为整数').min(0, '人数不能为负数').max(10_000_000, '人数超出范围'), label);

// ---- plans ----
export const ZMutualAidClassRule = z.strictObject({
  code: labelled(z.enum(MUTUAL_AID_CLASSES), '互助类别'),
  premium: zFenAmount('每人互助金'),
  perClaimCap: zFenAmount('单次报销限额'),
  yearlyCap: zFenAmount('年度报销限额'),
  /** Share of the invoice total paid out, in basis points (10000 = 100%). */
  ratio: labelled(z.number().int('报销比例应为整数（万分比）').min(1, '报销比例应大于零').max(10_000, '报销比例不能超过100%'), '报销比例')
    .optional()
    .default(10_000),
});
export type TMutualAidClassRule = z.infer<typeof ZMutualAidClassRule>;

export const ZMutualAidPlanCreate = z
  .strictObject({
    orgId: labelled(zId, '主办工会'),
    year: labelled(z.number().int('年度应为整数').min(2000, '年度无效').max(2100, '年度无效'), '年度'),
    name: labelled(zRequiredText(LIMITS.name), '计划名称').optional(),
    classes: labelled(z.array(ZMutualAidClassRule).min(1, '至少设置一个互助类别').max(MUTUAL_AID_CLASSES.length), '互助类别'),
  })
  .refine((p) => new Set(p.classes.map((c) => c.code)).size === p.classes.length, {
    message: '同一互助类别只能设置一次',
    path: ['classes'],
  })
  .refine((p) => p.classes.every((c) => c.perClaimCap <= c.yearlyCap), {
    message: '单次报销限额不能超过年度报销限额',
    path: ['classes'],
  });
export type TMutualAidPlanCreate = z.infer<typeof ZMutualAidPlanCreate>;

export const ZMutualAidQuotaSet = z.strictObject({
  orgId: labelled(zId, '下级工会'),
  quotas: z
    .array(z.strictObject({ classCode: labelled(z.enum(MUTUAL_AID_CLASSES), '互助类别'), headcount: zHeadcount('任务人数') }))
    .max(MUTUAL_AID_CLASSES.length),
});
export type TMutualAidQuotaSet = z.infer<typeof ZMutualAidQuotaSet>;

const ZClassRuleOut = z.object({
  code: z.enum(MUTUAL_AID_CLASSES),
  label: z.string(),
  premium: z.number().int(),
  perClaimCap: z.number().int(),
  yearlyCap: z.number().int(),
  ratio: z.number().int(),
});

export const ZMutualAidPlan = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  year: z.number().int(),
  name: z.string(),
  classes: z.array(ZClassRuleOut),
  createdAt: z.string(),
});
export type TMutualAidPlan = z.infer<typeof ZMutualAidPlan>;

const ZClassCounts = z.record(z.string(), z.number().int());
/** A plan with its quotas per child org against the headcount enrolled in that child's subtree, per class. */
export const ZMutualAidPlanDetail = ZMutualAidPlan.extend({
  totals: z.object({
    units: z.number().int(),
    headcount: z.number().int(),
    premiumDue: z.number().int(),
    premiumPaid: z.number().int(),
    premiumPaidText: z.string(),
  }),
  children: z.array(z.object({ orgId: z.number().int(), name: z.string(), quota: ZClassCounts, enrolled: ZClassCounts })),
});
export type TMutualAidPlanDetail = z.infer<typeof ZMutualAidPlanDetail>;

export const ZMutualAidPlanListQuery = ZPageQuery.extend({ year: z.coerce.number().int().min(2000).max(2100).optional() });

// ---- enrolments ----
export const ZMutualAidEnrolmentCreate = z.strictObject({
  planId: labelled(zId, '互助计划'),
  orgId: labelled(zId, '参保单位'),
  classCode: labelled(z.enum(MUTUAL_AID_CLASSES), '互助类别'),
  headcount: zHeadcount('参保人数').optional(),
  memberIds: labelled(z.array(zId).max(20_000, '名单最多 20000 人'), '参保名单').optional(),
  wholeUnit: labelled(z.boolean(), '整单位参保').optional(),
  enrolledAt: labelled(zDate, '参保日期'),
  /** Premium received so far, in 分; the premium due when left out (a unit enrols by paying). */
  premiumPaid: zFenAmount('已缴互助金').optional(),
});
export type TMutualAidEnrolmentCreate = z.infer<typeof ZMutualAidEnrolmentCreate>;

export const ZMutualAidPremiumBody = z.strictObject({
  premiumPaid: zFenAmount('已缴互助金'),
  paidAt: labelled(zDate, '缴费日期'),
});
export type TMutualAidPremiumBody = z.infer<typeof ZMutualAidPremiumBody>;

export const ZMutualAidEnrolment = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  year: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  classCode: z.enum(MUTUAL_AID_CLASSES),
  headcount: z.number().int(),
  memberCount: z.number().int().nullable(),
  wholeUnit: z.boolean(),
  enrolledAt: z.string(),
  premiumDue: z.number().int(),
  premiumDueText: z.string(),
  premiumPaid: z.number().int(),
  premiumPaidText: z.string(),
  paidAt: z.string().nullable(),
});
export type TMutualAidEnrolment = z.infer<typeof ZMutualAidEnrolment>;

export const ZMutualAidEnrolmentListQuery = ZPageQuery.extend({
  planId: zId.optional(),
  orgId: zId.optional(),
  classCode: z.enum(MUTUAL_AID_CLASSES).optional(),
});

// ---- claims ----
export const ZMutualAidClaimCreate = z.strictObject({
  planId: labelled(zId, '互助计划'),
  memberId: labelled(zId, '会员'),
  classCode: labelled(z.enum(MUTUAL_AID_CLASSES), '互助类别'),
  kind: labelled(z.enum(MUTUAL_AID_CLAIM_KINDS), '报销类型'),
  invoiceTotal: labelled(z.number().int('金额应为整数（分）').min(1, '发票金额应大于零').max(MONEY_MAX_FEN, '金额超出范围'), '发票金额'),
  diagnosis: labelled(zMultilineText(LIMITS.text).pipe(z.string().min(1, '请填写诊断')), '诊断'),
  note: labelled(zMultilineText(LIMITS.text), '备注').optional(),
});
export type TMutualAidClaimCreate = z.infer<typeof ZMutualAidClaimCreate>;

/** POST /mutual-aid/claims/:id/actions/:action: the kernel's body; review takes the payout (and a reason when it
 *  differs from the computed one), pay the day paid, reject an opinion. */
export const ZMutualAidActionBody = z.strictObject({
  version: z.number().int().min(1).max(2_147_483_647),
  opinion: labelled(zMultilineText(LIMITS.text), '意见').optional(),
  payout: zFenAmount('核定赔付金额').optional(),
  reason: labelled(zMultilineText(LIMITS.text), '调整理由').optional(),
  paidAt: labelled(zDate, '赔付日期').optional(),
});
export type TMutualAidActionBody = z.infer<typeof ZMutualAidActionBody>;

const claimFilter = {
  orgId: zId.optional(),
  planId: zId.optional(),
  classCode: z.enum(MUTUAL_AID_CLASSES).optional(),
  kind: z.enum(MUTUAL_AID_CLAIM_KINDS).optional(),
  status: z.enum(MUTUAL_AID_CLAIM_STATUSES).optional(),
  paidFrom: zDate.optional(),
  paidTo: zDate.optional(),
};
export const ZMutualAidClaimListQuery = ZPageQuery.extend(claimFilter);
export type TMutualAidClaimListQuery = z.infer<typeof ZMutualAidClaimListQuery>;
export const ZMutualAidClaimExportQuery = z.strictObject(claimFilter);
export type TMutualAidClaimExportQuery = z.infer<typeof ZMutualAidClaimExportQuery>;

/** A claim as lists show it: never the diagnosis. */
export const ZMutualAidClaim = z.object({
  id: z.number().int(),
  number: z.string(),
  status: z.enum(MUTUAL_AID_CLAIM_STATUSES),
  version: z.number().int(),
  planId: z.number().int(),
  year: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  memberId: z.number().int(),
  memberName: z.string(),
  idNumberMasked: z.string(),
  classCode: z.enum(MUTUAL_AID_CLASSES),
  kind: z.enum(MUTUAL_AID_CLAIM_KINDS),
  invoiceTotal: z.number().int(),
  invoiceTotalText: z.string(),
  /** What the rules give: min(invoice × ratio, per-claim cap, what the year leaves). */
  computedPayout: z.number().int(),
  /** Fixed at review (null before). */
  payout: z.number().int().nullable(),
  payoutText: z.string().nullable(),
  payoutReason: z.string().nullable(),
  paidAt: z.string().nullable(),
  ledgerEntryId: z.number().int().nullable(),
  createdAt: z.string(),
});
export type TMutualAidClaim = z.infer<typeof ZMutualAidClaim>;

export const ZMutualAidClaimDetail = ZMutualAidClaim.extend({
  /** Only for holders of mutual_aid:view_health (each answer audited); absent otherwise. */
  diagnosis: z.string().optional(),
  /** The member's yearly cap in this class and what is left of it (other reviewed or paid claims counted). */
  yearlyCap: z.number().int(),
  remaining: z.number().int(),
  remainingText: z.string(),
  steps: z.array(ZCaseStep),
  allowedActions: z.array(z.enum(MUTUAL_AID_ACTIONS)),
  attachments: z.array(ZCaseAttachment),
  attachmentPolicy: ZCaseAttachmentPolicy.nullable(),
});
export type TMutualAidClaimDetail = z.infer<typeof ZMutualAidClaimDetail>;

export const ZMutualAidHealthBody = z.strictObject({
  reason: labelled(zMultilineText(LIMITS.text).pipe(z.string().min(2, '请说明查看原因')), '查看原因'),
});
export const ZMutualAidHealth = z.object({ diagnosis: z.string() });
