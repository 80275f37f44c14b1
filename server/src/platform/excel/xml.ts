// SAX over a zip entry. Bytes go through a streaming UTF-8 decoder before the parser, so a multi-byte
// character split across two chunks is reassembled (exceljs's reader decodes each chunk on its own and
// garbles Chinese text at chunk boundaries).
import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ExcelFileError } from './zip.ts';

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
      bytes += next.value.length;
      // Handlers may throw their own errors; they pass through unchanged.
      parser.write(decoder.decode(next.value, { stream: true }));
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
