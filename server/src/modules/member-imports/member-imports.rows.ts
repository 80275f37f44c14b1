// Turns one roster row into a member record with the rules of POST /api/v1/members (identityFields and the
// common validators), or into the Chinese reasons it cannot be imported. No database access here.
import {
  MEMBER_CATEGORIES,
  MEMBER_CATEGORY_LABELS,
  isIsoDate,
  normalizePhone,
  parseIdNumber,
  phoneError,
  type MemberCategory,
} from '@gonghui/common';
import type { FieldCrypto } from '../../platform/crypto/index.ts';
import { EMPTY, columnLetter, serialToIsoDate, type Cell, type Row } from '../../platform/excel/index.ts';
import { AppError, labelOf } from '../../platform/http/index.ts';
import { identityFields } from '../members/index.ts';
import { LABELS, cellText, type ColumnKey, type Header } from './member-imports.columns.ts';

export interface Issue {
  column: string;
  message: string;
}
export interface OrgTarget {
  id: number;
  path: string;
  name: string;
}
/** Resolves the 所在工会 cell (and the optional 上级工会 cell): the target org, or the reason it cannot be used. */
export type OrgResolver = (text: string, parentText?: string) => OrgTarget | string;

export interface RowContext {
  crypto: FieldCrypto;
  header: Header;
  date1904: boolean;
  today: string;
  resolveOrg: OrgResolver;
}

type Identity = ReturnType<typeof identityFields>;
type Fields = Identity['fields'];
export interface ValidRow {
  ok: true;
  row: number;
  cells: Cell[];
  org: OrgTarget;
  fields: Fields;
  /** Clear ID number and phone, encrypted once the member's id is known (cipherFields). */
  secret: Identity['secret'];
  joinedAt: string;
  /** null: the roster says nothing, keep what the registry has. */
  categories: MemberCategory[] | null;
  /** A retiree with a 退休日期: imported as 保留会籍 from that date. */
  retiredAt?: string;
  notice?: string;
  /** The column the notice is about (身份证号 for a converted 15-digit number, 人员类别 for a retiree). */
  noticeColumn?: string;
}
export interface InvalidRow {
  ok: false;
  row: number;
  cells: Cell[];
  issues: Issue[];
}
export type PreparedRow = ValidRow | InvalidRow;

type Read<T> = { ok: true; value: T } | { ok: false; error: string };
const fail = (error: string) => ({ ok: false, error }) as const;

const NUMBER_ID_HINT = '该单元格是数字格式，Excel 只保留15位有效数字，身份证号后几位已经丢失；请把该列设置为“文本”格式后重新填写';

/** ID number with its 15→18 conversion notice; numeric cells longer than 15 digits have lost digits. */
export function readIdNumber(cell: Cell | undefined): Read<{ id: string; notice?: string }> {
  let raw: string;
  if (cell?.type === 'number' || cell?.type === 'date') {
    const n = Number(cell.value);
    if (!Number.isInteger(n) || n < 1e14 || n >= 1e15) return fail(NUMBER_ID_HINT);
    raw = String(n);
  } else {
    raw = cellText(cell);
  }
  if (raw.trim() === '') return fail('不能为空');
  if (/^\s*\d(\.\d+)?e\+?\d+\s*$/i.test(raw)) return fail(NUMBER_ID_HINT);
  const p = parseIdNumber(raw);
  if (!p.ok) return fail(p.message);
  return { ok: true, value: p.notice ? { id: p.idNumber, notice: p.notice } : { id: p.idNumber } };
}

/** Chinese names padded for alignment (a full-width space inside) lose their inner spaces; others keep single spaces. */
export function readName(cell: Cell | undefined): Read<string> {
  const s = cellText(cell)
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
  if (s === '') return fail('不能为空');
  const name = /^[\p{Script=Han} ]+$/u.test(s) ? s.replace(/ /g, '') : s;
  if (name.length > 50) return fail('不能超过50个字符');
  return { ok: true, value: name };
}

export function readPhone(cell: Cell | undefined): Read<string | null> {
  const raw = cell?.type === 'number' && Number.isInteger(cell.value) ? String(cell.value) : cellText(cell);
  if (raw.trim() === '') return { ok: true, value: null };
  const p = normalizePhone(raw);
  const err = phoneError(p);
  return err ? fail(err) : { ok: true, value: p };
}

const DATE_FORMS = [/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/, /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/, /^(\d{4})(\d{2})(\d{2})$/];
const DATE_HINT = '日期格式无法识别，请填写如 2023-06-20、2023/6/20、2023年6月20日 或 2023.6.20';

