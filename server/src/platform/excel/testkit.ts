// Test helper: hand-built zip archives, for hostile or malformed xlsx files no spreadsheet writer would produce.
import { once } from 'node:events';
import zlib from 'node:zlib';

interface Deflated {
  name: string;
  data: Buffer;
  crc: number;
  size: number;
}

function assemble(files: Deflated[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data, crc, size } of files) {
    const fname = Buffer.from(name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(data.length, 18);
    head.writeUInt32LE(size, 22);
    head.writeUInt16LE(fname.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    head.copy(central, 8, 6, 30);
    central.writeUInt32LE(offset, 42);
    locals.push(head, fname, data);
    centrals.push(central, fname);
    offset += head.length + fname.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const deflate = (name: string, body: string | Buffer): Deflated => {
  const raw = Buffer.isBuffer(body) ? body : Buffer.from(body);
  return { name, data: zlib.deflateRawSync(raw, { level: 9 }), crc: zlib.crc32(raw), size: raw.length };
};

/** A minimal zip (deflate, no data descriptors), enough to build hostile archives by hand. */
export function zipOf(files: Record<string, string | Buffer>): Buffer {
  return assemble(Object.entries(files).map(([name, body]) => deflate(name, body)));
}

const WORKBOOK =
  '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="会员名册" sheetId="1" r:id="rId1"/></sheets></workbook>';
const RELS =
  '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';

/** A one-sheet workbook around the given sheet XML (and optional shared strings). */
export function workbookOf(sheetXml: string, sharedStrings?: string): Buffer {
  const rels = sharedStrings
    ? RELS.replace(
        '</Relationships>',
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
      )
    : RELS;
  return zipOf({
    'xl/workbook.xml': WORKBOOK,
    'xl/_rels/workbook.xml.rels': rels,
    'xl/worksheets/sheet1.xml': sheetXml,
    ...(sharedStrings ? { 'xl/sharedStrings.xml': sharedStrings } : {}),
  });
}

/**
 * The reviewer's attack: a small xlsx whose first data row holds one inline string of `textBytes` bytes
 * (398 MB by default), deflated at a ratio (about 230) under the archive's ratio cap. Built in 1 MB steps.
 */
export async function hugeInlineStringXlsx(textBytes = 398 * 1024 * 1024): Promise<Buffer> {
  const head = Buffer.from(
    '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>身份证号</t></is></c>' +
      '<c r="C1" t="inlineStr"><is><t>入会日期</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>',
  );
  const tail = Buffer.from('</t></is></c></row></sheetData></worksheet>');
  const chunk = Buffer.alloc(1024 * 1024, 'A');
  const z = zlib.createDeflateRaw({ level: 1 });
  const out: Buffer[] = [];
  z.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve, reject) => z.on('end', resolve).on('error', reject));
  const write = async (b: Buffer) => {
    if (!z.write(b)) await once(z, 'drain');
  };
  let crc = zlib.crc32(head);
  await write(head);
  for (let left = textBytes; left > 0; left -= chunk.length) {
    const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = zlib.crc32(part, crc);
    await write(part);
  }
  crc = zlib.crc32(tail, crc);
  z.end(tail);
  await done;
  const sheet: Deflated = { name: 'xl/worksheets/sheet1.xml', data: Buffer.concat(out), crc, size: head.length + textBytes + tail.length };
  return assemble([deflate('xl/workbook.xml', WORKBOOK), deflate('xl/_rels/workbook.xml.rels', RELS), sheet]);
}
