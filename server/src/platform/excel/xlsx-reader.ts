// A streaming xlsx reader: one sheet's rows as an async iterator, in constant memory apart from the shared
// string table. Each cell keeps its stored type, so a caller can tell an ID number typed as a number (its
// last digits already lost) from one stored as text.
import {
  MAX_CELL_CHARS,
  PART_LIMITS,
  readDateStyles,
  readSharedStrings,
  readWorkbook,
  type SheetInfo,
  type WorkbookInfo,
} from './parts.ts';
import { decodeOoxmlEscapes, saxChunks } from './xml.ts';
import { ExcelFileError, openZip, DEFAULT_ZIP_LIMITS, type ZipArchive, type ZipLimits } from './zip.ts';

/** Column XFD, Excel's last. */
export const MAX_COLUMNS = 16_384;
/** Characters of one row's cells together, by default. */
export const DEFAULT_MAX_ROW_CHARS = 256 * 1024;

/** `date` cells hold the Excel serial number (days since 1899-12-30, or 1904-01-01 when `date1904`). */
export type CellType = 'string' | 'number' | 'boolean' | 'date' | 'error' | 'empty';
export interface Cell {
  value: string | number | boolean | null;
  type: CellType;
}
export interface Row {
  /** 1-based, as Excel shows it. */
  rowNumber: number;
  /** Dense from column A; missing cells are EMPTY. */
  cells: Cell[];
}

export const EMPTY: Cell = Object.freeze({ value: null, type: 'empty' });

export interface RowsOptions {
  /** Called after each chunk with bytes of sheet XML read so far and the total. */
  onProgress?(read: number, total: number): void;
  signal?: AbortSignal;
  /** The sheet's declared last row (`<dimension ref="A1:G1000">`), when it declares one. */
  onDimension?(lastRow: number): void;
  /** A row whose cells hold more characters together fails the file (shared strings count at full length). */
  maxRowChars?: number;
}

/** `B12` → 1 (0-based column); -1 when the reference has no letters. */
export function columnIndex(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return i === 0 ? -1 : n - 1;
}

export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const EPOCH_1904_OFFSET = 1462;

