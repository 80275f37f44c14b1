// 我的申请: the API's shapes (server member-cases.presenter.ts) and the pure helpers the pages use — status and
// deadline tags, dates in China time, and the type-specific detail as labelled rows.
import type { MemberCaseType } from './case-options.ts';
import type { H5Lang } from './i18n.tsx';
import { formatFen } from './money.ts';

export interface CaseSummary {
  id: number;
  number: string;
  type: MemberCaseType | null;
  typeLabel: string;
  status: string;
  statusLabel: string;
  open: boolean;
  version: number;
  dueAt: string | null;
  canWithdraw: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface CaseStep {
  action: string;
  label: string;
  actor: string;
  byMe: boolean;
  opinion: string | null;
  at: string;
}

export interface CaseDetail extends CaseSummary {
  timeline: CaseStep[];
  detail: Record<string, unknown>;
}

/** A calendar day in China time: 「2026-12-10」 stays as is, an instant is read in Asia/Shanghai. */
export function formatDay(value: string | null | undefined): string {
  if (!value) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Today's date in China time (the server's 「日期不能晚于今天」 uses the same day). */
export const todayCst = (now: number = Date.now()) => new Date(now + 8 * 3600_000).toISOString().slice(0, 10);

export type TagColor = 'primary' | 'success' | 'warning' | 'danger' | 'default';

const REFUSED = /^(rejected|declined)$/;

/** Colour of the status tag: open → primary, refused → danger, withdrawn → default, other decided → success. */
export function statusColor(c: Pick<CaseSummary, 'open' | 'status'>): TagColor {
  if (c.open) return 'primary';
  if (REFUSED.test(c.status)) return 'danger';
  if (c.status === 'withdrawn') return 'default';
  return 'success';
}

export type DueState = 'none' | 'ok' | 'soon' | 'overdue';

/** Deadline of an open case: overdue once past the due day's end (China time), 「soon」 within two days. */
export function dueState(c: Pick<CaseSummary, 'open' | 'dueAt'>, now: number = Date.now()): DueState {
  if (!c.open || !c.dueAt) return 'none';
  const day = formatDay(c.dueAt);
  const today = todayCst(now);
  if (day < today) return 'overdue';
  const soon = todayCst(now + 2 * 86_400_000);
  return day <= soon ? 'soon' : 'ok';
}

type RowKind = 'text' | 'money' | 'day' | 'list' | 'people';
type RowSpec = readonly [key: string, zh: string, en: string, kind: RowKind];

const DETAIL_ROWS: Record<MemberCaseType, readonly RowSpec[]> = {
  hardship: [
    ['householdSize', '家庭人口', 'Household size', 'people'],
    ['incomePerHead', '家庭月人均收入（元）', 'Monthly income per head (yuan)', 'money'],
    ['causeLabels', '致困原因', 'Causes', 'list'],
    ['narrative', '困难情况说明', 'Situation', 'text'],
    ['registeredAt', '建档日期', 'Registered on', 'day'],
  ],
  mutual_aid_claim: [
    ['kindLabel', '报销类型', 'Claim type', 'text'],
    ['classLabel', '互助类别', 'Plan class', 'text'],
    ['visit', '就诊情况', 'Visit', 'text'],
    ['invoiceTotal', '发票金额（元）', 'Invoice total (yuan)', 'money'],
    ['payout', '核定赔付（元）', 'Payout (yuan)', 'money'],
    ['paidAt', '赔付日期', 'Paid on', 'day'],
  ],
  legal_aid: [
    ['categoryLabel', '争议事项', 'Dispute', 'text'],
    ['employerName', '用人单位', 'Employer', 'text'],
    ['narrative', '情况说明', 'Situation', 'text'],
    ['receivedAt', '收到日期', 'Received on', 'day'],
    ['acceptedAt', '受理日期', 'Accepted on', 'day'],
    ['declinedAt', '不予受理日期', 'Declined on', 'day'],
    ['declineReason', '不予受理原因', 'Reason', 'text'],
    ['outcomeLabel', '办理结果', 'Outcome', 'text'],
    ['recoveredAmount', '挽回金额（元）', 'Recovered (yuan)', 'money'],
    ['closedAt', '结案日期', 'Closed on', 'day'],
  ],
  appeal: [
    ['categoryLabel', '诉求类别', 'Category', 'text'],
    ['content', '诉求内容', 'Your concern', 'text'],
    ['receivedAt', '收到日期', 'Received on', 'day'],
    ['reply', '工会答复', "Union's reply", 'text'],
    ['repliedAt', '答复日期', 'Replied on', 'day'],
    ['closedAt', '办结日期', 'Closed on', 'day'],
  ],
  data_correction: [
    ['fieldLabel', '更正项目', 'What to correct', 'text'],
    ['correct', '正确信息', 'Correct value', 'text'],
    ['note', '说明', 'Note', 'text'],
  ],
};

export interface DetailRow {
  key: string;
  label: string;
  value: string;
  long: boolean;
}

function show(v: unknown, kind: RowKind, lang: H5Lang): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (kind === 'money') return typeof v === 'number' ? formatFen(v) : null;
  if (kind === 'day') return typeof v === 'string' ? formatDay(v) : null;
  if (kind === 'list') return Array.isArray(v) && v.length > 0 ? v.map(String).join('、') : null;
  if (typeof v !== 'string' && typeof v !== 'number') return null;
  if (kind === 'people') return lang === 'en' ? String(v) : `${v} 人`;
  return String(v);
}

/** The type's member view as rows, in a fixed order; empty fields are left out, unknown keys are not shown. */
export function detailRows(type: MemberCaseType | null, detail: Record<string, unknown>, lang: H5Lang): DetailRow[] {
  if (!type) return [];
  const rows: DetailRow[] = [];
  for (const [key, zh, en, kind] of DETAIL_ROWS[type]) {
    const value = show(detail[key], kind, lang);
    if (value !== null) rows.push({ key, label: lang === 'en' ? en : zh, value, long: kind === 'text' && value.length > 16 });
  }
  return rows;
}
