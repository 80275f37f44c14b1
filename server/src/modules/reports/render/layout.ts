// The document model and the 公文 page layout (GB/T 9704-2012) shared by the docx and PDF renderers.

/** A work summary ready to print: headings carry their own numbering ("一、…", "（一）…", "1. …"). */
export interface RenderDoc {
  title: string;
  /** The date written under the signature, e.g. 2026年7月5日. */
  dateLine: string;
  /** The org's name, signed at the end. */
  signer: string;
  sections: { heading: string; level: 1 | 2 | 3; paragraphs: string[] }[];
  /** `afterSection` is the index of the section the chart follows (below 0: before the first; too large: at the end). */
  charts: { caption: string; png: Buffer; afterSection: number }[];
}

/** Page and type metrics in points unless stated otherwise. */
export const MM = 72 / 25.4;
export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  /** 天头 37 mm, 订口 28 mm; the type area is 156 × 225 mm. */
  marginMm: { top: 37, bottom: 35, left: 28, right: 26 },
  /** The same page in twips as Word writes it for 21 × 29.7 cm and 3.7 / 3.5 / 2.8 / 2.6 cm margins. */
  twip: { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1588, right: 1474 },
  /** The page number sits about 7 mm below the type area. */
  pageNumberBelowMm: 7,
} as const;

export const TYPE = {
  /** 2号 */
  title: 22,
  /** 3号 */
  body: 16,
  /** 4号 */
  pageNumber: 14,
  caption: 14,
  /** 22 lines in the 225 mm type area: 28.95 pt (579 twips) fixed line spacing. */
  lineHeight: 28.95,
  titleLineHeight: 36,
} as const;

/** Millimetres → twentieths of a point (twips), as docx measures pages. */
export function mmToTwip(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

/** Charts grouped by the section they follow: index -1 holds charts before the first section. */
export function chartsBySection(doc: RenderDoc): Map<number, RenderDoc['charts']> {
  const last = doc.sections.length - 1;
  const out = new Map<number, RenderDoc['charts']>();
  for (const c of doc.charts) {
    const at = c.afterSection < 0 ? -1 : Math.min(Math.floor(c.afterSection), last);
    const list = out.get(at) ?? [];
    list.push(c);
    out.set(at, list);
  }
  return out;
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  const signature = '89504e470d0a1a0a';
  if (png.length < 24 || png.subarray(0, 8).toString('hex') !== signature) throw new Error('图表不是有效的 PNG 图片');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Approximate width in ems: CJK and full-width characters 1, others ½. */
export function emWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.5;
  return w;
}

/**
 * Right indents (in ems) for the signature block: the date stands 4 characters from the right margin (右空四字) and
 * the signer is centred over the date, shifted left when it is longer than the date.
 */
export function signatureIndents(signer: string, dateLine: string): { signer: number; date: number } {
  const date = 4;
  const signerIndent = date + (emWidth(dateLine) - emWidth(signer)) / 2;
  return { signer: Math.max(0, signerIndent), date };
}
