// A campaign's beneficiary list (受助名单): its columns as the template writes them (金秋助学 adds the student's),
// finding the header row, and the template itself with text-formatted ID / phone columns and enum dropdowns.
import ExcelJS from 'exceljs';
import {
  ASSISTANCE_KINDS,
  ASSISTANCE_KIND_LABELS,
  FUND_SOURCES,
  FUND_SOURCE_LABELS,
  STUDENT_STAGES,
  STUDENT_STAGE_LABELS,
  type CampaignKind,
} from '@gonghui/common';
import type { Row } from '../../platform/excel/index.ts';
import { cellText, normalizeHeader } from '../member-imports/index.ts';

export type BeneficiaryKey =
  | 'name'
  | 'idNumber'
  | 'phone'
  | 'kind'
  | 'fundSource'
  | 'amount'
  | 'goodsValue'
  | 'date'
  | 'studentName'
  | 'school'
  | 'stage'
  | 'admissionYear';

interface Column {
  key: BeneficiaryKey;
  label: string;
  required: boolean;
  aliases: string[];
  width: number;
}

const BASE: Column[] = [
  { key: 'name', label: '姓名', required: true, aliases: ['职工姓名', '受助人姓名'], width: 10 },
  { key: 'idNumber', label: '身份证号', required: true, aliases: ['身份证号码', '公民身份号码', '证件号码'], width: 22 },
  { key: 'phone', label: '手机号', required: false, aliases: ['手机号码', '联系电话', '电话'], width: 15 },
  { key: 'kind', label: '帮扶类型', required: true, aliases: ['救助类型', '帮扶方式'], width: 12 },
  { key: 'fundSource', label: '资金来源', required: true, aliases: ['经费来源'], width: 12 },
  { key: 'amount', label: '金额（元）', required: true, aliases: ['金额', '发放金额', '慰问金额'], width: 12 },
  { key: 'goodsValue', label: '物资折价（元）', required: false, aliases: ['物资折价'], width: 14 },
  { key: 'date', label: '日期', required: true, aliases: ['帮扶日期', '慰问日期', '发放日期'], width: 12 },
];
const STUDENT: Column[] = [
  { key: 'studentName', label: '学生姓名', required: true, aliases: [], width: 10 },
  { key: 'school', label: '学校', required: true, aliases: ['就读学校'], width: 24 },
  { key: 'stage', label: '学段', required: true, aliases: ['就读阶段'], width: 10 },
  { key: 'admissionYear', label: '入学年份', required: true, aliases: [], width: 10 },
];

export const columnsOf = (kind: CampaignKind): Column[] => (kind === 'golden_autumn' ? [...BASE, ...STUDENT] : BASE);
export const LABEL_OF = Object.fromEntries([...BASE, ...STUDENT].map((c) => [c.key, c.label])) as Record<BeneficiaryKey, string>;

export type HeaderColumns = Partial<Record<BeneficiaryKey, number>>;
export interface Header {
  rowNumber: number;
  columns: HeaderColumns;
}

/** The row among the first 20 naming the most known columns; null or the missing required columns' message. */
export function findHeader(rows: readonly Row[], kind: CampaignKind): { header: Header } | { problem: string } {
  const cols = columnsOf(kind);
  const names = new Map<string, BeneficiaryKey>();
  for (const c of cols) for (const a of [c.label, ...c.aliases]) names.set(normalizeHeader(a), c.key);
  let best: Header | null = null;
  let bestScore = 0;
  for (const row of rows) {
    const columns: HeaderColumns = {};
    row.cells.forEach((cell, i) => {
      const key = cell.type === 'string' ? names.get(normalizeHeader(cellText(cell))) : undefined;
      if (key && columns[key] === undefined) columns[key] = i;
    });
    const score = Object.keys(columns).length;
    if (score > bestScore) [best, bestScore] = [{ rowNumber: row.rowNumber, columns }, score];
  }
  const required = cols.filter((c) => c.required);
  const shape = `表头应包含：${required.map((c) => c.label).join('、')}；建议使用导入模板`;
  if (!best || bestScore < 2) return { problem: `在前20行中未找到表头行。${shape}` };
  const missing = required.filter((c) => best.columns[c.key] === undefined);
  if (missing.length) return { problem: `第${best.rowNumber}行表头缺少必填列：${missing.map((c) => c.label).join('、')}。${shape}` };
  return { header: best };
}

