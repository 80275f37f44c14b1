// Small real files of every accepted kind and of kinds that must be refused, for the attachment tests.
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { zipOf } from '../excel/testkit.ts';

/** A valid 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

export async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('会员').addRow(['姓名', '单位']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const CT = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${main}"/></Types>`;

/** A docx as Word writes its skeleton: content types, the main part. */
export const docx = () =>
  zipOf({
    '[Content_Types].xml': CT('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'),
    '_rels/.rels': '<Relationships/>',
    'word/document.xml': '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>',
  });

/** The same with macros (a docm under a docx name). */
export const docm = () =>
  zipOf({
    '[Content_Types].xml': CT('application/vnd.ms-word.document.macroEnabled.main+xml'),
    'word/document.xml': '<w:document/>',
    'word/vbaProject.bin': randomBytes(64),
  });

/** A zip that is not an Office file. */
export const plainZip = () => zipOf({ 'readme.txt': '你好', 'run.bat': 'echo hi' });

/** A Windows executable header (what a renamed .exe starts with). */
export const EXE = Buffer.concat([
  Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'),
  Buffer.alloc(120),
  Buffer.from('This program cannot be run in DOS mode.'),
]);
export const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
export const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

/** An OLE compound file header with a Word stream name (enough for the sniffer's legacy-Office rule). */
export const DOC = Buffer.concat([
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  Buffer.alloc(504),
  Buffer.from('WordDocument', 'utf16le'),
  Buffer.alloc(64),
]);
/** An OLE compound file that is neither (an msi installer looks like this). */
export const MSI = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);

/** A multipart body with one `file` part; the name travels as UTF-8 as browsers send it. */
export function multipart(file: Buffer, fileName: string, claimedType = 'application/octet-stream') {
  const boundary = `----gh${randomBytes(12).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName.replace(/"/g, '%22')}"\r\nContent-Type: ${claimedType}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head, 'utf8'), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
