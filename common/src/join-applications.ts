// 网上入会 (join applications): a worker applies online to a grassroots union (found by search), or, when their
// employer has no union, to a street or community union; the union approves (the member is registered) or rejects
// with a reason, within a deadline in working days. The applicant follows the status with the number and a secret
// token handed back at submission.
import { z } from 'zod';
import { labelled } from './field-labels.ts';
import { LIMITS } from './limits.ts';
import { MEMBER_CATEGORIES, zIdNumber, zPhone } from './member.ts';
import { ORG_LEVELS } from './org.ts';
import { ZPageQuery, zId, zPastDate, zUscc } from './schemas.ts';
import { zMultilineText, zRequiredText, zText } from './strings.ts';
import { ZCaseStep } from './cases.ts';

/** Working days the union has to decide (JOIN_DEADLINE_DAYS). */
export const JOIN_DEADLINE_DAYS_DEFAULT = 10;
/** The org levels an applicant without a union at work may apply to (street, community/joint unions). */
export const JOIN_AREA_LEVELS = ['street', 'federation'] as const;

export const JOIN_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type JoinStatus = (typeof JOIN_STATUSES)[number];
export const JOIN_STATUS_LABELS: Record<JoinStatus, string> = {
  pending: '审核中',
  approved: '已通过',
  rejected: '未通过',
};

export const JOIN_ACTIONS = ['approve', 'reject'] as const;
export type JoinAction = (typeof JOIN_ACTIONS)[number];
export const JOIN_STEP_LABELS: Record<JoinAction | 'submit' | 'overdue', string> = {
  submit: '提交申请',
  approve: '批准入会',
  reject: '不予批准',
  overdue: '逾期',
};

export const ZJoinApply = z.strictObject({
  name: labelled(zRequiredText(LIMITS.shortText), '姓名'),
  idNumber: labelled(zIdNumber, '身份证号'),
  phone: labelled(zPhone, '手机号'),
  employerName: labelled(zRequiredText(LIMITS.name), '工作单位'),
  employerUscc: labelled(zUscc, '统一社会信用代码').optional().nullable(),
  orgId: labelled(zId, '申请加入的工会').optional(),
  areaOrgId: labelled(zId, '所在街道（社区）工会').optional(),
  noUnion: labelled(z.boolean(), '单位未建工会').optional(),
});
export type TJoinApply = z.infer<typeof ZJoinApply>;
export const ZJoinApplied = z.object({ id: z.number().int(), number: z.string(), status: z.enum(JOIN_STATUSES), statusToken: z.string() });

export const ZJoinOrgSearchQuery = z.strictObject({
  q: labelled(zRequiredText(LIMITS.search), '工会名称'),
  /** true: only street and community unions (an applicant whose employer has no union). */
  area: z.enum(['true', 'false']).optional(),
});
export const ZJoinOrgHit = z.object({
  id: z.number().int(),
  name: z.string(),
  parentName: z.string().nullable(),
  level: z.enum(ORG_LEVELS),
});

export const ZJoinStatusQuery = z.strictObject({ token: labelled(zText(200).min(1, '不能为空'), '查询凭证') });
export const ZJoinPublicStatus = z.object({
  number: z.string(),
  status: z.enum(JOIN_STATUSES),
  statusLabel: z.string(),
  orgName: z.string(),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  reason: z.string().optional(),
});

/** POST /join-applications/:id/actions/:action: the version, and the fields the action takes. */
export const ZJoinActionBody = z.strictObject({
  version: z.number().int().min(1).max(2_147_483_647),
  opinion: labelled(zMultilineText(LIMITS.text), '审核意见').optional(),
  reason: labelled(zMultilineText(LIMITS.text), '不予批准的理由').optional(),
  joinDate: labelled(zPastDate, '入会日期').optional(),
  category: labelled(z.enum(MEMBER_CATEGORIES), '会员类别').optional(),
});
export type TJoinActionBody = z.infer<typeof ZJoinActionBody>;

export const ZJoinListQuery = ZPageQuery.extend({
  orgId: labelled(zId, '所属工会').optional(),
  status: z.enum(JOIN_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
export type TJoinListQuery = z.infer<typeof ZJoinListQuery>;

const ZOrgRef = z.object({ id: z.number().int(), name: z.string() });

/** An application in lists: the applicant masked, the SLA clock. */
export const ZJoinApplication = z.object({
  id: z.number().int(),
  number: z.string(),
  status: z.enum(JOIN_STATUSES),
  version: z.number().int(),
  org: ZOrgRef,
  name: z.string(),
  idNumber: z.string(),
  phone: z.string(),
  employerName: z.string(),
  employerUscc: z.string().nullable(),
  noUnion: z.boolean(),
  submittedAt: z.string(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  remainingDays: z.number().int().nullable(),
  overdueDays: z.number().int(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
  memberId: z.number().int().nullable(),
  cardNo: z.string().nullable(),
});
export type TJoinApplication = z.infer<typeof ZJoinApplication>;

export const ZJoinApplicationDetail = ZJoinApplication.extend({
  steps: z.array(ZCaseStep),
  allowedActions: z.array(z.enum(JOIN_ACTIONS)),
});
export type TJoinApplicationDetail = z.infer<typeof ZJoinApplicationDetail>;