/** Excel dates (serial numbers) or text dates; never later than today. */
export function readDate(cell: Cell | undefined, date1904: boolean, today: string): Read<string> {
  let iso: string | null = null;
  if (cell?.type === 'number' || cell?.type === 'date') {
    iso = serialToIsoDate(Number(cell.value), date1904);
    if (!iso) return fail('日期无效');
  } else {
    const s = cellText(cell)
      .normalize('NFKC')
      .trim()
      .replace(/\s+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/, '')
      .replace(/\s+/g, '');
    if (s === '') return fail('不能为空');
    let m: RegExpExecArray | null = null;
    for (let i = 0; i < DATE_FORMS.length && !m; i++) m = DATE_FORMS[i]?.exec(s) ?? null;
    if (!m) return fail(DATE_HINT);
    iso = `${m[1]}-${String(m[2]).padStart(2, '0')}-${String(m[3]).padStart(2, '0')}`;
    if (!isIsoDate(iso)) return fail('日期不存在');
  }
  if (iso < '1900-01-01') return fail('日期早于1900年');
  if (iso > today) return fail('日期不能晚于今天');
  return { ok: true, value: iso };
}

// What real rosters write in 人员类别 besides the three labels. The special groups have many names; 在职 and 退休 are
// not special groups (a worker on the payroll, a retiree keeping the membership) and import with no category, a
// retiree with a notice that the 保留会籍 status is set in 会员管理.
const CATEGORY_ALIASES: Record<string, MemberCategory> = {
  进城务工人员: 'migrant',
  外来务工人员: 'migrant',
  农民工会员: 'migrant',
  新就业形态劳动者: 'new_forms',
  新就业形态: 'new_forms',
  新就业群体: 'new_forms',
  新业态: 'new_forms',
  新业态从业人员: 'new_forms',
  劳务派遣人员: 'dispatched',
  劳务派遣工: 'dispatched',
  派遣工: 'dispatched',
  派遣员工: 'dispatched',
};
const PLAIN_WORKER = new Set(['在职职工', '在职', '在职人员', '职工', '正式职工', '合同制职工', '普通职工']);
const RETIREE = new Set(['退休职工', '退休', '退休人员', '离退休', '离退休人员']);
export const RETIREE_NOTICE =
  '人员类别：退休职工按在册会员导入，请在会员管理中将其会籍状态改为保留会籍（名册填写“退休日期”列即可直接导入为保留会籍）';
/** A registered member's 保留会籍 is recorded in 会员管理 (a status change with its date), not by the roster. */
export const RETIREE_REGISTERED_NOTICE = '退休日期：该会员已在册，会籍状态未按本表修改，请在会员管理中办理保留会籍';

const CATEGORY_BY_TEXT = new Map<string, MemberCategory>([
  ...MEMBER_CATEGORIES.flatMap(
    (k) =>
      [
        [MEMBER_CATEGORY_LABELS[k], k],
        [k, k],
      ] as const,
  ),
  ...Object.entries(CATEGORY_ALIASES),
]);

/** The special categories of a 人员类别 cell, and whether it names a retiree (imported with a notice). */
export function readCategories(cell: Cell | undefined): Read<MemberCategory[] | null> & { retiree?: boolean } {
  const s = cellText(cell).normalize('NFKC').trim();
  if (s === '') return { ok: true, value: null };
  const out = new Set<MemberCategory>();
  let retiree = false;
  for (const part of s.split(/[、,;/\s]+/).filter(Boolean)) {
    if (PLAIN_WORKER.has(part)) continue;
    if (RETIREE.has(part)) {
      retiree = true;
      continue;
    }
    const k = CATEGORY_BY_TEXT.get(part);
    if (!k)
      return fail(`“${part.slice(0, 20)}”不是可选的人员类别（${MEMBER_CATEGORIES.map((c) => MEMBER_CATEGORY_LABELS[c]).join('、')}）`);
    out.add(k);
  }
  return { ok: true, value: [...out], ...(retiree ? { retiree } : {}) };
}

const GENDERS = new Map<string, 'male' | 'female'>([
  ['男', 'male'],
  ['男性', 'male'],
  ['女', 'female'],
  ['女性', 'female'],
]);

export function readGender(cell: Cell | undefined): Read<'male' | 'female' | undefined> {
  const s = cellText(cell).normalize('NFKC').trim();
  if (s === '') return { ok: true, value: undefined };
  const g = GENDERS.get(s);
  return g ? { ok: true, value: g } : fail('应填写“男”或“女”');
}

/** What a cell shows, for the error report. */
export function displayOf(c: Cell, date1904: boolean): string {
  if (c.type === 'date') return serialToIsoDate(Number(c.value), date1904) ?? String(c.value);
  if (c.type === 'boolean') return c.value ? 'TRUE' : 'FALSE';
  return cellText(c);
}

/** Longest cell text a roster may hold; longer cells make the row an error. */
export const MAX_CELL_TEXT = 1000;
/** Columns beyond the header that the error report keeps (it shows the header's width). */
const MAX_REPORT_COLUMNS = 64;

/** The cells kept for the error report: the header's width, each text cut to MAX_CELL_TEXT. */
function clip(cells: Cell[], width: number): Cell[] {
  const out = cells.slice(0, Math.min(Math.max(width, 1), MAX_REPORT_COLUMNS));
  for (let i = 0; i < out.length; i++) {
    const c = out[i] ?? EMPTY;
    if (typeof c.value === 'string' && c.value.length > MAX_CELL_TEXT)
      out[i] = { value: `${c.value.slice(0, MAX_CELL_TEXT)}…`, type: c.type };
  }
  return out;
}

