// 维权案件 (rights cases) and the lawyer/mediator roster: enums with zh-CN labels, the deadlines and the API's
// schemas. A case is received by a union, accepted (受理, with a handler) or declined with a reason, then closed with
// an outcome and the amount recovered. Amounts are integers of 分 (decision 0006).
import { z } from 'zod';
import { ZCaseStep } from './cases.ts';
import { labelled } from './field-labels.ts';
import { LIMITS } from './limits.ts';
import { MONEY_MAX_FEN } from './money.ts';
import { zPhone } from './member.ts';
import { ZPageQuery, zDate, zId, zPastDate, zUscc } from './schemas.ts';
import { zMultilineText, zRequiredText, zText } from './strings.ts';

export const RIGHTS_TYPES = ['legal_aid', 'mediation', 'petition', 'wage_arrears'] as const;
export type RightsType = (typeof RIGHTS_TYPES)[number];
export const RIGHTS_TYPE_LABELS: Record<RightsType, string> = {
  legal_aid: '法律援助',
  mediation: '劳动争议调解',
  petition: '信访',
  wage_arrears: '欠薪',
};

export const RIGHTS_CHANNELS = ['visit', 'letter', 'phone', 'hotline', 'online', 'referral'] as const;
export type RightsChannel = (typeof RIGHTS_CHANNELS)[number];
export const RIGHTS_CHANNEL_LABELS: Record<RightsChannel, string> = {
  visit: '来访',
  letter: '来信',
  phone: '来电',
  hotline: '热线',
  online: '网上',
  referral: '交办',
};

export const RIGHTS_SUBJECTS = ['contract', 'wages', 'injury', 'social_insurance', 'dismissal', 'other'] as const;
export type RightsSubject = (typeof RIGHTS_SUBJECTS)[number];
export const RIGHTS_SUBJECT_LABELS: Record<RightsSubject, string> = {
  contract: '劳动合同',
  wages: '工资报酬',
  injury: '工伤',
  social_insurance: '社会保险',
  dismissal: '解除劳动关系',
  other: '其他',
};

export const RIGHTS_STATUSES = ['received', 'accepted', 'declined', 'closed', 'withdrawn'] as const;
export type RightsStatus = (typeof RIGHTS_STATUSES)[number];
export const RIGHTS_STATUS_LABELS: Record<RightsStatus, string> = {
  received: '待受理',
  accepted: '办理中',
  declined: '不予受理',
  closed: '已结案',
  withdrawn: '已撤回',
};

export const RIGHTS_OUTCOMES = ['resolved', 'partial', 'failed', 'referred'] as const;
export type RightsOutcome = (typeof RIGHTS_OUTCOMES)[number];
export const RIGHTS_OUTCOME_LABELS: Record<RightsOutcome, string> = {
  resolved: '调处成功',
  partial: '部分解决',
  failed: '调处不成',
  referred: '移交处理',
};

export const RIGHTS_ACTIONS = ['accept', 'decline', 'close'] as const;
export type RightsAction = (typeof RIGHTS_ACTIONS)[number];
export const RIGHTS_STEP_LABELS: Record<RightsAction | 'submit' | 'overdue' | 'withdraw', string> = {
  withdraw: '职工撤回申请',
  submit: '登记',
  accept: '受理',
  decline: '不予受理',
  close: '结案',
  overdue: '逾期',
};

export const ROSTER_ROLES = ['lawyer', 'mediator'] as const;
export type RosterRole = (typeof ROSTER_ROLES)[number];
export const ROSTER_ROLE_LABELS: Record<RosterRole, string> = { lawyer: '律师', mediator: '调解员' };

/**
 * Deadlines in working days (calendar of the State Council's holidays and 调休 days).
 * - Acceptance: a union decides within 5 working days of receipt whether it takes a case up (the usual 受理 time
 *   of the 工会法律援助办法 and of labour-dispute mediation committees).
 * - Closing, counted from acceptance: mediation 15 (劳动争议调解仲裁法 §14: 自受理之日起十五日内结束), legal aid 30
 *   (a month to see a case through), petitions 60 (信访工作条例: 60 days to handle and answer), wage arrears 20 (the
 *   根治欠薪 campaigns ask for arrears to be settled within 20 working days).
 */
export const RIGHTS_ACCEPT_WORKING_DAYS = 5;
export const RIGHTS_CLOSE_WORKING_DAYS: Record<RightsType, number> = {
  mediation: 15,
  legal_aid: 30,
  petition: 60,
  wage_arrears: 20,
};

const required = (label: string) => ({
  error: (iss: { input: unknown }) => (iss.input === undefined ? `请填写${label}` : `${label}无效`),
});
/** An amount in 分 from a client: a non-negative safe integer. */
export const zFenAmount = (label: string) =>
  labelled(z.number(required(label)).int('金额应为整数（分）').min(0, '金额不能为负数').max(MONEY_MAX_FEN, '金额超出范围'), label);

export const ZRightsCreate = z.strictObject({
  orgId: labelled(zId, '受理工会'),
  type: labelled(z.enum(RIGHTS_TYPES, required('案件类型')), '案件类型'),
  channel: labelled(z.enum(RIGHTS_CHANNELS, required('来源渠道')), '来源渠道'),
  subject: labelled(z.enum(RIGHTS_SUBJECTS, required('争议事项')), '争议事项'),
  workers: labelled(z.number(required('涉及职工人数')).int('应为整数').min(1, '至少 1 人').max(1_000_000, '人数过大'), '涉及职工人数'),
  amountAtStake: zFenAmount('涉案金额'),
  employerName: labelled(zRequiredText(LIMITS.name), '用人单位'),
  employerUscc: labelled(zUscc, '统一社会信用代码').optional().nullable(),
  receivedAt: labelled(zPastDate, '接待日期'),
  summary: labelled(zMultilineText(2000).min(1, '不能为空'), '案情摘要'),
  parties: labelled(zMultilineText(2000), '当事人情况').optional().nullable(),
});
export type TRightsCreate = z.infer<typeof ZRightsCreate>;