export const SHEET_NAME = '受助名单';
const TEMPLATE_ROWS = 20_000;

interface ListValidation {
  type: 'list';
  allowBlank: boolean;
  formulae: string[];
  showErrorMessage: boolean;
  errorTitle: string;
  error: string;
}
// exceljs supports worksheet data validations by range but leaves them out of its type definitions.
type WithValidations = { dataValidations: { add(range: string, v: ListValidation): void } };

export async function beneficiaryTemplate(c: { kind: CampaignKind; name: string; startsOn: string; endsOn: string }): Promise<Buffer> {
  const cols = columnsOf(c.kind);
  const wb = new ExcelJS.Workbook();
  wb.creator = '工会工作平台';
  const ws = wb.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = cols.map((col) => ({
    header: col.required ? `${col.label}*` : col.label,
    key: col.key,
    width: col.width,
    style: col.key === 'idNumber' || col.key === 'phone' ? { numFmt: '@' } : col.key === 'date' ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  cols.forEach((col, i) => {
    if (col.required) ws.getRow(1).getCell(i + 1).font = { bold: true, color: { argb: 'FFC00000' } };
  });
  const dv = (ws as unknown as WithValidations).dataValidations;
  const dropdown = (key: BeneficiaryKey, values: string[]) => {
    const letter = String.fromCharCode(65 + cols.findIndex((col) => col.key === key));
    dv.add(`${letter}2:${letter}${TEMPLATE_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${values.join(',')}"`],
      showErrorMessage: true,
      errorTitle: `${LABEL_OF[key]}有误`,
      error: `请从下拉列表中选择${LABEL_OF[key]}`,
    });
  };
  dropdown(
    'kind',
    ASSISTANCE_KINDS.map((k) => ASSISTANCE_KIND_LABELS[k]),
  );
  dropdown(
    'fundSource',
    FUND_SOURCES.map((f) => FUND_SOURCE_LABELS[f]),
  );
  if (c.kind === 'golden_autumn')
    dropdown(
      'stage',
      STUDENT_STAGES.map((s) => STUDENT_STAGE_LABELS[s]),
    );

  const help = wb.addWorksheet('说明');
  help.getColumn(1).width = 110;
  [
    `${c.name} 受助名单导入说明`,
    '',
    `1. 请在「${SHEET_NAME}」工作表中逐行填写，每行一名受助职工；第一行为表头，请勿修改列名。带 * 的列为必填。`,
    '2. 身份证号*：18位公民身份号码，该列已设置为“文本”格式，请勿改为数字格式。手机号可留空。',
    `3. 帮扶类型*、资金来源*${c.kind === 'golden_autumn' ? '、学段*' : ''}：请从下拉列表中选择。`,
    '4. 金额（元）*：以元为单位，最多两位小数；物资折价（元）可留空；金额和物资折价不能都为零。',
    `5. 日期*：应在活动期间（${c.startsOn} 至 ${c.endsOn}），如 2026-01-20。`,
    ...(c.kind === 'golden_autumn' ? ['6. 金秋助学须填写学生姓名、学校、学段和入学年份（如 2025）。'] : []),
    '· 同一身份证号在文件中只能出现一次；已在本活动中登记过的职工不能再次报送。',
    '· 先“校验”文件，系统会列出每一行的问题；确认导入时只导入没有错误的行，有错误的行请修改后重新上传。',
    `· 单个文件不超过 ${TEMPLATE_ROWS.toLocaleString('en-US')} 行。`,
  ].forEach((line, i) => {
    const cell = help.getCell(i + 1, 1);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) cell.font = { bold: true, size: 14 };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
