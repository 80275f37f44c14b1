// 帮扶救助 and campaigns (送温暖 / 送清凉 / 金秋助学 / 救灾): the API contract shared by the server and the console.
// Amounts are integers of 分 (decision 0006), with a formatted 元 string beside them in answers.
import { z } from 'zod';
import { ZCaseStep } from './cases.ts';
import { labelled } from './field-labels.ts';
import { LIMITS } from './limits.ts';
import { MONEY_MAX_FEN } from './money.ts';
import { zIdNumber, zPhone } from './member.ts';
import { ZPageQuery, zDate, zId } from './schemas.ts';
import { zMultilineText, zRequiredText, zText } from './strings.ts';

export const CAMPAIGN_KINDS = ['warmth', 'cool', 'golden_autumn', 'disaster'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
export const CAMPAIGN_KIND_LABELS: Record<CampaignKind, string> = {
  warmth: '春节送温暖',
  cool: '夏季送清凉',
  golden_autumn: '金秋助学',
  disaster: '救灾',
};

export const FUND_SOURCES = ['union', 'government', 'social', 'enterprise'] as const;
export type FundSource = (typeof FUND_SOURCES)[number];
export const FUND_SOURCE_LABELS: Record<FundSource, string> = {
  union: '工会经费',
  government: '财政',
  social: '社会捐助',
  enterprise: '企业',
};

export const ASSISTANCE_KINDS = ['condolence', 'living', 'medical', 'education', 'temporary', 'other'] as const;
export type AssistanceKind = (typeof ASSISTANCE_KINDS)[number];
export const ASSISTANCE_KIND_LABELS: Record<AssistanceKind, string> = {
  condolence: '慰问',
  living: '生活救助',
  medical: '医疗救助',
  education: '助学',
  temporary: '临时救助',
  other: '其他',
};

export const STUDENT_STAGES = ['college', 'vocational', 'high_school', 'other'] as const;
export type StudentStage = (typeof STUDENT_STAGES)[number];
export const STUDENT_STAGE_LABELS: Record<StudentStage, string> = {
  college: '大学',
  vocational: '职业院校',
  high_school: '高中',
  other: '其他',
};

// An entry is requested by the submitting union, approved by the approving union (the campaign's when it belongs
// to one, else its own), then paid (a ledger entry); it can be cancelled before payment and reversed after.
export const ASSISTANCE_STATUSES = ['requested', 'approved', 'paid', 'cancelled', 'reversed'] as const;
export type AssistanceStatus = (typeof ASSISTANCE_STATUSES)[number];
export const ASSISTANCE_STATUS_LABELS: Record<AssistanceStatus, string> = {
  requested: '待审批',
  approved: '待发放',
  paid: '已发放',
  cancelled: '已取消',
  reversed: '已冲正',
};
export const ASSISTANCE_ACTIONS = ['approve', 'pay', 'cancel', 'reverse'] as const;
export type AssistanceAction = (typeof ASSISTANCE_ACTIONS)[number];
export const ASSISTANCE_STEP_LABELS: Record<AssistanceAction | 'submit', string> = {
  submit: '提交申请',
  approve: '审批通过',
  pay: '发放',
  cancel: '取消',
  reverse: '冲正',
};

/** An amount in 分 from a client: a non-negative safe integer. */
const zFenAmount = (label: string, min = 0) =>
  labelled(
    z
      .number()
      .int('金额应为整数（分）')
      .min(min, min > 0 ? '金额应大于零' : '金额不能为负数')
      .max(MONEY_MAX_FEN, '金额超出范围'),
    label,
  );

// ---- campaigns ----
export const ZCampaignBudgetItem = z.strictObject({ fundSource: z.enum(FUND_SOURCES), amount: zFenAmount('预算金额') });

export const ZCampaignCreate = z
  .strictObject({
    orgId: labelled(zId, '发起工会'),
    kind: labelled(z.enum(CAMPAIGN_KINDS), '活动类型'),
    name: labelled(zRequiredText(LIMITS.name), '活动名称'),
    startsOn: labelled(zDate, '开始日期'),
    endsOn: labelled(zDate, '结束日期'),
    budget: z.array(ZCampaignBudgetItem).max(FUND_SOURCES.length).default([]),
  })
  .refine((c) => c.startsOn <= c.endsOn, { message: '结束日期不能早于开始日期', path: ['endsOn'] })
  .refine((c) => new Set(c.budget.map((b) => b.fundSource)).size === c.budget.length, {
    message: '同一经费来源只能填写一次预算',
    path: ['budget'],
  });
export type TCampaignCreate = z.infer<typeof ZCampaignCreate>;

const ZFundAmount = z.object({ fundSource: z.enum(FUND_SOURCES), label: z.string(), amount: z.number().int(), amountText: z.string() });

export const ZCampaign = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  kind: z.enum(CAMPAIGN_KINDS),
  kindLabel: z.string(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  budget: z.array(ZFundAmount),
  budgetTotal: z.number().int(),
  createdAt: z.string(),
});
export type TCampaign = z.infer<typeof ZCampaign>;