/** One issue for the first cell longer than MAX_CELL_TEXT (its column named by the header, else its letter). */
function longCell(row: Row, header: Header): Issue | null {
  const i = row.cells.findIndex((c) => typeof c.value === 'string' && c.value.length > MAX_CELL_TEXT);
  if (i < 0) return null;
  const name = header.cells[i]?.trim() || `${columnLetter(i)}列`;
  return { column: name.slice(0, 20), message: `${name.slice(0, 20)}：内容超过${MAX_CELL_TEXT}个字符` };
}

const cellAt = (row: Row, i: number | undefined): Cell | undefined => (i === undefined ? undefined : row.cells[i]);

/** The value of a read, or undefined after recording why it failed (module-level: this runs per row). */
function take<T>(issues: Issue[], k: ColumnKey, r: Read<T>): T | undefined {
  if (r.ok) return r.value;
  issues.push({ column: LABELS[k], message: `${LABELS[k]}：${r.error}` });
  return undefined;
}

/** The optional 退休日期: only for a retiree, not before joining, not after today. */
function readRetiredAt(row: Row, ctx: RowContext, issues: Issue[], joinedAt: string | undefined, retiree: boolean): string | undefined {
  const cell = cellAt(row, ctx.header.columns.retiredAt);
  if (cellText(cell).trim() === '') return undefined;
  const date = take(issues, 'retiredAt', readDate(cell, ctx.date1904, ctx.today));
  if (date === undefined) return undefined;
  const why = !retiree ? '只对人员类别为“退休职工”的会员填写' : joinedAt && date < joinedAt ? `不能早于入会日期 ${joinedAt}` : null;
  if (why) issues.push({ column: LABELS.retiredAt, message: `${LABELS.retiredAt}：${why}` });
  return why ? undefined : date;
}

export function prepareRow(row: Row, ctx: RowContext, seen: Map<string, number>): PreparedRow {
  const cols = ctx.header.columns;
  const issues: Issue[] = [];
  const cells = clip(row.cells, ctx.header.cells.length);
  const tooLong = longCell(row, ctx.header);
  if (tooLong) issues.push(tooLong);
  const idr = take(issues, 'idNumber', readIdNumber(cellAt(row, cols.idNumber)));
  if (idr) {
    const first = seen.get(idr.id);
    if (first === undefined) seen.set(idr.id, row.rowNumber);
    else issues.push({ column: LABELS.idNumber, message: `身份证号：与第${first}行身份证号重复` });
  }
  const name = take(issues, 'name', readName(cellAt(row, cols.name)));
  const phone = take(issues, 'phone', readPhone(cellAt(row, cols.phone)));
  const joinedAt = take(issues, 'joinedAt', readDate(cellAt(row, cols.joinedAt), ctx.date1904, ctx.today));
  const categoryRead = readCategories(cellAt(row, cols.category));
  const categories = take(issues, 'category', categoryRead);
  const gender = take(issues, 'gender', readGender(cellAt(row, cols.gender)));
  const retiredAt = readRetiredAt(row, ctx, issues, joinedAt, categoryRead.retiree === true);
  const textOf = (i: number | undefined) => (i === undefined ? '' : cellText(cellAt(row, i)).trim());
  const org = ctx.resolveOrg(textOf(cols.org), textOf(cols.parentOrg));
  if (typeof org === 'string') issues.push({ column: LABELS.org, message: `${LABELS.org}：${org}` });

  if (issues.length === 0 && idr && name !== undefined && joinedAt !== undefined && typeof org !== 'string') {
    try {
      const { fields, secret } = identityFields(ctx.crypto, { name, idNumber: idr.id, phone, gender });
      return {
        ok: true,
        row: row.rowNumber,
        cells,
        org,
        fields,
        secret,
        joinedAt,
        categories: categories ?? null,
        ...(retiredAt ? { retiredAt } : {}),
        ...(idr.notice || (categoryRead.retiree && !retiredAt)
          ? {
              notice: [idr.notice, categoryRead.retiree && !retiredAt ? RETIREE_NOTICE : undefined].filter(Boolean).join('；'),
              noticeColumn: idr.notice ? LABELS.idNumber : LABELS.category,
            }
          : {}),
      };
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const label = e.field ? labelOf(e.field) : LABELS.idNumber;
      issues.push({ column: label, message: e.message });
    }
  }
  return { ok: false, row: row.rowNumber, cells, issues };
}

/** The duplicate check's key for a row already committed before a restart (same rules, no crypto). */
export function idKeyOf(row: Row, header: Header): string | null {
  const i = header.columns.idNumber;
  const r = readIdNumber(i === undefined ? undefined : row.cells[i]);
  return r.ok ? r.value.id : null;
}

export const isBlankRow = (row: Row): boolean =>
  row.cells.every((c) => c.value === null || (typeof c.value === 'string' && c.value.trim() === ''));
