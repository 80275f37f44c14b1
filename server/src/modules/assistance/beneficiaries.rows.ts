// One row of a beneficiary list → the input of POST /api/v1/assistance (the form's shape, amounts in 分), or the
// Chinese reasons, each naming its column. No database access here; the service adds the campaign-wide checks.
import {
  ASSISTANCE_KINDS,
  ASSISTANCE_KIND_LABELS,
  FUND_SOURCES,
  FUND_SOURCE_LABELS,
  MONEY_MAX_FEN,
  STUDENT_STAGES,
  STUDENT_STAGE_LABELS,
  type TAssistanceCreate,
} from '@gonghui/common';
import type { Cell, Row } from '../../platform/excel/index.ts';
import { cellText, readDate, readIdNumber, readName, readPhone } from '../member-imports/index.ts';
import { LABEL_OF, type BeneficiaryKey, type Header } from './beneficiaries.columns.ts';

export interface RowIssue {
  row: number;
  column: string;
  message: string;
}
export interface RowContext {
  header: Header;
  date1904: boolean;
  campaign: { id: number; kind: string; startsOn: string; endsOn: string };
  orgId: number;
}
export type ParsedRow = { ok: true; row: number; input: TAssistanceCreate } | { ok: false; row: number; issues: RowIssue[] };

type Read<T> = { ok: true; value: T } | { ok: false; error: string };
const fail = (error: string) => ({ ok: false, error }) as const;

function enumReader<K extends string>(keys: readonly K[], labels: Record<K, string>) {
  const byText = new Map<string, K>(keys.flatMap((k) => [[labels[k], k] as const, [k, k] as const]));
  return (cell: Cell | undefined, required: boolean): Read<K | undefined> => {
    const s = cellText(cell).normalize('NFKC').trim();
    if (s === '') return required ? fail('不能为空') : { ok: true, value: undefined };
    const k = byText.get(s);
    return k ? { ok: true, value: k } : fail(`“${s.slice(0, 20)}”不是可选项（${keys.map((x) => labels[x]).join('、')}）`);
  };
}
const readKind = enumReader(ASSISTANCE_KINDS, ASSISTANCE_KIND_LABELS);
const readFund = enumReader(FUND_SOURCES, FUND_SOURCE_LABELS);
const readStage = enumReader(STUDENT_STAGES, STUDENT_STAGE_LABELS);

/** 元 with at most two decimals → 分; a numeric cell counts as written (a float within a thousandth of a cent). */
export function readYuan(cell: Cell | undefined, required: boolean): Read<number> {
  let text: string;
  if (cell?.type === 'number') {
    const fen = Math.round(Number(cell.value) * 100);
    if (Math.abs(Number(cell.value) * 100 - fen) > 1e-6) return fail('最多保留两位小数（元）');
    text = (fen / 100).toFixed(2);
  } else {
    text = cellText(cell).normalize('NFKC').trim().replace(/,/g, '').replace(/元$/, '');
  }
  if (text === '') return required ? fail('不能为空') : { ok: true, value: 0 };
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m)
    return fail(
      /^-/.test(text) ? '不能为负数' : /^\d+\.\d{3,}$/.test(text) ? '最多保留两位小数（元）' : '应为金额（元），如 500 或 500.50',
    );
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(fen) || fen > MONEY_MAX_FEN) return fail('金额超出范围');
  return { ok: true, value: fen };
}

function readText(cell: Cell | undefined, max: number): Read<string> {
  const s = cellText(cell).replace(/\s+/g, ' ').trim();
  if (s === '') return fail('不能为空');
  return s.length > max ? fail(`不能超过${max}个字符`) : { ok: true, value: s };
}

function readYear(cell: Cell | undefined): Read<number> {
  const s = cellText(cell).normalize('NFKC').trim().replace(/年$/, '');
  if (s === '') return fail('不能为空');
  const y = Number(s);
  return Number.isInteger(y) && y >= 1990 && y <= 2100 ? { ok: true, value: y } : fail('应为四位年份，如 2025');
}

export function parseRow(row: Row, ctx: RowContext, seen: Map<string, number>): ParsedRow {
  const issues: RowIssue[] = [];
  const cell = (k: BeneficiaryKey) => {
    const i = ctx.header.columns[k];
    return i === undefined ? undefined : row.cells[i];
  };
  function take<T>(k: BeneficiaryKey, r: Read<T>): T | undefined {
    if (r.ok) return r.value;
    issues.push({ row: row.rowNumber, column: LABEL_OF[k], message: `${LABEL_OF[k]}：${r.error}` });
    return undefined;
  }
  const name = take('name', readName(cell('name')));
  const id = take('idNumber', readIdNumber(cell('idNumber')));
  if (id) {
    const first = seen.get(id.id);
    if (first === undefined) seen.set(id.id, row.rowNumber);
    else issues.push({ row: row.rowNumber, column: LABEL_OF.idNumber, message: `身份证号：与第${first}行身份证号重复` });
  }
  const phone = take('phone', readPhone(cell('phone')));
  const kind = take('kind', readKind(cell('kind'), true));
  const fundSource = take('fundSource', readFund(cell('fundSource'), true));
  const amount = take('amount', readYuan(cell('amount'), true));
  const goods = take('goodsValue', readYuan(cell('goodsValue'), false));
  if (amount === 0 && goods === 0)
    issues.push({ row: row.rowNumber, column: LABEL_OF.amount, message: `${LABEL_OF.amount}：金额和物资折价不能都为零` });
  const { startsOn, endsOn } = ctx.campaign;
  let date = take('date', readDate(cell('date'), ctx.date1904, '9999-12-31'));
  if (date !== undefined && (date < startsOn || date > endsOn)) {
    issues.push({ row: row.rowNumber, column: LABEL_OF.date, message: `${LABEL_OF.date}：应在活动期间（${startsOn} 至 ${endsOn}）` });
    date = undefined;
  }
  const student =
    ctx.campaign.kind === 'golden_autumn'
      ? {
          studentName: take('studentName', readText(cell('studentName'), 50)),
          school: take('school', readText(cell('school'), 100)),
          stage: take('stage', readStage(cell('stage'), true)),
          admissionYear: take('admissionYear', readYear(cell('admissionYear'))),
        }
      : {};
  if (issues.length > 0 || !name || !id || !kind || !fundSource || amount === undefined || goods === undefined || !date)
    return { ok: false, row: row.rowNumber, issues };
  return {
    ok: true,
    row: row.rowNumber,
    input: {
      orgId: ctx.orgId,
      campaignId: ctx.campaign.id,
      name,
      idNumber: id.id,
      phone,
      kind,
      fundSource,
      amount,
      goodsValue: goods,
      date,
      ...student,
    },
  };
}
