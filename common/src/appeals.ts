// 职工诉求 (appeals): enums with zh-CN labels, the per-category deadlines and the API's schemas. An appeal is a case
// of the case kernel, owned by the union that received it; the responsible union (the case's target side) answers
// it within a number of working days, or the appeal rises to the parent union (by hand, or by the overdue sweep).
import { z } from 'zod';
import { labelled } from './field-labels.ts';
import { LIMITS } from './limits.ts';
import { zPhone } from './member.ts';
import { ZPageQuery, zDate, zId, zPastDate } from './schemas.ts';
import { zMultilineText, zRequiredText, zText } from './strings.ts';
import { ZCaseStep } from './cases.ts';

export const APPEAL_CHANNELS = ['visit', 'letter', 'phone', 'hotline', 'online', 'referral'] as const;
export type AppealChannel = (typeof APPEAL_CHANNELS)[number];
export const APPEAL_CHANNEL_LABELS: Record<AppealChannel, string> = {
  visit: '来访',
  letter: '来信',
  phone: '来电',
  hotline: '热线',
  online: '网上',
  referral: '交办',
};

export const APPEAL_CATEGORIES = ['wages', 'contract', 'insurance', 'safety', 'welfare', 'other'] as const;
export type AppealCategory = (typeof APPEAL_CATEGORIES)[number];
export const APPEAL_CATEGORY_LABELS: Record<AppealCategory, string> = {
  wages: '工资报酬',
  contract: '劳动合同',
  insurance: '社会保险',
  safety: '安全卫生',
  welfare: '福利待遇',
  other: '其他',
};

/** Working days after receipt (or after an escalation) within which the responsible union must answer. */
export const APPEAL_DEFAULT_DUE_DAYS = 5;
export const APPEAL_DUE_DAYS: Record<AppealCategory, number> = {
  // Unpaid wages and safety hazards cannot wait a week.
  wages: 3,
  safety: 3,
  contract: 5,
  insurance: 5,
  welfare: 5,
  other: APPEAL_DEFAULT_DUE_DAYS,
};

export const APPEAL_SATISFACTIONS = ['satisfied', 'basic', 'unsatisfied'] as const;
export type AppealSatisfaction = (typeof APPEAL_SATISFACTIONS)[number];
export const APPEAL_SATISFACTION_LABELS: Record<AppealSatisfaction, string> = {
  satisfied: '满意',
  basic: '基本满意',
  unsatisfied: '不满意',
};

/** `received`: waiting for the responsible union's reply; `replied`: answered, waiting to be closed. */
export const APPEAL_STATUSES = ['received', 'replied', 'closed', 'withdrawn'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];
export const APPEAL_STATUS_LABELS: Record<AppealStatus, string> = {
  received: '办理中',
  replied: '已答复',
  closed: '已办结',
  withdrawn: '已撤回',
};

export const APPEAL_ACTIONS = ['reply', 'close', 'escalate'] as const;
export type AppealAction = (typeof APPEAL_ACTIONS)[number];
export const APPEAL_STEP_LABELS: Record<AppealAction | 'submit' | 'auto_escalate' | 'overdue' | 'withdraw', string> = {
  withdraw: '职工撤回诉求',
  submit: '登记受理',
  reply: '答复',
  close: '办结',
  escalate: '上报上级工会',
  auto_escalate: '逾期自动上报',
  overdue: '逾期',
};

export const ZAppealCreate = z.strictObject({
  orgId: labelled(zId, '受理工会'),
  channel: labelled(z.enum(APPEAL_CHANNELS), '诉求渠道'),
  category: labelled(z.enum(APPEAL_CATEGORIES), '诉求类别'),
  content: labelled(zMultilineText(2000).min(1, '不能为空'), '诉求内容'),
  receivedAt: labelled(zPastDate, '受理日期'),
  contactName: labelled(zText(LIMITS.shortText), '联系人').optional().nullable(),
  contactPhone: labelled(zPhone, '联系电话').optional().nullable(),
});
export type TAppealCreate = z.infer<typeof ZAppealCreate>;

/** POST /appeals/:id/actions/:action: the version, and the fields the action takes. */
export const ZAppealActionBody = z.strictObject({
  version: z.number().int().min(1).max(2_147_483_647),
  opinion: labelled(zMultilineText(LIMITS.text), '答复意见').optional(),
  satisfaction: labelled(z.enum(APPEAL_SATISFACTIONS), '满意度').optional(),
  closedAt: labelled(zPastDate, '办结日期').optional(),
});
export type TAppealActionBody = z.infer<typeof ZAppealActionBody>;

export const ZAppealListQuery = ZPageQuery.extend({
  orgId: labelled(zId, '所属工会').optional(),
  status: z.enum(APPEAL_STATUSES).optional(),
  category: z.enum(APPEAL_CATEGORIES).optional(),
  channel: z.enum(APPEAL_CHANNELS).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  receivedFrom: labelled(zDate, '受理日期起').optional(),
  receivedTo: labelled(zDate, '受理日期止').optional(),
  closedFrom: labelled(zDate, '办结日期起').optional(),
  closedTo: labelled(zDate, '办结日期止').optional(),
});
export type TAppealListQuery = z.infer<typeof ZAppealListQuery>;

export const ZAppealRevealBody = z.strictObject({ reason: labelled(zRequiredText(LIMITS.text), '查看原因') });
export const ZAppealRevealed = z.object({ contactName: z.string().nullable(), contactPhone: z.string().nullable() });

const ZOrgRef = z.object({ id: z.number().int(), name: z.string() });

/** An appeal in lists: the content cut short, the contact masked, the SLA clock. */
export const ZAppeal = z.object({
  id: z.number().int(),
  number: z.string(),
  status: z.enum(APPEAL_STATUSES),
  version: z.number().int(),
  /** The union that received it. */
  org: ZOrgRef,
  /** The union that must answer it now (the receiving union, or an ancestor after escalation). */
  responsibleOrg: ZOrgRef,
  channel: z.enum(APPEAL_CHANNELS),
  category: z.enum(APPEAL_CATEGORIES),
  /** The first characters of the content, the rest cut off. */
  excerpt: z.string(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  receivedAt: z.string(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  /** Working days left until the due day (0: due today); null when closed or without a due day. */
  remainingDays: z.number().int().nullable(),
  /** Working days past the due day; 0 unless overdue. */
  overdueDays: z.number().int(),
  escalations: z.number().int(),
  satisfaction: z.enum(APPEAL_SATISFACTIONS).nullable(),
  closedAt: z.string().nullable(),
  onTime: z.boolean().nullable(),
  createdAt: z.string(),
});
export type TAppeal = z.infer<typeof ZAppeal>;

/** GET /appeals/:id: the full content, the reply, the timeline and the caller's actions. */
export const ZAppealDetail = ZAppeal.extend({
  content: z.string(),
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
  steps: z.array(ZCaseStep),
  allowedActions: z.array(z.enum(APPEAL_ACTIONS)),
});
export type TAppealDetail = z.infer<typeof ZAppealDetail>;