export const ZCampaignListQuery = ZPageQuery.extend({ kind: z.enum(CAMPAIGN_KINDS).optional() });

/** Live figures of a campaign: budget used (paid, net of nothing reversed) vs remaining per fund source, and what
 *  each direct child of the opening union submitted. */
export const ZCampaignDetail = ZCampaign.extend({
  totals: z.object({
    entries: z.number().int(),
    requested: z.number().int(),
    approved: z.number().int(),
    paid: z.number().int(),
    paidAmount: z.number().int(),
    paidAmountText: z.string(),
    goodsValue: z.number().int(),
  }),
  funds: z.array(
    z.object({
      fundSource: z.enum(FUND_SOURCES),
      label: z.string(),
      budget: z.number().int(),
      used: z.number().int(),
      remaining: z.number().int(),
      usedText: z.string(),
      remainingText: z.string(),
    }),
  ),
  children: z.array(
    z.object({
      orgId: z.number().int(),
      name: z.string(),
      submitted: z.number().int(),
      requested: z.number().int(),
      approved: z.number().int(),
      paid: z.number().int(),
      paidAmount: z.number().int(),
      paidAmountText: z.string(),
    }),
  ),
});
export type TCampaignDetail = z.infer<typeof ZCampaignDetail>;

// ---- assistance entries ----
export const ZAssistanceCreate = z.strictObject({
  orgId: labelled(zId, '所属工会'),
  name: labelled(zRequiredText(LIMITS.shortText), '姓名'),
  idNumber: zIdNumber,
  phone: zPhone.optional().nullable(),
  hardshipFileId: labelled(zId, '困难职工档案').optional().nullable(),
  campaignId: labelled(zId, '所属活动').optional().nullable(),
  kind: labelled(z.enum(ASSISTANCE_KINDS), '帮扶类型'),
  amount: zFenAmount('发放金额'),
  goodsValue: zFenAmount('物资折价').optional(),
  fundSource: labelled(z.enum(FUND_SOURCES), '经费来源'),
  date: labelled(zDate, '帮扶日期'),
  studentName: labelled(zText(LIMITS.shortText), '学生姓名').optional().nullable(),
  school: labelled(zText(LIMITS.name), '学校').optional().nullable(),
  stage: labelled(z.enum(STUDENT_STAGES), '就读阶段').optional().nullable(),
  admissionYear: labelled(z.number().int().min(1990, '入学年份无效').max(2100, '入学年份无效'), '入学年份').optional().nullable(),
  visitingLeader: labelled(zText(LIMITS.shortText), '慰问领导').optional().nullable(),
  note: labelled(zMultilineText(LIMITS.text), '备注').optional().nullable(),
});
export type TAssistanceCreate = z.infer<typeof ZAssistanceCreate>;

/** POST /assistance/:id/actions/:action: the kernel's body; `pay` may carry the day paid (today when left out). */
export const ZAssistanceActionBody = z.strictObject({
  version: z.number().int().min(1).max(2_147_483_647),
  opinion: zMultilineText(LIMITS.text).optional(),
  paidAt: labelled(zDate, '发放日期').optional(),
});
export type TAssistanceActionBody = z.infer<typeof ZAssistanceActionBody>;