/** POST /rights-cases/:id/actions/:action: the version and the action's fields (each action checks its own). */
export const ZRightsActionBody = z.strictObject({
  version: z.number().int().min(1).max(2_147_483_647),
  opinion: labelled(zMultilineText(LIMITS.text), '意见').optional(),
  /** accept: a roster entry's id, or a handler's name. */
  handler: labelled(z.union([z.number().int().positive().max(2_147_483_647), zText(LIMITS.shortText)]), '承办人').optional(),
  acceptedAt: labelled(zPastDate, '受理日期').optional(),
  reason: labelled(zMultilineText(LIMITS.text), '不予受理理由').optional(),
  outcome: labelled(z.enum(RIGHTS_OUTCOMES), '办理结果').optional(),
  recoveredAmount: zFenAmount('挽回经济损失').optional(),
  closedAt: labelled(zPastDate, '结案日期').optional(),
});
export type TRightsActionBody = z.infer<typeof ZRightsActionBody>;

const rightsFilter = {
  orgId: labelled(zId, '所属工会').optional(),
  type: labelled(z.enum(RIGHTS_TYPES), '案件类型').optional(),
  status: labelled(z.enum(RIGHTS_STATUSES), '状态').optional(),
  subject: labelled(z.enum(RIGHTS_SUBJECTS), '争议事项').optional(),
  receivedFrom: labelled(zDate, '接待日期起').optional(),
  receivedTo: labelled(zDate, '接待日期止').optional(),
};
export const ZRightsListQuery = ZPageQuery.extend(rightsFilter);
export type TRightsListQuery = z.infer<typeof ZRightsListQuery>;
export const ZRightsExportQuery = z.strictObject(rightsFilter);
export type TRightsExportQuery = z.infer<typeof ZRightsExportQuery>;

export const ZRightsRevealBody = z.strictObject({ reason: labelled(zRequiredText(LIMITS.text), '查看原因') });
export const ZRightsRevealed = z.object({ parties: z.string().nullable() });

const ZOrgRef = z.object({ id: z.number().int(), name: z.string() });

/** A rights case in lists; the parties' narrative never (hasParties says whether there is one). */
export const ZRightsCase = z.object({
  id: z.number().int(),
  number: z.string(),
  status: z.enum(RIGHTS_STATUSES),
  version: z.number().int(),
  org: ZOrgRef,
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  type: z.enum(RIGHTS_TYPES),
  channel: z.enum(RIGHTS_CHANNELS),
  subject: z.enum(RIGHTS_SUBJECTS),
  workers: z.number().int(),
  amountAtStake: z.number().int(),
  employerName: z.string(),
  employerUscc: z.string().nullable(),
  receivedAt: z.string(),
  handler: z.object({ name: z.string(), rosterId: z.number().int().nullable(), role: z.enum(ROSTER_ROLES).nullable() }).nullable(),
  acceptedAt: z.string().nullable(),
  declinedAt: z.string().nullable(),
  outcome: z.enum(RIGHTS_OUTCOMES).nullable(),
  recoveredAmount: z.number().int().nullable(),
  closedAt: z.string().nullable(),
  hasParties: z.boolean(),
  createdAt: z.string(),
});
export type TRightsCase = z.infer<typeof ZRightsCase>;

export const ZRightsDetail = ZRightsCase.extend({
  summary: z.string(),
  declineReason: z.string().nullable(),
  /** Always masked here: the narrative is shown only through the audited reveal. */
  parties: z.string().nullable(),
  steps: z.array(ZCaseStep),
  allowedActions: z.array(z.enum(RIGHTS_ACTIONS)),
});
export type TRightsDetail = z.infer<typeof ZRightsDetail>;

// ---- roster (律师 / 调解员) ----
export const ZRosterCreate = z.strictObject({
  orgId: labelled(zId, '所属工会'),
  name: labelled(zRequiredText(LIMITS.shortText), '姓名'),
  role: labelled(z.enum(ROSTER_ROLES, required('身份')), '身份'),
  firm: labelled(zText(LIMITS.name), '所在机构').optional().nullable(),
  phone: labelled(zPhone, '手机号').optional().nullable(),
});
export type TRosterCreate = z.infer<typeof ZRosterCreate>;
export const ZRosterUpdate = ZRosterCreate.omit({ orgId: true }).partial().strict();
export type TRosterUpdate = z.infer<typeof ZRosterUpdate>;
export const ZRosterListQuery = ZPageQuery.extend({
  orgId: labelled(zId, '所属工会').optional(),
  role: labelled(z.enum(ROSTER_ROLES), '身份').optional(),
});
export const ZRosterEntry = z.object({
  id: z.number().int(),
  org: ZOrgRef,
  name: z.string(),
  role: z.enum(ROSTER_ROLES),
  firm: z.string().nullable(),
  /** Masked. */
  phone: z.string().nullable(),
  /** Kept within the caller's subtree (an entry of an org above it is seen, not changed). */
  editable: z.boolean(),
  createdAt: z.string(),
});
export type TRosterEntry = z.infer<typeof ZRosterEntry>;
