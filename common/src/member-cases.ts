// 我的申请 (member portal): what a member may apply for themselves — hardship help, a 医疗互助 claim, legal aid and
// an appeal — and the fields they fill in. Who they are (name, ID number, phone) and which union gets the case come
// from the member registry, never from the form. Amounts are integers of 分 (decision 0006).
import { z } from 'zod';
import { APPEAL_CATEGORIES } from './appeals.ts';
import { ZMemberDataCorrection } from './data-corrections.ts';
import { labelled } from './field-labels.ts';
import { HARDSHIP_CAUSES } from './hardship.ts';
import { LIMITS } from './limits.ts';
import { MONEY_MAX_FEN } from './money.ts';
import { MUTUAL_AID_CLAIM_KINDS, MUTUAL_AID_CLASSES } from './mutual-aid.ts';
import { RIGHTS_SUBJECTS } from './rights.ts';
import { zId, zPastDate } from './schemas.ts';
import { zMultilineText, zRequiredText, zText } from './strings.ts';

export const MEMBER_CASE_TYPES = ['hardship', 'mutual_aid_claim', 'legal_aid', 'appeal', 'data_correction'] as const;
export type MemberCaseType = (typeof MEMBER_CASE_TYPES)[number];
export const MEMBER_CASE_TYPE_LABELS: Record<MemberCaseType, string> = {
  hardship: '困难帮扶申请',
  mutual_aid_claim: '医疗互助报销',
  legal_aid: '法律援助申请',
  appeal: '诉求反映',
  data_correction: '信息更正申请',
};

/** The longest narrative a member writes (hardship, legal aid, appeal content). */
export const MEMBER_NARRATIVE_MAX = 2000;
/** Most invoice photos on one claim. */
export const MEMBER_CLAIM_MAX_ATTACHMENTS = 10;

const zNarrative = (label: string) => labelled(zMultilineText(MEMBER_NARRATIVE_MAX).min(1, '不能为空'), label);
const zFen = (label: string, min = 0) =>
  labelled(
    z
      .number()
      .int('金额应为整数（分）')
      .min(min, min > 0 ? '金额应大于 0' : '金额不能为负数')
      .max(MONEY_MAX_FEN, '金额超出范围'),
    label,
  );

export const ZMemberHardshipApply = z.strictObject({
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
  narrative: zNarrative('困难情况说明'),
});

export const ZMemberClaimApply = z.strictObject({
  /** The plan and class; when absent, the member's only current enrolment is used. */
  planId: labelled(zId, '互助计划').optional(),
  classCode: labelled(z.enum(MUTUAL_AID_CLASSES), '互助类别').optional(),
  kind: labelled(z.enum(MUTUAL_AID_CLAIM_KINDS), '报销类型'),
  hospital: labelled(zRequiredText(LIMITS.name), '就诊医院'),
  visitDate: labelled(zPastDate, '就诊日期'),
  amount: zFen('发票金额', 1),
  diagnosis: labelled(zMultilineText(500), '诊断').optional(),
  /** Invoice photos the member uploaded beforehand (attachment ids). */
  attachments: labelled(
    z.array(zId).max(MEMBER_CLAIM_MAX_ATTACHMENTS, `最多 ${MEMBER_CLAIM_MAX_ATTACHMENTS} 张发票照片`),
    '发票照片',
  ).optional(),
});

export const ZMemberLegalAidApply = z.strictObject({
  category: labelled(z.enum(RIGHTS_SUBJECTS), '争议事项'),
  narrative: zNarrative('情况说明'),
  /** The employer in dispute; the member's union when absent. */
  employerName: labelled(zText(LIMITS.name), '用人单位').optional(),
});

export const ZMemberAppealApply = z.strictObject({
  category: labelled(z.enum(APPEAL_CATEGORIES), '诉求类别'),
  content: zNarrative('诉求内容'),
});

export const MEMBER_CASE_SCHEMAS = {
  hardship: ZMemberHardshipApply,
  mutual_aid_claim: ZMemberClaimApply,
  legal_aid: ZMemberLegalAidApply,
  appeal: ZMemberAppealApply,
  data_correction: ZMemberDataCorrection,
} as const satisfies Record<MemberCaseType, z.ZodType>;

/** POST /h5/cases: the type and its fields. */
export const ZMemberCaseSubmit = z.discriminatedUnion('type', [
  ZMemberHardshipApply.extend({ type: z.literal('hardship') }),
  ZMemberClaimApply.extend({ type: z.literal('mutual_aid_claim') }),
  ZMemberLegalAidApply.extend({ type: z.literal('legal_aid') }),
  ZMemberAppealApply.extend({ type: z.literal('appeal') }),
  ZMemberDataCorrection.extend({ type: z.literal('data_correction') }),
]);
export type TMemberCaseSubmit = z.infer<typeof ZMemberCaseSubmit>;
export type TMemberHardshipApply = z.infer<typeof ZMemberHardshipApply>;
export type TMemberClaimApply = z.infer<typeof ZMemberClaimApply>;
export type TMemberLegalAidApply = z.infer<typeof ZMemberLegalAidApply>;
export type TMemberAppealApply = z.infer<typeof ZMemberAppealApply>;

/** POST /h5/cases/:id/withdraw: the version the member saw and an optional reason. */
export const ZMemberCaseWithdraw = z.strictObject({
  version: z.number().int().min(1).max(2_147_483_647),
  reason: labelled(zMultilineText(LIMITS.text), '撤回原因').optional(),
});
export type TMemberCaseWithdraw = z.infer<typeof ZMemberCaseWithdraw>;