/** The ledger's filters, shared by the list and the xlsx export. */
const assistanceFilter = {
  orgId: zId.optional(),
  kind: z.enum(ASSISTANCE_KINDS).optional(),
  fundSource: z.enum(FUND_SOURCES).optional(),
  campaignId: zId.optional(),
  status: z.enum(ASSISTANCE_STATUSES).optional(),
  /** The assistance a household on file received (the hardship file's page). */
  hardshipFileId: zId.optional(),
  from: zDate.optional(),
  to: zDate.optional(),
  /** Paid within these days (the indicators' date): the drill-down of a figure. */
  paidFrom: zDate.optional(),
  paidTo: zDate.optional(),
};
const fromBeforeTo = (q: { from?: string | undefined; to?: string | undefined }) => !q.from || !q.to || q.from <= q.to;
const fromBeforeToIssue = { message: '开始日期不能晚于结束日期', path: ['from'] };

export const ZAssistanceListQuery = ZPageQuery.extend(assistanceFilter).refine(fromBeforeTo, fromBeforeToIssue);
export type TAssistanceListQuery = z.infer<typeof ZAssistanceListQuery>;

/** GET /assistance/export: the list's filters; the file is always masked (full numbers are never exported here). */
export const ZAssistanceExportQuery = z.strictObject(assistanceFilter).refine(fromBeforeTo, fromBeforeToIssue);
export type TAssistanceExportQuery = z.infer<typeof ZAssistanceExportQuery>;

export const ZAssistanceEntry = z.object({
  id: z.number().int(),
  number: z.string(),
  status: z.enum(ASSISTANCE_STATUSES),
  version: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  name: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  hardshipFileId: z.number().int().nullable(),
  campaign: z.object({ id: z.number().int(), name: z.string(), kind: z.enum(CAMPAIGN_KINDS) }).nullable(),
  kind: z.enum(ASSISTANCE_KINDS),
  /** Integer 分. */
  amount: z.number().int(),
  amountText: z.string(),
  goodsValue: z.number().int(),
  fundSource: z.enum(FUND_SOURCES),
  date: z.string(),
  paidAt: z.string().nullable(),
  ledgerEntryId: z.number().int().nullable(),
  student: z
    .object({
      name: z.string().nullable(),
      school: z.string().nullable(),
      stage: z.enum(STUDENT_STAGES).nullable(),
      admissionYear: z.number().int().nullable(),
    })
    .nullable(),
  visitingLeader: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type TAssistanceEntry = z.infer<typeof ZAssistanceEntry>;

export const ZAssistanceDetail = ZAssistanceEntry.extend({
  steps: z.array(ZCaseStep),
  allowedActions: z.array(z.enum(ASSISTANCE_ACTIONS)),
});
export type TAssistanceDetail = z.infer<typeof ZAssistanceDetail>;

// ---- beneficiary lists (Excel) ----
/** POST /campaigns/:id/beneficiaries/import: the union the list is submitted for, and whether only to check it. */
export const ZBeneficiaryImportQuery = z.strictObject({
  orgId: labelled(zId, '报送工会'),
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === undefined || v === 'true' || v === '1'),
});

/**
 * A beneficiary list being checked (dryRun) or imported by a job: data rows, rows without error, entries opened so
 * far, and the first 1000 refused rows' reasons (the error report carries them all, with the uploader's cells).
 */
export const ZBeneficiaryImport = z.object({
  id: z.number().int(),
  campaignId: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  fileName: z.string(),
  dryRun: z.boolean(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  /** 0–1. */
  progress: z.number(),
  /** Why the job failed (a file that cannot be read, say), in Chinese. */
  error: z.string().nullable(),
  /** The whole list has been read and checked: total, valid and errorCount are final. */
  checked: z.boolean(),
  total: z.number().int(),
  valid: z.number().int(),
  imported: z.number().int(),
  errorCount: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type TBeneficiaryImport = z.infer<typeof ZBeneficiaryImport>;
