// What an upload is, decided by its bytes alone: the claimed MIME type and the extension are never believed. Only
// formats a cadre's browser or office suite opens without running code are recognised; anything else (executables,
// HTML, SVG, scripts, archives, macro-enabled Office files) is unknown and refused by the caller.
import { inflateRawSync } from 'node:zlib';
import type { AttachmentKindGroup } from '@gonghui/common';

export interface FileKind {
  key: 'jpeg' | 'png' | 'gif' | 'webp' | 'pdf' | 'docx' | 'xlsx' | 'pptx' | 'doc' | 'xls';
  contentType: string;
  /** Extensions a file of this kind may carry; the first is added to a name without one. */
  extensions: readonly string[];
  /** Shown in the browser (raster images, PDF) rather than saved. */
  inline: boolean;
  label: string;
}

const kind = (key: FileKind['key'], contentType: string, extensions: string[], inline: boolean, label: string): FileKind => ({
  key,
  contentType,
  extensions,
  inline,
  label,
});

export const FILE_KINDS = {
  jpeg: kind('jpeg', 'image/jpeg', ['jpg', 'jpeg'], true, 'JPEG 图片'),
  png: kind('png', 'image/png', ['png'], true, 'PNG 图片'),
  gif: kind('gif', 'image/gif', ['gif'], true, 'GIF 图片'),
  webp: kind('webp', 'image/webp', ['webp'], true, 'WebP 图片'),
  pdf: kind('pdf', 'application/pdf', ['pdf'], true, 'PDF 文件'),
  docx: kind('docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ['docx'], false, 'Word 文档'),
  xlsx: kind('xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ['xlsx'], false, 'Excel 表格'),
  pptx: kind('pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', ['pptx'], false, 'PowerPoint 演示文稿'),
  doc: kind('doc', 'application/msword', ['doc'], false, 'Word 97-2003 文档'),
  xls: kind('xls', 'application/vnd.ms-excel', ['xls'], false, 'Excel 97-2003 表格'),
} as const satisfies Record<FileKind['key'], FileKind>;

/** The group a record's rules allow a kind by (images, PDF, office files). */
export const KIND_GROUP: Record<FileKind['key'], AttachmentKindGroup> = {
  jpeg: 'image',
  png: 'image',
  gif: 'image',
  webp: 'image',
  pdf: 'pdf',
  docx: 'office',
  xlsx: 'office',
  pptx: 'office',
  doc: 'office',
  xls: 'office',
};

const startsWith = (buf: Buffer, bytes: number[] | string, at = 0) => {
  const b = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
  return buf.length >= at + b.length && buf.subarray(at, at + b.length).equals(b);
};

/** The kind of a file from its content, or undefined when it is none of the accepted ones. */
export function sniff(buf: Buffer): FileKind | undefined {
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return FILE_KINDS.jpeg;
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return FILE_KINDS.png;
  if (startsWith(buf, 'GIF87a') || startsWith(buf, 'GIF89a')) return FILE_KINDS.gif;
  if (startsWith(buf, 'RIFF') && startsWith(buf, 'WEBPVP8', 8)) return FILE_KINDS.webp;
  // At offset 0, not "within the first 1024 bytes" as readers allow: nothing may precede the header.
  if (startsWith(buf, '%PDF-')) return FILE_KINDS.pdf;
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return legacyOffice(buf);
  // A zip must start with a local file header: a self-extracting executable (MZ stub + zip) is not one.
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return ooxml(buf);
  return undefined;
}

const utf16 = (s: string) => Buffer.from(s, 'utf16le');

/**
 * OLE compound file (doc, xls, but also msi installers and others): accepted only with the directory entry of a
 * Word document or an Excel workbook, and without a macro storage.
 */
function legacyOffice(buf: Buffer): FileKind | undefined {
  if (buf.includes(utf16('_VBA_PROJECT')) || buf.includes(utf16('Macros'))) return undefined;
  if (buf.includes(utf16('WordDocument'))) return FILE_KINDS.doc;
  if (buf.includes(utf16('Workbook')) || buf.includes(utf16('Book\0'))) return FILE_KINDS.xls;
  return undefined;
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** The central directory of a zip, or undefined when it is not a well-formed one (zip64 is not needed at 10 MB). */
export function zipEntries(buf: Buffer): ZipEntry[] | undefined {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  let at = buf.readUInt32LE(eocd + 16);
  if (count === 0 || count > 10_000 || at + size > eocd) return undefined;
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > eocd || buf.readUInt32LE(at) !== 0x02014b50) return undefined;
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const localOffset = buf.readUInt32LE(at + 42);
    if (at + 46 + nameLen > eocd || localOffset >= eocd) return undefined;
    entries.push({ name: buf.toString('utf8', at + 46, at + 46 + nameLen), method, compressedSize, localOffset });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The bytes of one entry, inflated with a cap (the content-types part is a few kilobytes). */
function entryData(buf: Buffer, e: ZipEntry, maxBytes: number): Buffer | undefined {
  const h = e.localOffset;
  if (h + 30 > buf.length || buf.readUInt32LE(h) !== 0x04034b50) return undefined;
  const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  const raw = buf.subarray(start, start + e.compressedSize);
  if (raw.length !== e.compressedSize) return undefined;
  try {
    if (e.method === 0) return raw.length <= maxBytes ? raw : undefined;
    if (e.method === 8) return inflateRawSync(raw, { maxOutputLength: maxBytes });
  } catch {
    return undefined;
  }
  return undefined;
}

// The main part's content type in [Content_Types].xml; the macro-enabled variants (docm, xlsm, pptm) differ.
const OOXML_MAIN = [
  {
    kind: FILE_KINDS.docx,
    part: 'word/document.xml',
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  },
  { kind: FILE_KINDS.xlsx, part: 'xl/workbook.xml', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml' },
  {
    kind: FILE_KINDS.pptx,
    part: 'ppt/presentation.xml',
    type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
  },
];

/** docx/xlsx/pptx: a zip with [Content_Types].xml declaring the main part, that part present, and no macros. */
function ooxml(buf: Buffer): FileKind | undefined {
  const entries = zipEntries(buf);
  if (!entries) return undefined;
  const names = new Set(entries.map((e) => e.name));
  if ([...names].some((n) => /(^|\/)vbaProject\.bin$/i.test(n) || n.includes('..') || n.startsWith('/'))) return undefined;
  const ct = entries.find((e) => e.name === '[Content_Types].xml');
  if (!ct) return undefined;
  const xml = entryData(buf, ct, 1 << 20)?.toString('utf8');
  if (!xml || /macroEnabled/i.test(xml)) return undefined;
  for (const m of OOXML_MAIN) {
    if (names.has(m.part) && xml.includes(m.type)) return m.kind;
  }
  return undefined;
}
