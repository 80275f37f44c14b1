// The roster's columns: names as the template writes them, the aliases real rosters use, and finding the
// header row below title rows and merged cells.
import type { Cell, Row } from '../../platform/excel/index.ts';

export type ColumnKey = 'name' | 'idNumber' | 'phone' | 'joinedAt' | 'category' | 'gender' | 'org' | 'parentOrg' | 'retiredAt';

export interface ColumnSpec {
  key: ColumnKey;
  label: string;
  required: boolean;
  aliases: string[];
  /** Recognised in uploads but not written in the template. */
  optionalExtra?: boolean;
}

export const COLUMNS: readonly ColumnSpec[] = [
  { key: 'name', label: '姓名', required: true, aliases: ['会员姓名', '职工姓名', '名字'] },
  {
    key: 'idNumber',
    label: '身份证号',
    required: true,
    aliases: ['身份证号码', '公民身份号码', '公民身份证号', '公民身份证号码', '证件号码', '证件号', '身份证', '身份证件号码'],
  },
  { key: 'phone', label: '手机号', required: false, aliases: ['手机号码', '联系电话', '电话', '手机', '联系方式', '电话号码', '移动电话'] },
  { key: 'joinedAt', label: '入会日期', required: true, aliases: ['入会时间', '加入工会日期', '加入工会时间', '入会年月日'] },
  { key: 'category', label: '人员类别', required: false, aliases: ['类别', '会员类别', '人员类型', '职工类别'] },
  { key: 'gender', label: '性别', required: false, aliases: [] },
  { key: 'org', label: '所在工会', required: false, aliases: ['工会名称', '所属工会', '工会', '基层工会', '所在基层工会', '工会组织'] },
  // Tells apart unions with the same name (a city has many 城东…工会): the parent's name or USCC.
  {
    key: 'parentOrg',
    label: '上级工会',
    required: false,
    aliases: ['所在街道', '街道', '街道工会', '所属街道', '乡镇（街道）', '街道（乡镇）', '上级工会名称', '所属上级工会'],
    optionalExtra: true,
  },
  // A retiree with this date is imported as 保留会籍 from it; without it, as 在籍 with a notice (the date is not invented).
  {
    key: 'retiredAt',
    label: '退休日期',
    required: false,
    aliases: ['退休时间', '退休年月', '保留会籍日期', '办理退休日期'],
    optionalExtra: true,
  },
];
/** The template's columns. */
export const TEMPLATE_COLUMNS = COLUMNS.filter((c) => !c.optionalExtra);

export const LABELS = Object.fromEntries(COLUMNS.map((c) => [c.key, c.label])) as Record<ColumnKey, string>;

/** Header text without marks: full-width → half-width, no spaces, no `*`, no `(必填)`-style notes, no colon. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\*/g, '')
    .replace(/\([^)]*\)$/, '')
    .replace(/[:：]$/, '');
}

const ALIASES = new Map<string, ColumnKey>();
for (const c of COLUMNS) for (const a of [c.label, ...c.aliases]) ALIASES.set(normalizeHeader(a), c.key);

export const keyOfHeader = (text: string): ColumnKey | undefined => ALIASES.get(normalizeHeader(text));

export function cellText(c: Cell | undefined): string {
  if (!c || c.value === null) return '';
  return typeof c.value === 'string' ? c.value : String(c.value);
}

export interface Header {
  rowNumber: number;
  /** Column index (0-based) of each recognised column; the first one wins when a name repeats. */
  columns: Partial<Record<ColumnKey, number>>;
  /** The header row's own texts, for the error report. */
  cells: string[];
}

export const HEADER_SCAN_ROWS = 20;

/** The row among the first ones that names the most known columns (ties: the upper row). */
export function findHeader(rows: readonly Row[]): Header | null {
  let best: Header | null = null;
  let bestScore = 0;
  for (const row of rows) {
    if (row.rowNumber > HEADER_SCAN_ROWS) break;
    const columns: Partial<Record<ColumnKey, number>> = {};
    let score = 0;
    const exact = new Set<ColumnKey>();
    row.cells.forEach((cell, i) => {
      const text = cell.type === 'string' ? normalizeHeader(cellText(cell)) : '';
      const key = ALIASES.get(text);
      if (!key) return;
      // The template's own name beats an alias (手机号 over 电话), otherwise the first column wins.
      const isLabel = text === LABELS[key];
      if (columns[key] === undefined) score++;
      else if (exact.has(key) || !isLabel) return;
      columns[key] = i;
      if (isLabel) exact.add(key);
    });
    if (score > bestScore) {
      bestScore = score;
      best = { rowNumber: row.rowNumber, columns, cells: row.cells.map(cellText) };
    }
  }
  return bestScore >= 2 ? best : null;
}

/** Chinese explanation of what a header lacks, or null when the required columns are there. */
export function missingColumns(header: Header | null): string | null {
  const required = COLUMNS.filter((c) => c.required);
  const shape = `表头应包含：${required.map((c) => c.label).join('、')}（必填），以及${COLUMNS.filter((c) => !c.required)
    .map((c) => c.label)
    .join('、')}（选填）`;
  if (!header) return `在前${HEADER_SCAN_ROWS}行中未找到表头行。${shape}；建议使用导入模板`;
  const missing = required.filter((c) => header.columns[c.key] === undefined);
  if (missing.length === 0) return null;
  return `第${header.rowNumber}行表头缺少必填列：${missing.map((c) => c.label).join('、')}。${shape}`;
}
