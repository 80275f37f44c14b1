// 信息更正 (data corrections): a member asks their union to correct what the registry holds about them (PIPL art. 46,
// the right to correction). The union's cadre corrects the record with the ordinary member edit, then resolves the
// request, or rejects it with a reason; the member may withdraw it while pending.
import { z } from 'zod';
import { labelled } from './field-labels.ts';
import { LIMITS } from './limits.ts';
import { zId } from './schemas.ts';
import { zMultilineText, zRequiredText } from './strings.ts';

export const DATA_CORRECTION_FIELDS = ['name', 'phone', 'idNumber', 'joinedAt', 'category', 'other'] as const;
export type DataCorrectionField = (typeof DATA_CORRECTION_FIELDS)[number];
export const DATA_CORRECTION_FIELD_LABELS: Record<DataCorrectionField, string> = {
  name: '姓名',
  phone: '手机号码',
  idNumber: '身份证号码',
  joinedAt: '入会日期',
  category: '会员类别',
  other: '其他信息',
};
/** Fields whose proposed value is personal data kept encrypted at rest (and masked when shown). */
export const DATA_CORRECTION_SENSITIVE: readonly DataCorrectionField[] = ['idNumber', 'phone'];

export const DATA_CORRECTION_STATUSES = ['pending', 'resolved', 'rejected', 'withdrawn'] as const;
export type DataCorrectionStatus = (typeof DATA_CORRECTION_STATUSES)[number];
export const DATA_CORRECTION_STATUS_LABELS: Record<DataCorrectionStatus, string> = {
  pending: '待处理',
  resolved: '已更正',
  rejected: '不予更正',
  withdrawn: '已撤回',
};
export const DATA_CORRECTION_ACTIONS = ['resolve', 'reject'] as const;
export type DataCorrectionAction = (typeof DATA_CORRECTION_ACTIONS)[number];
export const DATA_CORRECTION_STEP_LABELS: Record<DataCorrectionAction | 'submit' | 'withdraw' | 'overdue', string> = {
  submit: '提交更正申请',
  resolve: '已更正',
  reject: '不予更正',
  withdraw: '职工撤回申请',
  overdue: '逾期',
};
/** Working days to answer (PIPL asks for prompt handling). */
export const DATA_CORRECTION_DUE_DAYS = 15;
export const DATA_CORRECTION_MAX = 200;

/** What the member asks in the portal: the field, the correct value, an optional note. */
export const ZMemberDataCorrection = z.strictObject({
  field: labelled(z.enum(DATA_CORRECTION_FIELDS), '更正项目'),
  correct: labelled(zRequiredText(DATA_CORRECTION_MAX), '正确信息'),
  note: labelled(zMultilineText(LIMITS.text), '说明').optional(),
});
export type TMemberDataCorrection = z.infer<typeof ZMemberDataCorrection>;

/** A request registered at the union's desk for a member (asked in person or by phone). */
export const ZDataCorrectionCreate = ZMemberDataCorrection.extend({ memberId: labelled(zId, '会员') });
export type TDataCorrectionCreate = z.infer<typeof ZDataCorrectionCreate>;

export const ZDataCorrectionActionBody = z.strictObject({
  version: z.number().int().min(1).max(2_147_483_647),
  opinion: labelled(zMultilineText(LIMITS.text), '处理意见').optional(),
});

export const ZDataCorrectionListQuery = z.strictObject({
  status: z.enum(DATA_CORRECTION_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** POST /data-corrections/:id/reveal: the proposed ID number or phone in clear, with the reason (audited). */
export const ZDataCorrectionRevealBody = z.strictObject({ reason: labelled(zRequiredText(LIMITS.text), '查看原因') });
