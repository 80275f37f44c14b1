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
export { MAX_CELL_CHARS, PART_LIMITS } from './parts.ts';
export { WorkerWorkbook, DEFAULT_WORKER_LIMITS, type WorkbookReader, type WorkerOptions } from './worker.ts';

/** A cell that starts with = + - @ (or a tab/CR) would run as a formula in Excel: prefix it with a quote. */
export function safeCell(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}
