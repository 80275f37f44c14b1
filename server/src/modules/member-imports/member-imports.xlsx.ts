// The files a cadre downloads: the import template and the error report (original rows plus 错误原因).
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { MEMBER_CATEGORIES, MEMBER_CATEGORY_LABELS } from '@gonghui/common';
import { safeCell } from '../../platform/excel/index.ts';
import { TEMPLATE_COLUMNS } from './member-imports.columns.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const TEMPLATE_ROWS = 10_000;

/** Content-Disposition with a UTF-8 file name and an ASCII fallback. */
export function attachment(fileName: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

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

const RULES = [
  '会员名册导入说明',
  '',
  '1. 请在「会员名册」工作表中逐行填写，每行一名会员；第一行为表头，请勿修改列名。带 * 的列为必填。',
  '2. 姓名*：与身份证一致；可包含少数民族姓名中的间隔号“·”。',
  '3. 身份证号*：18位公民身份号码，末位 X 大小写均可；15位旧号码会自动转换为18位。该列已设置为“文本”格式，请勿改为数字格式，否则后几位会变成0。',
  '4. 手机号：11位中国大陆手机号，可留空。',
  '5. 入会日期*：如 2023-06-20、2023/6/20、2023年6月20日 或 2023.6.20，不能晚于今天。',
  `6. 人员类别：可留空，或从下拉列表选择（${MEMBER_CATEGORIES.map((c) => MEMBER_CATEGORY_LABELS[c]).join('、')}）；多个类别用顿号分隔。`,
  '7. 性别：可留空（按身份证号自动识别）；填写时须与身份证号一致。',
  '8. 所在工会：可留空，表示登记在导入时选择的工会；也可填写其下级工会的准确名称或统一社会信用代码。',
  '9. 可选列（模板中没有，需要时在表头添加）：「上级工会」（或“所在街道”）填写所在工会的上级，用于区分同名工会；「退休日期」在人员类别为“退休职工”时填写，该会员按保留会籍导入，不填则按在籍导入并提示。',
  '10. 同一身份证号在文件中只能出现一次；已在本工会登记的会员将按表中信息更新，已在其他工会登记的会员需办理会员接转，不会被导入。',
  '11. 可先选择“仅校验”检查文件，系统会列出每一行的问题并可下载错误报告，修改后再正式导入。',
  '12. 单个文件不超过 100 MB、110万行。',
];

export async function templateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '工会工作平台';
  const ws = wb.addWorksheet('会员名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = TEMPLATE_COLUMNS.map((c) => ({
    header: c.required ? `${c.label}*` : c.label,
    key: c.key,
    width: { idNumber: 22, phone: 15, joinedAt: 14, org: 30, category: 14 }[c.key as string] ?? 10,
    style: c.key === 'idNumber' || c.key === 'phone' ? { numFmt: '@' } : c.key === 'joinedAt' ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  TEMPLATE_COLUMNS.forEach((c, i) => {
    if (c.required) header.getCell(i + 1).font = { bold: true, color: { argb: 'FFC00000' } };
  });
  const letter = (key: string) => String.fromCharCode(65 + TEMPLATE_COLUMNS.findIndex((c) => c.key === key));
  const list = (values: string[], what: string): ListValidation => ({
    type: 'list',
    allowBlank: true,
    formulae: [`"${values.join(',')}"`],
    showErrorMessage: true,
    errorTitle: `${what}有误`,
    error: `请从下拉列表中选择${what}`,
  });
  const dv = (ws as unknown as WithValidations).dataValidations;
  dv.add(
    `${letter('category')}2:${letter('category')}${TEMPLATE_ROWS + 1}`,
    list(
      MEMBER_CATEGORIES.map((c) => MEMBER_CATEGORY_LABELS[c]),
      '人员类别',
    ),
  );
  dv.add(`${letter('gender')}2:${letter('gender')}${TEMPLATE_ROWS + 1}`, list(['男', '女'], '性别'));

  const help = wb.addWorksheet('说明');
  help.getColumn(1).width = 110;
  RULES.forEach((line, i) => {
    const cell = help.getCell(i + 1, 1);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) cell.font = { bold: true, size: 14 };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ReportSource {
  header: string[];
  /** Indexes of columns that hold ID numbers or phones: kept as text. */
  textColumns: number[];
  /** Error lines in row order, page by page. */
  pages(): AsyncGenerator<{ row: number; raw: string[]; reason: string }[]>;
}

/** Streams the error report: 原表行号, the file's own columns, then 错误原因. */
export function errorReportStream(src: ReportSource, onError: (e: unknown) => void): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const ws = wb.addWorksheet('错误报告', { views: [{ state: 'frozen', ySplit: 1 }] });
  const width = src.header.length;
  ws.columns = [
    { header: '原表行号', width: 10 },
    ...src.header.map((h, i) => ({
      header: safeCell(h),
      width: src.textColumns.includes(i) ? 22 : 14,
      style: src.textColumns.includes(i) ? { numFmt: '@' } : {},
    })),
    { header: '错误原因', width: 60 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  void (async () => {
    for await (const page of src.pages()) {
      for (const line of page) {
        // Cells beyond the header have no column name; the report keeps the header's width. The uploader's text
        // is written as text that Excel never evaluates (=, +, -, @ lead a formula).
        const row = ws.addRow([line.row, ...Array.from({ length: width }, (_, i) => safeCell(line.raw[i] ?? '')), line.reason]);
        row.getCell(width + 2).font = { color: { argb: 'FFC00000' } };
        row.commit();
      }
      while (out.writableNeedDrain) await once(out, 'drain');
    }
    ws.commit();
    await wb.commit();
  })().catch((e: unknown) => {
    onError(e);
    out.destroy(e instanceof Error ? e : new Error(String(e)));
  });
  return out;
}
