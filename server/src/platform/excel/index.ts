export {
  XlsxWorkbook,
  EMPTY,
  columnIndex,
  columnLetter,
  serialToIsoDate,
  type Cell,
  type CellType,
  type Row,
  type RowsOptions,
} from './xlsx-reader.ts';
export { ExcelFileError, openZip, DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip.ts';
export type { SheetInfo } from './parts.ts';

/** A cell that starts with = + - @ (or a tab/CR) would run as a formula in Excel: prefix it with a quote. */
export function safeCell(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}
