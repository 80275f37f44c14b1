// The 组织名册's columns: names and aliases a cadre's own sheet may use, finding the header row, reading each row's
// cells into an org's fields (level and kind by their Chinese labels), and the blank template.
import ExcelJS from 'exceljs';
import {
  LIMITS,
  ORG_KINDS,
  ORG_KIND_LABELS,
  ORG_LEVELS,
  ORG_LEVEL_LABELS,
  normalizeUscc,
  todayCst,
  usccError,
  type OrgKind,
  type OrgLevel,
} from '@gonghui/common';
import type { Row } from '../../platform/excel/index.ts';
import { cellText, displayOf, normalizeHeader, readDate } from '../member-imports/index.ts';

export const SHEET_NAME = '组织名册';
export const HEADER_SCAN_ROWS = 20;

export type ColumnKey =
  | 'name'
  | 'parent'
  | 'level'
  | 'kind'
  | 'uscc'
  | 'foundedAt'
  | 'chairName'
  | 'headcount'
  | 'divisionCode'
  | 'contactName'
  | 'employerName'
  | 'address';

interface Column {
  key: ColumnKey;
  label: string;
  aliases: string[];
  required?: boolean;
  width: number;
}

export const COLUMNS: Column[] = [
  { key: 'name', label: '组织名称', aliases: ['工会名称', '名称', '组织全称'], required: true, width: 30 },
  { key: 'parent', label: '上级组织', aliases: ['上级工会', '上级组织名称', '上级'], width: 30 },
  { key: 'level', label: '层级', aliases: ['级别', '组织层级', '组织级别'], width: 16 },
  { key: 'kind', label: '类型', aliases: ['组织类型', '工会类型', '类别'], width: 16 },
  { key: 'uscc', label: '统一社会信用代码', aliases: ['社会信用代码', '信用代码', '工会统一社会信用代码'], width: 22 },
  { key: 'foundedAt', label: '成立日期', aliases: ['建会日期', '成立时间', '建会时间'], width: 14 },
  { key: 'chairName', label: '主席', aliases: ['工会主席', '主席姓名'], width: 12 },
  { key: 'headcount', label: '会员人数', aliases: ['职工人数', '人数', '会员数'], width: 10 },
  { key: 'divisionCode', label: '行政区划代码', aliases: ['区划代码'], width: 14 },
  { key: 'contactName', label: '联系人', aliases: [], width: 12 },
  { key: 'employerName', label: '所在单位', aliases: ['单位名称', '建会单位'], width: 24 },
  { key: 'address', label: '地址', aliases: ['办公地址', '通讯地址'], width: 30 },
];
const LABEL_OF = new Map(COLUMNS.map((c) => [c.key, c.label]));
export const labelOf = (k: ColumnKey) => LABEL_OF.get(k) ?? k;

const ALIASES = new Map<string, ColumnKey>();
for (const c of COLUMNS) for (const a of [c.label, ...c.aliases]) ALIASES.set(normalizeHeader(a), c.key);

export interface Header {
  rowNumber: number;
  columns: Partial<Record<ColumnKey, number>>;
  cells: string[];
}

