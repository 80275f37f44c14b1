// 困难职工档案 (hardship files): enums with zh-CN labels and the API's schemas. A file is a case of the case kernel:
// drafted by the grassroots union (调查摸底), submitted, approved by a cadre of an org above it (在档) or rejected,
// reviewed (复核) at least yearly, and exited (解困脱困).
import { z } from 'zod';
import { labelled } from './field-labels.ts';
import { LIMITS } from './limits.ts';
import { zIdNumber, zPhone } from './member.ts';
import { ZPageQuery, zId, zPastDate } from './schemas.ts';
import { zMultilineText, zRequiredText, zText } from './strings.ts';
import { ZCaseStep } from './cases.ts';

export const HARDSHIP_CAUSES = [
  'illness',
  'disability',
  'unemployment',
  'disaster',
  'education',
  'single_parent',
  'accident',
  'other',
] as const;
export type HardshipCause = (typeof HARDSHIP_CAUSES)[number];
export const HARDSHIP_CAUSE_LABELS: Record<HardshipCause, string> = {
  illness: '因病',
  disability: '因残',
  unemployment: '失业',
  disaster: '因灾',
  education: '子女教育',
  single_parent: '单亲家庭',
  accident: '意外事故',
  other: '其他',
};

export const HARDSHIP_TIERS = ['national', 'provincial', 'city', 'district'] as const;
export type HardshipTier = (typeof HARDSHIP_TIERS)[number];
export const HARDSHIP_TIER_LABELS: Record<HardshipTier, string> = {
  national: '全国级',
  provincial: '省级',
  city: '市级',
  district: '区级',
};

/** `review_due`: the yearly review's day has passed (set by the overdue sweep); the file is still 在档.
 *  `applied`: a member applied in the member portal; their union checks it (submits it for approval or declines it).
 *  `withdrawn`: the member withdrew their application while it was pending. */
export const HARDSHIP_STATUSES = ['draft', 'applied', 'submitted', 'active', 'review_due', 'rejected', 'exited', 'withdrawn'] as const;
export type HardshipStatus = (typeof HARDSHIP_STATUSES)[number];
export const HARDSHIP_STATUS_LABELS: Record<HardshipStatus, string> = {
  draft: '调查摸底',
  applied: '职工申请待审核',
  submitted: '待审批',
  active: '在档',
  review_due: '待复核',
  rejected: '未通过',
  exited: '已脱困',
  withdrawn: '已撤回',
};

export const HARDSHIP_ACTIONS = ['submit', 'decline', 'approve', 'reject', 'review', 'exit'] as const;
export type HardshipAction = (typeof HARDSHIP_ACTIONS)[number];
export const HARDSHIP_STEP_LABELS: Record<HardshipAction | 'create' | 'review_due' | 'withdraw', string> = {
  create: '建档（调查摸底）',
  submit: '提交审批',
  decline: '不予受理',
  withdraw: '职工撤回申请',
  approve: '审批通过',
  reject: '审批不通过',
  review: '年度复核',
  exit: '解困脱困',
  review_due: '到期待复核',
};

/** A file is reviewed at least once a year: the next review is this many months after approval or the last review. */
export const HARDSHIP_REVIEW_MONTHS = 12;

export const ZFamilyMember = z.strictObject({
  name: labelled(zRequiredText(LIMITS.shortText), '家庭成员姓名'),
  relation: labelled(zRequiredText(20), '与本人关系'),
});

