// SAX over a zip entry. Bytes go through a streaming UTF-8 decoder before the parser, so a multi-byte
// character split across two chunks is reassembled (exceljs's reader decodes each chunk on its own and
// garbles Chinese text at chunk boundaries).
import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ExcelFileError } from './zip.ts';

/**
 * Longest stretch of a part without markup (one text node, attribute or tag), and the most text the parser may
 * buffer: the parser collects a text node whole before handing it over, so without this bound one hostile
 * inline string (hundreds of MB inflated from a small file) would be built in memory.
 */
export const MAX_TEXT_BYTES = 512 * 1024;
const TOO_LONG = '单元格内容过长（超过 Excel 的单元格上限），文件可能被篡改，已拒绝处理';

export interface XmlHandlers {
  open?: (name: string, attrs: Record<string, string>) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
}

/** Element name without its namespace prefix (`x:row` → `row`). */
export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** OOXML escapes characters XML cannot hold as `_xHHHH_`. */
export function decodeOoxmlEscapes(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function parserFor(h: XmlHandlers): SaxesParser<{ xmlns: false; position: false }> {
  const p = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  if (h.open) {
    const open = h.open;
    p.on('opentag', (tag: SaxesTagPlain) => open(localName(tag.name), tag.attributes));
  }
  if (h.close) {
    const close = h.close;
    p.on('closetag', (tag: SaxesTagPlain) => close(localName(tag.name)));
  }
  if (h.text) {
    p.on('text', h.text);
    p.on('cdata', h.text);
  }
  p.on('error', (e) => {
    throw new ExcelFileError(`Excel 文件内容格式错误，请重新保存后上传（${e.message.slice(0, 80)}）`);
  });
  return p;
}

/**
 * Feeds the stream to a SAX parser chunk by chunk and yields the running byte count after each chunk,
 * so callers can hand out what the handlers collected without holding the whole part in memory.
 */
export async function* saxChunks(stream: Readable, h: XmlHandlers): AsyncGenerator<number> {
  const parser = parserFor(h);
  const decoder = new TextDecoder('utf-8');
  // The parser keeps the pending text node (and CDATA, comments, attribute values) in a private field.
  const pending = parser as unknown as { text?: string };
  let sinceMarkup = 0;
  const chunks = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  let bytes = 0;
  try {
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await chunks.next();
      } catch {
        // Inflate errors, or an entry inflating past its declared size.
        throw new ExcelFileError('Excel 文件已损坏，无法读取，请重新保存后上传');
      }
      if (next.done) break;
      const buf = next.value;
      bytes += buf.length;
      // Gaps inside one chunk are shorter than the chunk (inflate hands out at most 64 KB).
      const first = buf.indexOf(0x3c);
      if (first >= 0 && sinceMarkup + first > MAX_TEXT_BYTES) throw new ExcelFileError(TOO_LONG);
      sinceMarkup = first < 0 ? sinceMarkup + buf.length : buf.length - 1 - buf.lastIndexOf(0x3c);
      if (sinceMarkup > MAX_TEXT_BYTES) throw new ExcelFileError(TOO_LONG);
      // Handlers may throw their own errors; they pass through unchanged.
      parser.write(decoder.decode(buf, { stream: true }));
      if ((pending.text?.length ?? 0) > MAX_TEXT_BYTES) throw new ExcelFileError(TOO_LONG);
      yield bytes;
    }
    parser.write(decoder.decode());
    parser.close();
    yield bytes;
  } finally {
    stream.destroy();
  }
}

/** Parses a whole (small) part. */
export async function parseXml(stream: Readable, h: XmlHandlers): Promise<void> {
  for await (const _ of saxChunks(stream, h));
}
