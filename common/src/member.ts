// Member registry enums, labels and schemas.
import { z } from 'zod';
import { labelled } from './field-labels.ts';
import { LIMITS } from './limits.ts';
import { parseIdNumber } from './idcard.ts';
import { normalizePhone, phoneError } from './phone.ts';
import { ZPageQuery, zDate, zId, zPastDate } from './schemas.ts';
import { zMultilineText, zRequiredText, zStr, zText } from './strings.ts';
import { ZCaseAttachment, ZCaseAttachmentPolicy, ZCaseStep } from './cases.ts';

export const MEMBER_CATEGORIES = ['migrant', 'new_forms', 'dispatched'] as const;
export type MemberCategory = (typeof MEMBER_CATEGORIES)[number];
export const MEMBER_CATEGORY_LABELS: Record<MemberCategory, string> = {
  migrant: '农民工',
  new_forms: '新业态劳动者',
  dispatched: '劳务派遣',
};

export const MEMBER_STATUSES = ['active', 'retained', 'transferred', 'left'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = {
  active: '在籍',
  retained: '保留会籍',
  transferred: '转出',
  left: '退会',
};

export const GENDERS = ['male', 'female'] as const;
export const GENDER_LABELS = { male: '男', female: '女' } as const;

export const zIdNumber = zStr()
  .max(40)
  .superRefine((v, ctx) => {
    const r = parseIdNumber(v);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
  });
export const zPhone = zStr()
  .max(30)
  .transform(normalizePhone)
  .superRefine((v, ctx) => {
    const err = phoneError(v);
    if (err) ctx.addIssue({ code: 'custom', message: err });
  });

const zMemberName = labelled(zRequiredText(LIMITS.shortText), '姓名');

export const ZMemberCreate = z.strictObject({
  orgId: labelled(zId, '所属工会'),
  name: zMemberName,
  idNumber: zIdNumber,
  phone: zPhone.optional().nullable(),
  joinedAt: zPastDate,
  categories: z.array(z.enum(MEMBER_CATEGORIES)).max(MEMBER_CATEGORIES.length).optional(),
  gender: z.enum(GENDERS).optional(),
});
export type TMemberCreate = z.infer<typeof ZMemberCreate>;

export const ZMemberUpdate = z.strictObject({
  name: zMemberName.optional(),
  phone: zPhone.optional().nullable(),
  joinedAt: zPastDate.optional(),
  categories: z.array(z.enum(MEMBER_CATEGORIES)).max(MEMBER_CATEGORIES.length).optional(),
});
export type TMemberUpdate = z.infer<typeof ZMemberUpdate>;

export const ZMember = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  name: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  gender: z.enum(GENDERS),
  /** Only the year: with the full birth date beside the masked ID number, the number can be rebuilt. */
  birthYear: z.number().int(),
  joinedAt: z.string(),
  status: z.enum(MEMBER_STATUSES),
  statusSince: z.string().nullable(),
  categories: z.array(z.enum(MEMBER_CATEGORIES)),
  cardNo: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** On the detail only: the member's open 会员接转, or null. */
  transfer: z
    .object({
      id: z.number().int(),
      number: z.string(),
      status: z.enum(['pending', 'accepted', 'rejected', 'withdrawn', 'expired']),
      toOrgName: z.string(),
    })
    .nullable()
    .optional(),
});
export type TMember = z.infer<typeof ZMember>;

const zBool = z.preprocess((v) => (v === 'false' || v === '0' ? false : v === 'true' || v === '1' ? true : v), z.boolean());
export const ZMemberListQuery = ZPageQuery.extend({
  orgId: zId.optional(),
  subtree: zBool.default(true),
  q: zText(LIMITS.search).optional(),
  idNumber: zText(40).optional(),
  category: z.enum(MEMBER_CATEGORIES).optional(),
  /** Without it the roster leaves out 退会 members; `all` includes them. */
  status: z.enum([...MEMBER_STATUSES, 'all']).optional(),
  joinedFrom: zDate.optional(),
  joinedTo: zDate.optional(),
  /** Members who left (退会) between these dates: the drill-down of the 退会会员 figure. */
  leftFrom: zDate.optional(),
  leftTo: zDate.optional(),
  /** Keyset cursor: the last id of the previous page (pages are ordered by id, newest first). */
  after: zId.optional(),
  /** 排序: newest record first (id), latest 入会日期 first (joinedAt), or by name in pinyin order (name). */
  sort: z.enum(['id', 'joinedAt', 'name']).default('id'),
  /** Keyset cursor for any sort: `nextCursor` of the previous page. */
  cursor: zText(400).optional(),
});
export type TMemberListQuery = z.infer<typeof ZMemberListQuery>;