export const ZHardshipCreate = z.strictObject({
  orgId: labelled(zId, '所属工会'),
  name: labelled(zRequiredText(LIMITS.shortText), '姓名'),
  idNumber: labelled(zIdNumber, '身份证号'),
  phone: labelled(zPhone, '手机号').optional().nullable(),
  memberId: labelled(zId, '会员').optional().nullable(),
  householdSize: labelled(z.number().int().min(1, '至少 1 人').max(30, '不能超过 30 人'), '家庭人口'),
  /** Monthly income per head, in 分. */
  incomePerHead: labelled(z.number().int().min(0, '不能为负数').max(100_000_000, '数额过大'), '家庭月人均收入'),
  causes: labelled(
    z
      .array(z.enum(HARDSHIP_CAUSES))
      .min(1, '至少选择一项致困原因')
      .max(HARDSHIP_CAUSES.length)
      .refine((a) => new Set(a).size === a.length, '致困原因不能重复'),
    '致困原因',
  ),
  tier: labelled(z.enum(HARDSHIP_TIERS), '困难类别'),
  family: labelled(z.array(ZFamilyMember).max(20, '家庭成员不能超过 20 人'), '家庭成员').optional(),
  pairing: labelled(zText(LIMITS.shortText * 2), '结对帮扶')
    .optional()
    .nullable(),
});
export type THardshipCreate = z.infer<typeof ZHardshipCreate>;

/** POST /hardship-files/:id/actions/:action: the version, and the fields the action takes. */
export const ZHardshipActionBody = z.strictObject({
  version: z.number().int().min(1).max(2_147_483_647),
  opinion: labelled(zMultilineText(LIMITS.text), '意见').optional(),
  registeredAt: labelled(zPastDate, '建档日期').optional(),
  reviewedAt: labelled(zPastDate, '复核日期').optional(),
  tier: labelled(z.enum(HARDSHIP_TIERS), '困难类别').optional(),
  exitedAt: labelled(zPastDate, '脱困日期').optional(),
  reason: labelled(zMultilineText(LIMITS.text), '脱困原因').optional(),
});
export type THardshipActionBody = z.infer<typeof ZHardshipActionBody>;

export const ZHardshipListQuery = ZPageQuery.extend({
  orgId: labelled(zId, '所属工会').optional(),
  tier: z.enum(HARDSHIP_TIERS).optional(),
  status: z.enum(HARDSHIP_STATUSES).optional(),
  /** Part of the worker's name (the assistance form's file picker). */
  q: labelled(zText(LIMITS.shortText), '姓名').optional(),
});
export type THardshipListQuery = z.infer<typeof ZHardshipListQuery>;

export const ZHardshipRevealBody = z.strictObject({ reason: labelled(zRequiredText(LIMITS.text), '查看原因') });
export const ZHardshipRevealed = z.object({
  idNumber: z.string(),
  phone: z.string().nullable(),
  /** The member's own account when they applied in the member portal. */
  narrative: z.string().nullable().optional(),
});

const ZOrgRef = z.object({ id: z.number().int(), name: z.string() });

/** A hardship file in lists: the case and the household, the ID number and phone masked. */
export const ZHardshipFile = z.object({
  id: z.number().int(),
  number: z.string(),
  status: z.enum(HARDSHIP_STATUSES),
  version: z.number().int(),
  org: ZOrgRef,
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  name: z.string(),
  idNumber: z.string(),
  phone: z.string().nullable(),
  memberId: z.number().int().nullable(),
  householdSize: z.number().int(),
  incomePerHead: z.number().int(),
  causes: z.array(z.enum(HARDSHIP_CAUSES)),
  tier: z.enum(HARDSHIP_TIERS),
  registeredAt: z.string().nullable(),
  nextReviewAt: z.string().nullable(),
  exitedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type THardshipFile = z.infer<typeof ZHardshipFile>;

/** GET /hardship-files/:id: the file with its household, timeline and the actions the caller may take now. */
export const ZHardshipDetail = ZHardshipFile.extend({
  family: z.array(z.object({ name: z.string(), relation: z.string() })),
  pairing: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  exitReason: z.string().nullable(),
  steps: z.array(ZCaseStep),
  allowedActions: z.array(z.enum(HARDSHIP_ACTIONS)),
});
export type THardshipDetail = z.infer<typeof ZHardshipDetail>;
