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