export const ZMemberExportQuery = ZMemberListQuery.omit({ page: true, pageSize: true, after: true, sort: true, cursor: true }).extend({
  /** Refused: full ID numbers and phones leave only through an approved export request (/export-requests). */
  unmasked: zBool.default(false),
  reason: zMultilineText(LIMITS.text).optional(),
});
export type TMemberExportQuery = z.infer<typeof ZMemberExportQuery>;

export const ZMemberReveal = z.strictObject({ reason: zMultilineText(LIMITS.text).min(2, '请说明查看原因') });
/** What POST /members/:id/reveal returns (member:view_sensitive, a reason, audited). */
export const ZMemberRevealed = z.object({ idNumber: z.string(), phone: z.string().nullable(), birthDate: z.string().nullable() });
export type TMemberRevealed = z.infer<typeof ZMemberRevealed>;
export const ZMemberLeave = z.strictObject({
  date: zPastDate,
  reason: zMultilineText(LIMITS.text).optional(),
  kind: z.enum(['retire_keep', 'quit']),
});
// 会员接转 on the case kernel: the sending union requests, the receiving union accepts or rejects (with an
// opinion), the sender may withdraw; an unanswered request expires after TRANSFER_EXPIRY_WORKING_DAYS working days.
export const TRANSFER_STATUSES = ['pending', 'accepted', 'rejected', 'withdrawn', 'expired'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];
export const TRANSFER_STATUS_LABELS: Record<TransferStatus, string> = {
  pending: '待接收',
  accepted: '已接收',
  rejected: '已拒收',
  withdrawn: '已撤回',
  expired: '逾期失效',
};
export const TRANSFER_ACTIONS = ['accept', 'reject', 'withdraw'] as const;
export type TransferAction = (typeof TRANSFER_ACTIONS)[number];
/** Labels of the timeline's steps: the cadres' actions plus the opening step and the system's expiry. */
export const TRANSFER_STEP_LABELS: Record<TransferAction | 'submit' | 'expire' | 'attach' | 'detach', string> = {
  submit: '发起接转',
  attach: '上传附件',
  detach: '删除附件',
  accept: '接收',
  reject: '拒收',
  withdraw: '撤回',
  expire: '逾期失效',
};

/** `date`: the day the membership moves (the flow events' date), today when left out. */
export const ZTransferCreate = z.strictObject({ toOrgId: zId, reason: zMultilineText(LIMITS.text).optional(), date: zPastDate.optional() });
export type TTransferCreate = z.infer<typeof ZTransferCreate>;

const ZOrgRef = z.object({ id: z.number().int(), name: z.string() });

/** A transfer case in lists (GET /transfers) and as the answer to requests and actions. */
export const ZTransferCase = z.object({
  id: z.number().int(),
  number: z.string(),
  status: z.enum(TRANSFER_STATUSES),
  version: z.number().int(),
  orgId: z.number().int(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  /** The member's name, masked (the receiving side sees the member before it holds the record). */
  member: z.object({ id: z.number().int(), name: z.string() }),
  fromOrg: ZOrgRef,
  toOrg: ZOrgRef,
  date: z.string(),
  reason: z.string().nullable(),
  createdAt: z.string(),
});
export type TTransferCase = z.infer<typeof ZTransferCase>;

/** GET /transfers/:id: the case with its timeline and the actions the caller may take now. */
export const ZTransferDetail = ZTransferCase.extend({
  assignee: z.object({ id: z.number().int(), name: z.string() }).nullable().optional(),
  steps: z.array(ZCaseStep),
  allowedActions: z.array(z.enum(TRANSFER_ACTIONS)),
  /** 介绍信 scans and other files; both sides see them. */
  attachments: z.array(ZCaseAttachment),
  attachmentPolicy: ZCaseAttachmentPolicy.nullable(),
});
export type TTransferDetail = z.infer<typeof ZTransferDetail>;

export const ZTransferListQuery = ZPageQuery.extend({
  direction: z.enum(['in', 'out']).default('in'),
  status: z.enum(TRANSFER_STATUSES).optional(),
});

/**
 * @deprecated The pre-kernel transfer row, kept only until the console moves to ZTransferCase/ZTransferDetail;
 * no route answers it any more.
 */
export const ZTransfer = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  memberName: z.string(),
  fromOrgId: z.number().int(),
  fromOrgName: z.string(),
  toOrgId: z.number().int(),
  toOrgName: z.string(),
  status: z.enum(['pending', 'accepted', 'rejected', 'cancelled']),
  date: z.string(),
  reason: z.string().nullable(),
  createdAt: z.string(),
});
/** @deprecated See ZTransfer. */
export type TTransfer = z.infer<typeof ZTransfer>;

export const ZMemberEvent = z.object({
  id: z.number().int(),
  type: z.string(),
  date: z.string(),
  orgId: z.number().int(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