/** The first of the top rows naming the 组织名称 column, with every recognised column (the first one wins). */
export function findHeader(rows: Row[]): Header | null {
  for (const r of rows) {
    const columns: Partial<Record<ColumnKey, number>> = {};
    r.cells.forEach((c, i) => {
      const k = ALIASES.get(normalizeHeader(cellText(c)));
      if (k && columns[k] === undefined) columns[k] = i;
    });
    if (columns.name !== undefined) return { rowNumber: r.rowNumber, columns, cells: r.cells.map((c) => cellText(c).trim()) };
  }
  return null;
}

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
const LEVEL_WORDS = new Map<string, OrgLevel>();
const addLevel = (l: OrgLevel, ...words: string[]) => {
  for (const w of [l, ORG_LEVEL_LABELS[l], ...words]) LEVEL_WORDS.set(squash(w), l);
};
addLevel('province', '省级', '省', '省总');
addLevel('city', '市级', '市', '市总');
addLevel('district', '县级', '区级', '县区', '县', '区', '县/区', '县(区)总工会', '区总工会', '县总工会');
addLevel('street', '街道', '乡镇', '街道/乡镇', '乡镇街道', '街道总工会', '乡镇总工会', '街道工会', '乡镇工会');
addLevel('federation', '联合会', '联合工会', '工会联合会', '工联会');
addLevel('grassroots', '基层', '基层工会');
const KIND_WORDS = new Map<string, OrgKind>();
for (const k of ORG_KINDS) for (const w of [k, ORG_KIND_LABELS[k]]) KIND_WORDS.set(squash(w), k);
for (const [w, k] of [
  ['总工会', 'federation_body'],
  ['国有企业', 'enterprise_state'],
  ['国企', 'enterprise_state'],
  ['集体企业', 'enterprise_collective'],
  ['非公企业', 'enterprise_private'],
  ['民营企业', 'enterprise_private'],
  ['外资企业', 'enterprise_foreign'],
  ['机关事业单位', 'public_institution'],
  ['社区工会', 'community'],
  ['村工会', 'community'],
  ['社区', 'community'],
  ['行业工会', 'industry_federation'],
  ['新业态', 'new_forms'],
  ['学校', 'school'],
  ['医院', 'hospital'],
  ['项目', 'project'],
] as const)
  KIND_WORDS.set(squash(w), k);

export const LEVEL_HINT = `应为${ORG_LEVELS.map((l) => ORG_LEVEL_LABELS[l]).join('、')}之一`;
export const KIND_HINT = '请从模板的下拉列表中选择';
export const readLevel = (s: string): OrgLevel | undefined => LEVEL_WORDS.get(squash(s));
export const readKind = (s: string): OrgKind | undefined => KIND_WORDS.get(squash(s));

/** One row of the file: its cells as text (for the error report) and its fields, or the problems found. */
export interface ParsedRow {
  row: number;
  raw: string[];
  name: string;
  parent: string;
  level?: OrgLevel;
  kind?: OrgKind;
  uscc?: string;
  details: {
    divisionCode?: string;
    foundedAt?: string;
    chairName?: string;
    contactName?: string;
    employerName?: string;
    headcount?: number;
    address?: string;
  };
  issues: { column: string; message: string }[];
}

const TEXT_LIMITS: Partial<Record<ColumnKey, number>> = {
  name: LIMITS.name,
  parent: 1000,
  chairName: 50,
  contactName: 50,
  employerName: 100,
  address: 500,
};

export function parseRow(r: Row, h: Header, date1904: boolean): ParsedRow {
  const width = Math.max(h.cells.length, 1);
  const raw = r.cells.slice(0, width).map((c) => displayOf(c, date1904));
  const cell = (k: ColumnKey) => (h.columns[k] === undefined ? undefined : r.cells[h.columns[k]]);
  const text = (k: ColumnKey) => cellText(cell(k)).normalize('NFKC').trim();
  const out: ParsedRow = { row: r.rowNumber, raw, name: text('name'), parent: text('parent'), details: {}, issues: [] };
  // A reason that names its column already (the code validator's) is not prefixed with it again.
  const issue = (k: ColumnKey, message: string) =>
    out.issues.push({
      column: labelOf(k),
      message: message.startsWith(labelOf(k)) ? `第${r.rowNumber}行：${message}` : `第${r.rowNumber}行「${labelOf(k)}」：${message}`,
    });
  for (const [k, max] of Object.entries(TEXT_LIMITS) as [ColumnKey, number][]) if (text(k).length > max) issue(k, `不能超过 ${max} 个字`);
  if (!out.name) issue('name', '不能为空');
  const level = text('level');
  if (level) {
    out.level = readLevel(level);
    if (!out.level) issue('level', `无法识别「${level.slice(0, 20)}」，${LEVEL_HINT}`);
  }
  const kind = text('kind');
  if (kind) {
    out.kind = readKind(kind);
    if (!out.kind) issue('kind', `无法识别「${kind.slice(0, 20)}」，${KIND_HINT}`);
  }
  const uscc = normalizeUscc(text('uscc'));
  if (uscc) {
    const err = usccError(uscc);
    if (err) issue('uscc', err);
    else out.uscc = uscc;
  }
  if (text('foundedAt')) {
    const d = readDate(cell('foundedAt'), date1904, todayCst());
    if (d.ok) out.details.foundedAt = d.value;
    else issue('foundedAt', d.error);
  }
  const headcount = text('headcount').replace(/[,，人]/g, '');
  if (headcount) {
    const n = Number(headcount);
    if (!/^\d+$/.test(headcount) || n > 10_000_000) issue('headcount', '应为不超过一千万的整数');
    else out.details.headcount = n;
  }
  const division = text('divisionCode');
  if (division) {
    if (/^\d{6}(\d{3}|\d{6})?$/.test(division)) out.details.divisionCode = division;
    else issue('divisionCode', '行政区划代码应为6、9或12位数字');
  }
  for (const k of ['chairName', 'contactName', 'employerName', 'address'] as const) if (text(k)) out.details[k] = text(k);
  return out;
}

