// 新建申请: the POST /h5/cases body of each type (common's ZMemberCaseSubmit, checked again by the server) built from
// the form's values, and the client-side checks of amounts and dates. Who applies is never part of the body.
import { CASE_LIMITS, type MemberCaseType } from './case-options.ts';
import { todayCst } from './cases.ts';
import { parseYuan, type YuanError } from './money.ts';

export type CaseSubmit =
  | { type: 'hardship'; householdSize: number; incomePerHead: number; causes: string[]; narrative: string }
  | {
      type: 'mutual_aid_claim';
      kind: string;
      hospital: string;
      visitDate: string;
      amount: number;
      diagnosis?: string;
      attachments?: number[];
    }
  | { type: 'legal_aid'; category: string; narrative: string; employerName?: string }
  | { type: 'appeal'; category: string; content: string }
  | { type: 'data_correction'; field: string; correct: string; note?: string };

/** What the antd-mobile form hands over (Selectors give arrays, money is the typed 元 string). */
export interface CaseFormValues {
  householdSize?: number;
  incomePerHead?: string;
  causes?: string[];
  narrative?: string;
  kind?: string[];
  hospital?: string;
  visitDate?: string;
  amount?: string;
  diagnosis?: string;
  category?: string[];
  employerName?: string;
  content?: string;
  field?: string[];
  correct?: string;
  note?: string;
}

export class FormValueError extends Error {}

function fen(raw: string | undefined, min: number): number {
  const r = parseYuan(raw ?? '');
  if ('error' in r || r.fen < min) throw new FormValueError('amount');
  return r.fen;
}

const text = (v: string | undefined) => (v ?? '').trim();
const first = (v: string[] | undefined) => v?.[0] ?? '';
const optional = <K extends string>(key: K, v: string | undefined): Partial<Record<K, string>> =>
  text(v) ? ({ [key]: text(v) } as Record<K, string>) : {};

/** The body to POST; the form's rules ran first, so a bad value here is a programming error (FormValueError). */
export function buildSubmit(type: MemberCaseType, v: CaseFormValues, attachments: number[] = []): CaseSubmit {
  switch (type) {
    case 'hardship':
      return {
        type,
        householdSize: v.householdSize ?? 1,
        incomePerHead: fen(v.incomePerHead, 0),
        causes: [...new Set(v.causes ?? [])],
        narrative: text(v.narrative),
      };
    case 'mutual_aid_claim':
      return {
        type,
        kind: first(v.kind),
        hospital: text(v.hospital),
        visitDate: text(v.visitDate),
        amount: fen(v.amount, 1),
        ...optional('diagnosis', v.diagnosis),
        ...(attachments.length > 0 ? { attachments } : {}),
      };
    case 'legal_aid':
      return { type, category: first(v.category), narrative: text(v.narrative), ...optional('employerName', v.employerName) };
    case 'appeal':
      return { type, category: first(v.category), content: text(v.content) };
    case 'data_correction':
      return { type, field: first(v.field), correct: text(v.correct), ...optional('note', v.note) };
  }
}

export type AmountProblem = YuanError | 'zero' | 'tooLarge';

/** Checks a typed 元 amount: positive (claims) or not negative (income), and under the form's ceiling. */
export function checkYuan(raw: string, opts: { positive?: boolean; maxFen?: number } = {}): AmountProblem | null {
  const r = parseYuan(raw);
  if ('error' in r) return r.error;
  if (opts.positive && r.fen === 0) return 'zero';
  if (opts.maxFen !== undefined && r.fen > opts.maxFen) return 'tooLarge';
  return null;
}

export type DayProblem = 'format' | 'future';

/** A visit day: YYYY-MM-DD, a real date, not after today (China time). */
export function checkPastDay(raw: string, now: number = Date.now()): DayProblem | null {
  const s = raw.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return 'format';
  const d = new Date(`${s}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) return 'format';
  return s > todayCst(now) ? 'future' : null;
}

export const INCOME_MAX_FEN = CASE_LIMITS.incomePerHeadMaxFen;