/** Serial of an ISO date (`t="d"` cells), in the 1900 system. */
function isoToSerial(iso: string): number {
  const ms = Date.parse(iso.length <= 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(ms) ? NaN : (ms - EXCEL_EPOCH_MS) / 86_400_000;
}

/** Excel serial → `YYYY-MM-DD`; null when out of range. Serials below 61 follow Excel's 1900-02-29 quirk. */
export function serialToIsoDate(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  let days = Math.floor(serial) + (date1904 ? EPOCH_1904_OFFSET : 0);
  if (!date1904 && days < 61) days += 1;
  return new Date(EXCEL_EPOCH_MS + days * 86_400_000).toISOString().slice(0, 10);
}

export class XlsxWorkbook {
  private strings: string[] | null = null;
  private dateStyles: boolean[] | null = null;

  private constructor(
    private readonly zip: ZipArchive,
    private readonly info: WorkbookInfo,
  ) {}

  static async open(file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<XlsxWorkbook> {
    const zip = await openZip(file, limits);
    try {
      return new XlsxWorkbook(zip, await readWorkbook(zip));
    } catch (e) {
      zip.close();
      throw e;
    }
  }

  get sheets(): readonly SheetInfo[] {
    return this.info.sheets;
  }
  get date1904(): boolean {
    return this.info.date1904;
  }
  sheetSize(sheet: SheetInfo): number {
    return this.zip.uncompressedSize(sheet.path);
  }

  close(): void {
    this.zip.close();
  }

  private async load(): Promise<{ strings: string[]; dateStyles: boolean[] }> {
    this.strings ??= await readSharedStrings(this.zip, this.info.sharedStringsPath);
    this.dateStyles ??= await readDateStyles(this.zip, this.info.stylesPath);
    return { strings: this.strings, dateStyles: this.dateStyles };
  }

  /** Rows that hold at least one value, in file order. */
  async *rows(sheet: SheetInfo, opts: RowsOptions = {}): AsyncGenerator<Row> {
    const { strings, dateStyles } = await this.load();
    const total = this.sheetSize(sheet);
    const out: Row[] = [];
    let rowNumber = 0;
    let cells: Cell[] = [];
    let col = -1;
    let type = 'n';
    let style = 0;
    let text = '';
    // 1: <v>, 2: <t> of an inline string outside phonetic runs
    let capture = 0;
    let phonetic = 0;

    const finishCell = () => {
      let cell: Cell;
      switch (type) {
        case 's': {
          const s = strings[Number(text)];
          cell = s === undefined || s === '' ? EMPTY : { value: s, type: 'string' };
          break;
        }
        case 'inlineStr':
        case 'str':
          cell = text === '' ? EMPTY : { value: decodeOoxmlEscapes(text), type: 'string' };
          break;
        case 'b':
          cell = text === '' ? EMPTY : { value: text === '1' || text === 'true', type: 'boolean' };
          break;
        case 'e':
          cell = { value: text, type: 'error' };
          break;
        case 'd': {
          const serial = isoToSerial(text);
          cell = Number.isNaN(serial) ? { value: text, type: 'string' } : { value: serial, type: 'date' };
          break;
        }
        default: {
          if (text === '') return;
          const n = Number(text);
          cell = Number.isNaN(n) ? { value: text, type: 'string' } : { value: n, type: dateStyles[style] ? 'date' : 'number' };
        }
      }
      if (cell === EMPTY) return;
      if (typeof cell.value === 'string') {
        if (cell.value.length > MAX_CELL_CHARS) {
          throw new ExcelFileError(`${where()}：单元格超过 ${MAX_CELL_CHARS} 个字符（Excel 的上限），文件可能被篡改，已拒绝处理`);
        }
        rowChars += cell.value.length;
        if (rowChars > maxRowChars) {
          throw new ExcelFileError(`${where()}：这一行的内容超过 ${maxRowChars} 个字符，已拒绝处理；请删除多余的列和内容后重新上传`);
        }
      }
      while (cells.length < col) cells.push(EMPTY);
      cells[col] = cell;
    };

    const maxRowChars = opts.maxRowChars ?? DEFAULT_MAX_ROW_CHARS;
    let rowChars = 0;
    const where = () => `第${rowNumber}行${col >= 0 && col < MAX_COLUMNS ? `${columnLetter(col)}列` : ''}`;
    const chunks = saxChunks(await this.zip.open(sheet.path, PART_LIMITS.sheet), {
      open(name, a) {
        switch (name) {
          case 'dimension': {
            const last = /(\d+)$/.exec(a.ref ?? '');
            if (last) opts.onDimension?.(Number(last[1]));
            break;
          }
          case 'row':
            rowNumber = a.r ? Number(a.r) : rowNumber + 1;
            cells = [];
            col = -1;
            rowChars = 0;
            break;
          case 'c': {
            const ref = a.r ? columnIndex(a.r) : -1;
            col = ref >= 0 ? ref : col + 1;
            // A reference past XFD would make the dense row array as long as the reference says.
            if (col >= MAX_COLUMNS) throw new ExcelFileError(`第${rowNumber}行的单元格位置超出 Excel 的列范围，文件可能被篡改，已拒绝处理`);
            type = a.t ?? 'n';
            style = a.s ? Number(a.s) : 0;
            text = '';
            break;
          }
          case 'v':
            capture = 1;
            break;
          case 't':
            if (phonetic === 0 && type === 'inlineStr') capture = 2;
            break;
          case 'rPh':
            phonetic++;
            break;
        }
      },
      close(name) {
        switch (name) {
          case 'v':
          case 't':
            capture = 0;
            break;
          case 'rPh':
            phonetic--;
            break;
          case 'c':
            finishCell();
            break;
          case 'row':
            if (cells.length > 0) out.push({ rowNumber, cells });
            break;
        }
      },
      text(t) {
        if (capture === 0) return;
        text += t;
        // 7: OOXML `_xHHHH_` escapes, decoded when the cell ends.
        if (text.length > MAX_CELL_CHARS * 7) {
          throw new ExcelFileError(`${where()}：单元格超过 ${MAX_CELL_CHARS} 个字符（Excel 的上限），文件可能被篡改，已拒绝处理`);
        }
      },
    });
    for await (const read of chunks) {
      if (opts.signal?.aborted) throw opts.signal.reason ?? new Error('aborted');
      for (const r of out) yield r;
      out.length = 0;
      opts.onProgress?.(read, total);
    }
  }
}