const RULES = [
  '组织名册导入说明',
  '',
  '1. 在「组织名册」工作表中每行填写一个组织；第一行为表头，请勿修改列名。带 * 的列为必填。',
  '2. 上级组织：填写上级组织的准确名称；有同名组织时写成「街道名称/工会名称」这样的路径，或填写上级组织的统一社会信用代码。留空表示导入时选择的组织。上级组织可以是本表中靠前的一行（先写上级，再写下级）。',
  `3. 层级：新建组织必填，${LEVEL_HINT}；下级的层级须低于上级。`,
  '4. 类型：新建组织必填（地方总工会可留空），从下拉列表选择。',
  '5. 统一社会信用代码：18位，会校验校验位；与已登记组织相同，或与同一上级下已登记组织同名的行，将更新该组织（名称、层级、上级不变，更名、升格、转出请在组织详情中办理）。',
  '6. 成立日期：如 2023-06-20，不能晚于今天；新建组织会登记一条「建会」记录。',
  '7. 请先「预检」：系统列出每一行的问题并可下载错误报告；没有错误时再「确认导入」，导入要么全部成功，要么一条也不写入。',
  '8. 只能导入到您管辖范围内的组织之下；单个文件不超过 20,000 行。',
];

export async function templateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '工会工作平台';
  const ws = wb.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({
    header: c.required ? `${c.label}*` : c.label,
    key: c.key,
    width: c.width,
    style: c.key === 'uscc' || c.key === 'divisionCode' ? { numFmt: '@' } : c.key === 'foundedAt' ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  const letter = (key: ColumnKey) => String.fromCharCode(65 + COLUMNS.findIndex((c) => c.key === key));
  const dv = (ws as unknown as { dataValidations: { add(range: string, v: object): void } }).dataValidations;
  const list = (values: string[], what: string) => ({
    type: 'list',
    allowBlank: true,
    formulae: [`"${values.join(',')}"`],
    showErrorMessage: true,
    errorTitle: `${what}有误`,
    error: `请从下拉列表中选择${what}`,
  });
  dv.add(
    `${letter('level')}2:${letter('level')}5001`,
    list(
      ORG_LEVELS.map((l) => ORG_LEVEL_LABELS[l]),
      '层级',
    ),
  );
  dv.add(
    `${letter('kind')}2:${letter('kind')}5001`,
    list(
      ORG_KINDS.map((k) => ORG_KIND_LABELS[k]),
      '类型',
    ),
  );
  const help = wb.addWorksheet('说明');
  help.getColumn(1).width = 110;
  RULES.forEach((line, i) => {
    const c = help.getCell(i + 1, 1);
    c.value = line;
    c.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) c.font = { bold: true, size: 14 };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
