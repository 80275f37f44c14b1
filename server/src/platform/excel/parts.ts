// The small xlsx parts a sheet needs: the workbook (sheet names, 1904 dates), relationships (where each part
// lives), styles (which number formats are dates) and the shared string table.
import path from 'node:path/posix';
import { decodeOoxmlEscapes, parseXml } from './xml.ts';
import { ExcelFileError, type ZipArchive } from './zip.ts';

export interface SheetInfo {
  name: string;
  /** Zip entry name, e.g. `xl/worksheets/sheet1.xml`. */
  path: string;
  hidden: boolean;
}

export interface WorkbookInfo {
  sheets: SheetInfo[];
  date1904: boolean;
  sharedStringsPath: string | null;
  stylesPath: string | null;
}

const MiB = 1024 * 1024;
/** Declared uncompressed size each kind of part may have: the sheet streams, the others are held in memory. */
export const PART_LIMITS = { small: 16 * MiB, sharedStrings: 256 * MiB, sheet: 1024 * MiB } as const;
/** Excel's own limit for one cell; a longer one was not written by a spreadsheet. */
export const MAX_CELL_CHARS = 32_767;
/** Characters of the whole shared string table (held in memory while a sheet is read). */
const MAX_SST_CHARS = 96 * 1024 * 1024;
const cellTooLong = () => new ExcelFileError(`Excel 文件中有单元格超过 ${MAX_CELL_CHARS} 个字符，文件可能被篡改，已拒绝处理`);

const REL_TYPE_END = { sheet: '/worksheet', strings: '/sharedStrings', styles: '/styles' } as const;

async function readRels(zip: ZipArchive, relsPath: string, baseDir: string): Promise<Map<string, { type: string; target: string }>> {
  const rels = new Map<string, { type: string; target: string }>();
  if (!zip.has(relsPath)) return rels;
  await parseXml(await zip.open(relsPath, PART_LIMITS.small), {
    open(name, a) {
      if (name !== 'Relationship' || !a.Id || !a.Target || a.TargetMode === 'External') return;
      const target = a.Target.startsWith('/') ? a.Target.slice(1) : path.normalize(path.join(baseDir, a.Target));
      rels.set(a.Id, { type: a.Type ?? '', target });
    },
  });
  return rels;
}

export async function readWorkbook(zip: ZipArchive): Promise<WorkbookInfo> {
  if (!zip.has('xl/workbook.xml')) throw new ExcelFileError('文件不是有效的 .xlsx 工作簿，请使用导入模板填写后上传');
  const rels = await readRels(zip, 'xl/_rels/workbook.xml.rels', 'xl');
  const sheets: SheetInfo[] = [];
  let date1904 = false;
  await parseXml(await zip.open('xl/workbook.xml', PART_LIMITS.small), {
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name !== 'sheet') return;
      const rid = a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1];
      const rel = rid ? rels.get(rid) : undefined;
      if (rel && rel.type.endsWith(REL_TYPE_END.sheet) && zip.has(rel.target)) {
        sheets.push({ name: a.name ?? '', path: rel.target, hidden: a.state === 'hidden' || a.state === 'veryHidden' });
      }
    },
  });
  if (sheets.length === 0) throw new ExcelFileError('Excel 文件中没有工作表');
  const find = (end: string) => [...rels.values()].find((r) => r.type.endsWith(end) && zip.has(r.target))?.target ?? null;
  return { sheets, date1904, sharedStringsPath: find(REL_TYPE_END.strings), stylesPath: find(REL_TYPE_END.styles) };
}

// Built-in number formats that show dates (ECMA-376 §18.8.30 plus the CJK ones Excel and WPS use).
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
  if (/^(general|@)?$/i.test(bare.trim())) return false;
  return /[ymdhs年月日]/i.test(bare);
}

/** For each cell style index, whether its number format shows a date. */
export async function readDateStyles(zip: ZipArchive, stylesPath: string | null): Promise<boolean[]> {
  if (!stylesPath) return [];
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  await parseXml(await zip.open(stylesPath, PART_LIMITS.small), {
    open(name, a) {
      if (name === 'numFmt' && a.numFmtId) custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfFormats.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return xfFormats.map((id) => {
    const code = custom.get(id);
    return code === undefined ? BUILTIN_DATE_FORMATS.has(id) : isDateFormat(code);
  });
}

/** The shared string table; rich-text runs are joined, phonetic guides (rPh) left out. */
export async function readSharedStrings(zip: ZipArchive, sstPath: string | null): Promise<string[]> {
  if (!sstPath) return [];
  const out: string[] = [];
  let parts: string[] = [];
  let chars = 0;
  let total = 0;
  let inT = false;
  let phonetic = 0;
  await parseXml(await zip.open(sstPath, PART_LIMITS.sharedStrings), {
    open(name) {
      if (name === 't') inT = phonetic === 0;
      else if (name === 'rPh') phonetic++;
      else if (name === 'si') {
        parts = [];
        chars = 0;
      }
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') {
        const s = decodeOoxmlEscapes(parts.length === 1 ? (parts[0] ?? '') : parts.join(''));
        if (s.length > MAX_CELL_CHARS) throw cellTooLong();
        out.push(s);
      }
    },
    text(t) {
      if (!inT) return;
      // Rich text splits one string into many runs: the bound is on the joined string (7: `_xHHHH_` escapes).
      chars += t.length;
      total += t.length;
      if (chars > MAX_CELL_CHARS * 7) throw cellTooLong();
      if (total > MAX_SST_CHARS) throw new ExcelFileError('Excel 文件的共享字符串表过大，已拒绝处理；请拆分文件后重新上传');
      parts.push(t);
    },
  });
  return out;
}
